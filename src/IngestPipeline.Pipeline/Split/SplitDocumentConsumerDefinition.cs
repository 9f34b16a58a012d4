using IngestPipeline.Pipeline.Hosting;

namespace IngestPipeline.Pipeline.Split;

/// <summary>
/// Two splits at once: a split holds its whole original in memory. No tight timeout: a split of a 500-page file takes
/// minutes and moves its stage's clock on at every page, so the sweeper does not take it for a dead one; the hour
/// only ends a split stuck on a store that stopped answering.
/// </summary>
public sealed class SplitDocumentConsumerDefinition() : StageDefinition<SplitDocumentConsumer>(2, TimeSpan.FromHours(1));
