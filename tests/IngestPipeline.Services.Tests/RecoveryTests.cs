using System.Security.Cryptography;
using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Infrastructure.Storage;
using IngestPipeline.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Services.Tests;

/// <summary>The Hangfire side of recovery, on the embedded default: the sweeper and an admin's re-OCR.</summary>
[Collection(PipelineRuns.Name)]
public sealed class RecoveryTests
{
    [Fact]
    public async Task The_sweeper_sends_a_document_whose_split_was_never_sent_on_to_review()
    {
        var work = Repository.NewTempDirectory();
        var data = Path.Combine(work, "data");
        var settings = new Dictionary<string, string> { ["Pipeline__DataDirectory"] = data, ["Pipeline__Scheduling__StageDeadline"] = "00:00:02" };
        var (web, address) = await HostProcess.WebAsync(settings, Path.Combine(work, "web.log"));
        using (web)
        using (var api = new PipelineClient(address))
        {
            // A document registered by a process that died before it could send the split: original and row, no message.
            var bytes = await File.ReadAllBytesAsync(TestScans.SamplePages[1]);
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            await new FolderBlobStore(Path.Combine(data, "blobs")).PutAsync(BlobNames.Originals, BlobNames.Original(sha), new MemoryStream(bytes), overwrite: false);
            var options = new PipelineOptions { DataDirectory = data };
            await using (var db = new SqlitePipelineDbContext(new DbContextOptionsBuilder<SqlitePipelineDbContext>().UseSqlite(StateRegistration.SqliteConnectionString(options)).Options))
            {
                var longAgo = DateTime.UtcNow.AddHours(-1);
                db.Documents.Add(new Document
                {
                    Id = Guid.NewGuid(), Sha256 = sha, FileName = "orphan.png", SizeBytes = bytes.Length,
                    Stage = DocumentStage.Registered, StageChangedAt = longAgo, CreatedAt = longAgo, UpdatedAt = longAgo,
                });
                await db.SaveChangesAsync();
            }

            await api.PostAsync("api/admin/sweep");

            var settled = await api.WaitUntilSettledAsync(1, TimeSpan.FromMinutes(2), web.Log);
            Assert.Equal("AwaitingReview", Assert.Single(settled.Items).Stage);
            Assert.Single(await api.ReviewQueueAsync());
        }
    }

    [Fact]
    public async Task Re_OCR_of_a_document_runs_it_again_and_it_is_in_the_review_queue_once()
    {
        var work = Repository.NewTempDirectory();
        var (web, address) = await HostProcess.WebAsync(new Dictionary<string, string> { ["Pipeline__DataDirectory"] = Path.Combine(work, "data") }, Path.Combine(work, "web.log"));
        using (web)
        using (var api = new PipelineClient(address))
        {
            var id = (await api.UploadAsync([TestScans.SamplePages[1]])).Single().DocumentId!.Value;
            await api.WaitUntilSettledAsync(1, TimeSpan.FromMinutes(2), web.Log);
            var firstQueueEntry = Assert.Single(await api.ReviewQueueAsync());

            await api.PostAsync($"api/admin/documents/{id}/reprocess");
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while ((await api.ReviewQueueAsync()).SingleOrDefault() is { } entry && entry.Id == firstQueueEntry.Id && DateTime.UtcNow < deadline)
                await Task.Delay(200); // the old entry goes when the re-OCR starts
            await api.WaitUntilSettledAsync(1, TimeSpan.FromMinutes(2), web.Log);

            var again = Assert.Single(await api.ReviewQueueAsync());
            Assert.Equal(id, again.DocumentId);
            Assert.NotEqual(firstQueueEntry.Id, again.Id);
            Assert.Contains("Chungking", await api.TextAsync(id));
        }
    }
}
