using System.Diagnostics;
using System.Security.Cryptography;
using IngestPipeline.Infrastructure.Storage;
using IngestPipeline.Services.Tests.Support;
using Xunit.Abstractions;

namespace IngestPipeline.Services.Tests.Hardening;

/// <summary>
/// Load with faults on the scale-out (web host, two workers, RabbitMQ, PostgreSQL, Azurite, all on 127.0.0.1):
/// FAULT_LOAD_PAGES single-page documents (default 40; infra/fault-load.sh runs 1,000) while a worker is killed
/// with kill -9, RabbitMQ and PostgreSQL are restarted and Azurite is stopped for 10 seconds. At the end every
/// document is in the review queue exactly once and every original is byte for byte what was uploaded.
/// </summary>
[Collection(PipelineRuns.Name)]
public sealed class FaultLoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_document_reaches_review_exactly_once_with_its_original_intact_through_a_killed_worker_and_restarted_services()
    {
        int pages = int.TryParse(Environment.GetEnvironmentVariable("FAULT_LOAD_PAGES"), out var n) ? n : 40;
        var corpus = Path.Combine(Repository.Root, "..", "shared", "corpus", "dev");
        var sources = pages > 100 && Directory.Exists(corpus) ? Directory.GetFiles(corpus, "*.png").Order().ToList() : TestScans.SamplePages;
        var timeout = TimeSpan.FromSeconds(300 + pages * 6);
        var clock = Stopwatch.StartNew();

        using var deployment = await ScaleOutDeployment.StartAsync();
        var files = TestScans.UniqueCopies(sources, pages, Directory.CreateDirectory(Path.Combine(deployment.Work, "scans")).FullName);
        var ids = new List<Guid>();
        foreach (var batch in files.Chunk(25)) ids.AddRange((await deployment.Api.UploadAsync(batch, collection: "fault-load")).Select(u => u.DocumentId!.Value));
        var uploadedIn = clock.Elapsed;

        var peakRss = new Dictionary<int, long>();
        var faults = new List<string>();
        var services = Path.Combine(Repository.Root, "infra", "services.sh");
        (double At, string Name, Action Inject)[] schedule =
        [
            (0.15, "kill -9 of worker 1, a new worker started", () => { deployment.Workers[0].KillHard(); deployment.StartWorker(); }),
            (0.35, "RabbitMQ restarted", () => Repository.Run(services, "restart", "rabbitmq")),
            (0.55, "PostgreSQL restarted", () => Repository.Run(services, "restart", "postgres")),
            (0.75, "Azurite stopped for 10 s", () => { Repository.Run(services, "stop", "azurite"); Thread.Sleep(10_000); Repository.Run(services, "start", "azurite"); }),
        ];
        int next = 0;
        var deadline = DateTime.UtcNow + timeout;
        DocumentList list;
        while (true)
        {
            foreach (var worker in deployment.Workers.Where(w => !w.HasExited)) peakRss[worker.Id] = Math.Max(peakRss.GetValueOrDefault(worker.Id), worker.PeakResidentBytes);
            try
            {
                list = await deployment.Api.AllDocumentsAsync();
            }
            catch (HttpRequestException)
            {
                await Task.Delay(1000); // the web host's database may be restarting
                continue;
            }
            int settled = list.Items.Count(d => d.Stage is "AwaitingReview" or "Failed");
            if (next < schedule.Length && settled >= schedule[next].At * pages)
            {
                schedule[next].Inject();
                faults.Add($"{schedule[next].Name} at {settled}/{pages} documents, {clock.Elapsed.TotalSeconds:0} s");
                next++;
            }
            if (settled == pages && next == schedule.Length) break;
            Assert.True(DateTime.UtcNow < deadline, $"{settled} of {pages} documents settled after {timeout}\n{deployment.Logs()}");
            await Task.Delay(2000);
        }
        var elapsed = clock.Elapsed;

        var queue = await deployment.Api.ReviewQueueAsync();
        var failed = list.Items.Where(d => d.Stage != "AwaitingReview").ToList();
        var lost = ids.Except(queue.Select(q => q.DocumentId)).Count();
        var duplicates = queue.Count - queue.Select(q => q.DocumentId).Distinct().Count();
        var strangers = queue.Select(q => q.DocumentId).Except(ids).Count();

        var blobs = AzureBlobStore.FromConnectionString(deployment.Settings["Pipeline__Blobs__ConnectionString"], deployment.Settings["Pipeline__Blobs__ContainerPrefix"]);
        int altered = 0;
        double longestPage = 0;
        for (int i = 0; i < files.Count; i++)
        {
            var expected = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(files[i])));
            var document = await deployment.Api.DocumentAsync(ids[i]);
            await using var stored = await blobs.OpenReadAsync(BlobNames.Originals, expected);
            if (document.Sha256 != expected || Convert.ToHexStringLower(await SHA256.HashDataAsync(stored)) != expected) altered++;
            longestPage = Math.Max(longestPage, document.Pages.Max(p => p.RecognitionSeconds ?? 0));
        }

        var report = string.Join("\n", (string[])[
            $"documents uploaded: {ids.Count} ({pages} pages, from {sources.Count} distinct page images) in {uploadedIn.TotalSeconds:0} s",
            $"faults injected: {faults.Count}", .. faults.Select(f => $"  {f}"),
            $"in the review queue: {queue.Count}; lost: {lost}; duplicates: {duplicates}; unknown: {strangers}; failed: {failed.Count}",
            $"originals altered or missing: {altered} of {files.Count}",
            $"time: {elapsed.TotalSeconds:0} s ({pages / elapsed.TotalMinutes:0.0} pages/min with the faults)",
            $"longest page on an engine: {longestPage:0.0} s",
            $"peak RSS per worker: {string.Join(", ", peakRss.Values.Select(b => $"{b / (1024 * 1024)} MB"))}"]);
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("FAULT_LOAD_REPORT") is { Length: > 0 } reportFile) await File.WriteAllTextAsync(reportFile, report + "\n");

        Assert.True(failed.Count == 0, $"{string.Join("\n", failed.Select(d => $"{d.FileName}: {d.Stage} {d.FailureReason}"))}\n{report}\n{deployment.Logs()}");
        Assert.Equal((0, 0, 0, 0), (lost, duplicates, strangers, altered));
        Assert.Equal(pages, queue.Count);
        Assert.All(peakRss.Values, rss => Assert.True(rss < 1024L * 1024 * 1024, report));
    }
}
