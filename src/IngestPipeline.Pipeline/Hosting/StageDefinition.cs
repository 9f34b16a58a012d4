using MassTransit;

namespace IngestPipeline.Pipeline.Hosting;

/// <summary>
/// What every stage's consumer definition shares: how many messages it takes at once, the transient-fault retry, and
/// a timeout past which a message's work is given up. Transient faults (a database or blob store briefly away, the
/// broker reconnecting) are retried with growing pauses for about two minutes; past that the message goes to the
/// error queue and the sweeper sends the work again once the stage deadline has passed. Bad input never throws out of
/// a consumer: it fails its document.
/// </summary>
public abstract class StageDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    private readonly TimeSpan _timeout;

    protected StageDefinition(int concurrentMessages, TimeSpan timeout)
    {
        ConcurrentMessageLimit = concurrentMessages;
        _timeout = timeout;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<TConsumer> consumer, IRegistrationContext context)
    {
        endpoint.UseMessageRetry(retry => retry.Exponential(8, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2)));
        consumer.UseTimeout(t => t.Timeout = _timeout);
    }
}
