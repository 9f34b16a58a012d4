using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Pipeline.Hosting;

namespace IngestPipeline.Pipeline.Publish;

/// <summary>Two publications at once (a searchable PDF holds its page images in memory); one that runs past the stage deadline is given up, as the sweeper would.</summary>
public sealed class PublishDocumentConsumerDefinition(PipelineOptions options)
    : StageDefinition<PublishDocumentConsumer>(2, options.Scheduling.StageDeadline);
