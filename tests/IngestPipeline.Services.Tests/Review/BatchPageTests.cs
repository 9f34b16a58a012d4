using System.Text.RegularExpressions;
using IngestPipeline.Services.Tests.Support;
using Microsoft.Playwright;

namespace IngestPipeline.Services.Tests.Review;

/// <summary>An upload is a batch with a page of its own, which still shows every file after the upload page is gone.</summary>
public sealed partial class ReviewAppTests
{
    [Fact]
    public async Task An_upload_is_a_batch_whose_page_follows_every_file_after_the_upload_page_is_left()
    {
        var folder = Repository.NewTempDirectory();
        var copy = TestScans.UniqueCopies(TestScans.SamplePages.Where(p => Path.GetFileName(p).StartsWith("dev13", StringComparison.Ordinal)).ToList(), 1, folder).Single();
        var fresh = Path.Combine(folder, "batch-dev13.png"); // not a name the app's own copies have
        File.Move(copy, fresh);
        var empty = Path.Combine(folder, "empty-scan.png");
        await File.WriteAllBytesAsync(empty, []);
        var page = await app.SignInAsync(TestAccounts.Staff);
        await page.GotoAsync("/upload");
        await page.FillAsync("input[name=collection]", "batch-test");

        await page.SetInputFilesAsync("#files", [fresh, empty]);
        var link = page.Locator("#batch-link a");
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#uploads tbody tr")).ToHaveCountAsync(2);
        var batchUrl = await link.GetAttributeAsync("href");
        Assert.Matches("^/batches/[0-9a-f-]{36}$", batchUrl);

        // The upload page forgets its rows; the batch page has them all, and follows the document until it waits for review.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#uploads tbody tr")).ToHaveCountAsync(0);
        await page.GotoAsync("/batches");
        await page.Locator($"a[href='{batchUrl}']").ClickAsync();
        await page.WaitForURLAsync($"**{batchUrl}");
        var rows = page.Locator("#uploads tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var refused = rows.Filter(new() { HasText = "empty-scan.png" });
        await Assertions.Expect(refused.Locator(".stage")).ToHaveTextAsync("Refused");
        await Assertions.Expect(refused.Locator(".reason")).ToContainTextAsync("empty");
        var read = rows.Filter(new() { HasText = Path.GetFileName(fresh) });
        await Assertions.Expect(read.Locator(".stage")).ToHaveTextAsync("AwaitingReview", new() { Timeout = 120_000 }); // the page refreshes itself
        await Assertions.Expect(read.Locator("progress")).ToHaveAttributeAsync("value", "100");
        await Assertions.Expect(page.Locator("#batch-summary")).ToHaveTextAsync(new Regex("^2 files: 0 in progress, 1 in review, 0 published, 1 failed or refused"));
        await app.ScreenshotAsync(page, "batch.png");

        // The API tells the same, and a request without a batch is one of its own.
        var batch = await app.Api.BatchAsync(Guid.Parse(batchUrl![9..]));
        Assert.Equal(("Upload", TestAccounts.Staff, 2, 1), (batch.Kind, batch.CreatedBy, batch.Files, batch.Failed));
        var again = Assert.Single(await app.Api.UploadAsync([fresh]));
        Assert.True(again.Duplicate);
        Assert.NotEqual(batch.Id, again.BatchId);
        Assert.Equal(again.DocumentId, Assert.Single((await app.Api.BatchAsync(again.BatchId)).Entries).DocumentId);
        await page.Context.CloseAsync();
    }
}
