using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Pipeline.Hosting;
using MassTransit;

namespace IngestPipeline.Pipeline.Publish;

/// <summary>Two publications at once (a searchable PDF holds its page images in memory); one that runs past the stage deadline is given up, as the sweeper would.</summary>
public sealed class PublishDocumentConsumerDefinition : ConsumerDefinition<PublishDocumentConsumer>
{
    private readonly PipelineOptions _options;

    public PublishDocumentConsumerDefinition(PipelineOptions options)
    {
        _options = options;
        ConcurrentMessageLimit = 2;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<PublishDocumentConsumer> consumer,
        IRegistrationContext context)
    {
        endpoint.UseMessageRetry(StageRetry.Transient);
        consumer.UseTimeout(t => t.Timeout = _options.Scheduling.StageDeadline);
    }
}
