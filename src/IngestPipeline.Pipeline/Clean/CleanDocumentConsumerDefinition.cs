using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Pipeline.Hosting;

namespace IngestPipeline.Pipeline.Clean;

/// <summary>Two cleanings at once (each is CPU work beside the engines); one that runs past the stage deadline is given up, as the sweeper would.</summary>
public sealed class CleanDocumentConsumerDefinition(PipelineOptions options)
    : StageDefinition<CleanDocumentConsumer>(2, options.Scheduling.StageDeadline);
