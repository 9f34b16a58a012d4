using IngestPipeline.Pipeline.Hosting;
using MassTransit;

namespace IngestPipeline.Pipeline.Split;

/// <summary>
/// Two splits at once: a split holds its whole original in memory. No tight timeout: a split of a 500-page file takes
/// minutes and moves its stage's clock on at every page, so the sweeper does not take it for a dead one; the hour
/// only ends a split stuck on a store that stopped answering.
/// </summary>
public sealed class SplitDocumentConsumerDefinition : ConsumerDefinition<SplitDocumentConsumer>
{
    public SplitDocumentConsumerDefinition() => ConcurrentMessageLimit = 2;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<SplitDocumentConsumer> consumer,
        IRegistrationContext context)
    {
        endpoint.UseMessageRetry(StageRetry.Transient);
        consumer.UseTimeout(t => t.Timeout = TimeSpan.FromHours(1));
    }
}
