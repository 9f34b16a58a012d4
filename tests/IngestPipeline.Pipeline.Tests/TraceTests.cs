using System.Collections.Concurrent;
using System.Diagnostics;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Hosting;
using IngestPipeline.Pipeline.Tests.Support;

namespace IngestPipeline.Pipeline.Tests;

/// <summary>Alone: an activity listener hears every test's spans in this process.</summary>
[CollectionDefinition(nameof(TraceTests), DisableParallelization = true)]
public sealed class TraceTestsRunAlone;

[Collection(nameof(TraceTests))]
public sealed class TraceTests
{
    [Fact]
    public async Task A_documents_stages_are_one_trace_from_its_upload_through_the_outbox()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or PipelineMetrics.Name or nameof(TraceTests),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var uploads = new ActivitySource(nameof(TraceTests));
        await using var pipeline = await PipelineUnderTest.StartAsync();

        Guid id;
        ActivityTraceId trace;
        using (var upload = uploads.StartActivity("upload")!)
        {
            trace = upload.TraceId;
            id = await pipeline.RegisterAsync(TestFolders.SamplePages[1]);
        }
        await pipeline.RunUntilAsync(id, DocumentStage.AwaitingReview);

        var consumed = spans.Where(s => s.Kind == ActivityKind.Consumer).ToList();
        Assert.True(consumed.Count >= 3, $"split, a page and the cleaning should each be a span; got {string.Join(", ", consumed.Select(s => s.DisplayName))}");
        Assert.All(consumed, span => Assert.Equal(trace, span.TraceId));
        Assert.Contains(spans, s => s.Source.Name == PipelineMetrics.Name && s.TraceId == trace);
    }
}
