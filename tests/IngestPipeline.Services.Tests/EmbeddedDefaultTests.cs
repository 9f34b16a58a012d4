using IngestPipeline.Services.Tests.Support;

namespace IngestPipeline.Services.Tests;

/// <summary>
/// The embedded default end to end: one process (the web host) with SQLite, a blob folder and the in-memory bus,
/// nothing else installed.
/// </summary>
[Collection(PipelineRuns.Name)]
public sealed class EmbeddedDefaultTests
{
    [Fact]
    public async Task Uploads_reach_the_review_queue_a_duplicate_returns_the_same_document_and_a_corrupt_file_fails_alone()
    {
        var work = Repository.NewTempDirectory();
        var (web, address) = await HostProcess.WebAsync(new Dictionary<string, string> { ["Pipeline__DataDirectory"] = Path.Combine(work, "data") }, Path.Combine(work, "web.log"));
        using (web)
        using (var api = new PipelineClient(address))
        {
            var samples = TestScans.SamplePages;
            var corrupt = TestScans.TruncatedPng(work);
            var uploaded = await api.UploadAsync([.. samples, corrupt], collection: "tests");
            Assert.All(uploaded, u => Assert.Null(u.Error));

            var again = await api.UploadAsync([samples[0]]);
            Assert.True(again.Single().Duplicate);
            Assert.Equal(uploaded[0].DocumentId, again.Single().DocumentId);

            var settled = await api.WaitUntilSettledAsync(samples.Count + 1, TimeSpan.FromMinutes(3), web.Log);
            Assert.Equal(samples.Count + 1, settled.Total);
            var failed = Assert.Single(settled.Items, d => d.Stage == "Failed");
            Assert.Equal("cut-short.png", failed.FileName);
            Assert.StartsWith("cut-short.png: ", failed.FailureReason);
            Assert.Contains("truncated or corrupt", failed.FailureReason);

            var queue = await api.ReviewQueueAsync();
            Assert.Equal(samples.Count, queue.Count);
            Assert.Equal(samples.Count, queue.Select(q => q.DocumentId).Distinct().Count());
            var seed = settled.Items.Single(d => d.FileName.StartsWith("dev00_seed"));
            var text = await api.TextAsync(seed.Id);
            Assert.Contains("HARRIMAN", text);
            Assert.Contains("[ILLEGIBLE]", text);

            // The host's /metrics counts the run: every page, the review backlog, the failure, nothing left unsent.
            var metrics = await PrometheusText.ScrapeAsync(address);
            Assert.Equal(samples.Count, PrometheusText.Sum(metrics, "ingestpipeline_pages_total", ("outcome", "recognized")));
            Assert.Equal(samples.Count, PrometheusText.Sum(metrics, "ingestpipeline_documents", ("stage", "AwaitingReview")));
            Assert.Equal(1, PrometheusText.Sum(metrics, "ingestpipeline_documents", ("stage", "Failed")));
            Assert.Equal(1, PrometheusText.Sum(metrics, "ingestpipeline_documents_failed_total"));
            Assert.Equal(samples.Count, PrometheusText.Sum(metrics, "ingestpipeline_stage_duration_seconds_count", ("stage", "clean")));
            Assert.Equal(0, PrometheusText.Sum(metrics, "ingestpipeline_outbox_waiting"));
            Assert.True(PrometheusText.Sum(metrics, "ingestpipeline_engines_busy_time_seconds_total") > 0, metrics);
        }
    }

    [Fact]
    public async Task The_inbox_ingestion_takes_every_file_reports_duplicates_and_empties_the_inbox()
    {
        var work = Repository.NewTempDirectory();
        var data = Path.Combine(work, "data");
        var inbox = Directory.CreateDirectory(Path.Combine(data, "blobs", "inbox")).FullName;
        var samples = TestScans.SamplePages;
        foreach (var page in samples) File.Copy(page, Path.Combine(inbox, Path.GetFileName(page)));
        File.Copy(samples[0], Path.Combine(inbox, "same bytes again.png")); // five files, one a duplicate

        var (web, address) = await HostProcess.WebAsync(new Dictionary<string, string> { ["Pipeline__DataDirectory"] = data }, Path.Combine(work, "web.log"));
        using (web)
        using (var api = new PipelineClient(address))
        {
            await api.PostAsync("api/admin/ingest-inbox");
            var run = await WaitForRunAsync(api, web);
            Assert.Equal(5, run.FilesTaken);
            Assert.Equal(1, run.Duplicates);
            Assert.Equal(0, run.Failures);
            Assert.Contains("same bytes again.png: duplicate of", run.Report);
            Assert.Empty(Directory.GetFiles(inbox));

            var settled = await api.WaitUntilSettledAsync(samples.Count, TimeSpan.FromMinutes(3), web.Log);
            Assert.All(settled.Items, d => Assert.Equal("AwaitingReview", d.Stage));
            Assert.Equal(samples.Count, (await api.ReviewQueueAsync()).Count);

            // The run is a batch: every file, the duplicate pointing at the earlier document.
            var batch = await api.BatchAsync(Assert.Single(await api.BatchesAsync()).Id);
            Assert.Equal(("Inbox", 5, 5, 0), (batch.Kind, batch.Files, batch.InReview, batch.InProgress));
            var duplicate = Assert.Single(batch.Entries, e => e.Duplicate);
            Assert.Equal("same bytes again.png", duplicate.FileName);
            Assert.Equal(batch.Entries.Single(e => e.FileName == Path.GetFileName(samples[0])).DocumentId, duplicate.DocumentId);
        }
    }

    [Fact]
    public async Task Without_the_second_recognisers_models_the_host_refuses_to_start_and_says_how_to_install_them()
    {
        var work = Repository.NewTempDirectory();
        var empty = Directory.CreateDirectory(Path.Combine(work, "models")).FullName;
        var settings = new Dictionary<string, string> { ["Pipeline__DataDirectory"] = Path.Combine(work, "data"), ["Pipeline__Ocr__ModelsPath"] = empty };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.WebAsync(settings, Path.Combine(work, "web.log")));

        Assert.Contains("ch_PP-OCRv4_rec_infer.onnx", refused.Message);
        Assert.Contains("infra/fetch-models.sh", refused.Message);
        // Tesseract alone needs no models: the same host starts.
        settings["Pipeline__Ocr__Engines"] = "tesseract";
        var (web, _) = await HostProcess.WebAsync(settings, Path.Combine(work, "web-tesseract.log"));
        web.Dispose();
    }

    internal static async Task<IngestionRunView> WaitForRunAsync(PipelineClient api, HostProcess web)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if ((await api.IngestionRunsAsync()).FirstOrDefault() is { FinishedAt: not null } run) return run;
            await Task.Delay(500);
        }
        throw new TimeoutException($"No ingestion run finished: {web.Log()}");
    }
}

/// <summary>Tests that run whole pipelines share the machine's cores: one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PipelineRuns
{
    public const string Name = "Pipeline runs";
}
