using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Pipeline.Hosting;
using MassTransit;

namespace IngestPipeline.Pipeline.Clean;

/// <summary>Two cleanings at once (each is CPU work beside the engines); one that runs past the stage deadline is given up, as the sweeper would.</summary>
public sealed class CleanDocumentConsumerDefinition : ConsumerDefinition<CleanDocumentConsumer>
{
    private readonly PipelineOptions _options;

    public CleanDocumentConsumerDefinition(PipelineOptions options)
    {
        _options = options;
        ConcurrentMessageLimit = 2;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<CleanDocumentConsumer> consumer,
        IRegistrationContext context)
    {
        endpoint.UseMessageRetry(StageRetry.Transient);
        consumer.UseTimeout(t => t.Timeout = _options.Scheduling.StageDeadline);
    }
}
