using System.Diagnostics;
using System.Diagnostics.Metrics;
using IngestPipeline.Infrastructure.State;

namespace IngestPipeline.Pipeline.Hosting;

/// <summary>
/// What the stages count and time, for operators (meter and activity source <c>IngestPipeline.Pipeline</c>, served
/// on every host's <c>/metrics</c>): pages done by outcome and, for a failed page, the kind of reason; the seconds a page
/// held an engine; each stage's seconds per message; documents failed by the stage they failed in. Pages a minute is
/// the rate of the pages counter. The states (documents by stage, pages waiting, the outbox) are <see cref="PipelineGauges"/>.
/// </summary>
public sealed class PipelineMetrics
{
    public const string Name = "IngestPipeline.Pipeline";

    /// <summary>The spans the pipeline adds to MassTransit's and ASP.NET Core's: one trace per document (see OutboxDispatcher).</summary>
    public static readonly ActivitySource Traces = new(Name);

    /// <summary>From a split of a one-page file (a fraction of a second) to a long page past its deadline (minutes).</summary>
    private static readonly InstrumentAdvice<double> Seconds = new() { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120, 300] };

    private readonly Counter<long> _pages;
    private readonly Histogram<double> _recognition;
    private readonly Histogram<double> _stages;
    private readonly Counter<long> _failedDocuments;

    public PipelineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _pages = meter.CreateCounter<long>("ingestpipeline.pages", "{page}", "Pages done, by outcome (recognized or failed) and, for a failed page, the kind of reason");
        _recognition = meter.CreateHistogram("ingestpipeline.page.recognition.duration", "s", "Seconds a page held an OCR engine", advice: Seconds);
        _stages = meter.CreateHistogram("ingestpipeline.stage.duration", "s", "Seconds a stage took for one message, by stage", advice: Seconds);
        _failedDocuments = meter.CreateCounter<long>("ingestpipeline.documents.failed", "{document}", "Documents failed, by the stage they failed in");
    }

    public void PageRecognized(double engineSeconds)
    {
        _pages.Add(1, new KeyValuePair<string, object?>("outcome", "recognized"));
        _recognition.Record(engineSeconds);
    }

    /// <param name="reason">The kind of reason: unreadable, deadline, attempts.</param>
    public void PageFailed(string reason) =>
        _pages.Add(1, new KeyValuePair<string, object?>("outcome", "failed"), new KeyValuePair<string, object?>("reason", reason));

    public void DocumentFailed(DocumentStage stage) => _failedDocuments.Add(1, new KeyValuePair<string, object?>("stage", stage.ToString()));

    /// <summary>Times one message of <paramref name="stage"/> until the result is disposed.</summary>
    public StageTimer Time(string stage) => new(_stages, stage);

    public readonly struct StageTimer(Histogram<double> histogram, string stage) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public void Dispose() => histogram.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, new KeyValuePair<string, object?>("stage", stage));
    }
}
