using System.Security.Cryptography;
using IngestPipeline.Infrastructure.Storage;
using IngestPipeline.Services.Tests.Support;

namespace IngestPipeline.Services.Tests;

/// <summary>
/// The scale-out with the real services (started by infra/services.sh): a web host and two worker processes
/// competing for the same RabbitMQ queues, state in PostgreSQL, blobs in Azurite; faults injected mid-run.
/// </summary>
[Collection(PipelineRuns.Name)]
public sealed class ScaleOutTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task Ten_documents_reach_review_exactly_once_though_a_worker_is_killed_mid_run()
    {
        using var deployment = await ScaleOutDeployment.StartAsync();
        var files = TestScans.FourPageTiffs(deployment.Work, 10);
        var uploaded = await deployment.Api.UploadAsync(files, collection: "scale-out");
        var ids = uploaded.Select(u => u.DocumentId!.Value).ToList();

        var duplicate = await deployment.Api.UploadAsync([files[3]]);
        Assert.True(duplicate.Single().Duplicate);
        Assert.Equal(ids[3], duplicate.Single().DocumentId);

        await deployment.WaitForRecognizedPagesAsync(ids, 8, RunTimeout);
        deployment.Workers[0].KillHard();

        var settled = await deployment.Api.WaitUntilSettledAsync(10, RunTimeout, deployment.Logs);
        AssertAllInReviewOnce(settled, await deployment.Api.ReviewQueueAsync(), ids, deployment.Logs);
        Assert.All(settled.Items, d => Assert.Equal(4, d.PageCount));
        await AssertOriginalsUnchangedAsync(deployment, files, ids);

        // The web host runs no stage here: it takes uploads and serves page images, IIIF and search (PostgreSQL's)
        // without ever loading an OCR engine, so its image needs no Tesseract (infra/docker/web.Dockerfile).
        await deployment.Api.GetStringAsync($"api/documents/{ids[0]}/pages/2/image");
        await deployment.Api.GetStringAsync($"iiif/{ids[0]}/manifest");
        Assert.Contains(ids[0].ToString(), await deployment.Api.GetStringAsync($"api/search?q={Uri.EscapeDataString(FirstWord(await deployment.Api.TextAsync(ids[0])))}&take=100"));
        var loaded = await File.ReadAllTextAsync($"/proc/{deployment.Web.Id}/maps");
        foreach (var engine in new[] { "libtesseract", "liblept", "libonnxruntime" })
            Assert.DoesNotContain(engine, loaded);
    }

    private static string FirstWord(string text) => System.Text.RegularExpressions.Regex.Match(text, "[A-Za-z]{4,}").Value;

    [Fact]
    public async Task A_RabbitMQ_restart_mid_run_loses_and_duplicates_nothing()
    {
        using var deployment = await ScaleOutDeployment.StartAsync();
        var files = TestScans.FourPageTiffs(deployment.Work, 6);
        var ids = (await deployment.Api.UploadAsync(files)).Select(u => u.DocumentId!.Value).ToList();

        await deployment.WaitForRecognizedPagesAsync(ids, 4, RunTimeout);
        Repository.Run(Path.Combine(Repository.Root, "infra", "services.sh"), "restart", "rabbitmq");

        var settled = await deployment.Api.WaitUntilSettledAsync(6, RunTimeout, deployment.Logs);
        AssertAllInReviewOnce(settled, await deployment.Api.ReviewQueueAsync(), ids, deployment.Logs);
        Assert.All(deployment.Workers, w => Assert.False(w.HasExited, w.Log()));

        // Each worker's /metrics counts its own pages (a page caught by the restart may be read twice); the web host,
        // which recognises nothing, sees the state they left.
        double recognized = 0;
        foreach (var worker in deployment.Workers)
        {
            var metrics = await PrometheusText.ScrapeAsync(worker.Address!);
            Assert.Equal(1, PrometheusText.Sum(metrics, "ingestpipeline_engines"));
            recognized += PrometheusText.Sum(metrics, "ingestpipeline_pages_total", ("outcome", "recognized"));
        }
        Assert.InRange(recognized, 24, 24 + 4);
        var web = await PrometheusText.ScrapeAsync(deployment.Api.Address);
        Assert.Equal(6, PrometheusText.Sum(web, "ingestpipeline_documents", ("stage", "AwaitingReview")));
        Assert.Equal(0, PrometheusText.Sum(web, "ingestpipeline_pages_total"));
    }

    [Fact]
    public async Task The_nightly_ingestion_takes_the_inbox_container_and_a_corrupt_file_fails_alone_with_its_reason()
    {
        using var deployment = await ScaleOutDeployment.StartAsync();
        var blobs = AzureBlobStore.FromConnectionString(deployment.Settings["Pipeline__Blobs__ConnectionString"], deployment.Settings["Pipeline__Blobs__ContainerPrefix"]);
        var inbox = TestScans.SamplePages.Append(TestScans.TruncatedPng(deployment.Work)).ToList(); // five files
        foreach (var file in inbox)
        {
            await using var content = File.OpenRead(file);
            await blobs.PutAsync(BlobNames.Inbox, Path.GetFileName(file), content, overwrite: true);
        }

        await deployment.Api.PostAsync("api/admin/ingest-inbox");
        var run = await EmbeddedDefaultTests.WaitForRunAsync(deployment.Api, deployment.Web);
        Assert.Equal(5, run.FilesTaken);
        Assert.Equal(0, run.Duplicates);
        Assert.Empty(await blobs.ListAsync(BlobNames.Inbox).ToListAsync());

        var settled = await deployment.Api.WaitUntilSettledAsync(5, RunTimeout, deployment.Logs);
        var failed = Assert.Single(settled.Items, d => d.Stage == "Failed");
        Assert.Equal("cut-short.png", failed.FileName);
        Assert.Contains("cut-short.png: ", failed.FailureReason);
        Assert.Contains("truncated or corrupt", failed.FailureReason);
        Assert.Equal(4, (await deployment.Api.ReviewQueueAsync()).Count);
    }

    private static void AssertAllInReviewOnce(DocumentList settled, IReadOnlyList<ReviewEntry> queue, IReadOnlyList<Guid> ids, Func<string> logs)
    {
        Assert.True(settled.Items.All(d => d.Stage == "AwaitingReview"), string.Join(", ", settled.Items.Select(d => $"{d.FileName}={d.Stage} {d.FailureReason}")) + logs());
        Assert.Equal(ids.Order(), queue.Select(q => q.DocumentId).Order());
    }

    private static async Task AssertOriginalsUnchangedAsync(ScaleOutDeployment deployment, IReadOnlyList<string> files, IReadOnlyList<Guid> ids)
    {
        var blobs = AzureBlobStore.FromConnectionString(deployment.Settings["Pipeline__Blobs__ConnectionString"], deployment.Settings["Pipeline__Blobs__ContainerPrefix"]);
        for (int i = 0; i < files.Count; i++)
        {
            var expected = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(files[i])));
            var document = await deployment.Api.DocumentAsync(ids[i]);
            Assert.Equal(expected, document.Sha256);
            await using var stored = await blobs.OpenReadAsync(BlobNames.Originals, expected);
            Assert.Equal(expected, Convert.ToHexStringLower(await SHA256.HashDataAsync(stored)));
        }
    }
}
