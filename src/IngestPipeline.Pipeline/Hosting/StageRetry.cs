using MassTransit;

namespace IngestPipeline.Pipeline.Hosting;

/// <summary>
/// Transient faults (a database or blob store briefly away, the broker reconnecting) are retried with growing pauses
/// for about two minutes; past that the message goes to the error queue and the sweeper sends the work again once the
/// stage deadline has passed. Bad input never throws out of a consumer: it fails its document.
/// </summary>
internal static class StageRetry
{
    public static void Transient(IRetryConfigurator retry) =>
        retry.Exponential(8, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));
}
