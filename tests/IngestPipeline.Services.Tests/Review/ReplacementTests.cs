using System.Text.Json;
using IngestPipeline.Services.Tests.Support;
using Microsoft.Playwright;

namespace IngestPipeline.Services.Tests.Review;

/// <summary>A file that failed is replaced by the mended one in one step, which takes its place in its batch and collection.</summary>
public sealed partial class ReviewAppTests
{
    [Fact]
    public async Task A_failed_file_is_replaced_by_the_mended_one_in_its_place_in_its_batch_and_collection()
    {
        var folder = Repository.NewTempDirectory();
        var mended = Path.Combine(folder, "mended-dev13.png");
        File.Move(TestScans.UniqueCopies(TestScans.SamplePages.Where(p => Path.GetFileName(p).StartsWith("dev13", StringComparison.Ordinal)).ToList(), 2, folder)[1], mended);
        var bytes = await File.ReadAllBytesAsync(mended);
        var broken = Path.Combine(folder, "torn-in-transfer.png");
        await File.WriteAllBytesAsync(broken, bytes[..(bytes.Length / 3)]);
        var upload = Assert.Single(await app.Api.UploadAsync([broken], collection: "mended"));
        var failed = upload.DocumentId!.Value;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await app.Api.DocumentAsync(failed)).Stage != "Failed" && DateTime.UtcNow < deadline) await Task.Delay(250);

        var page = await app.SignInAsync(TestAccounts.Staff);
        await page.GotoAsync($"/documents/{failed}");
        await page.Locator("#replace").ClickAsync(); // without a file: says so, changes nothing
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("Choose the mended file first.");
        await page.SetInputFilesAsync("#replacement", broken); // the same bytes: nothing would change
        await page.Locator("#replace").ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("is the same file as the one that failed");

        await page.SetInputFilesAsync("#replacement", mended);
        await page.Locator("#replace").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains(failed.ToString()));
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("\"torn-in-transfer.png\" is replaced by \"mended-dev13.png\"");
        var replacement = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        Assert.Equal(404, (await page.APIRequest.GetAsync($"/api/documents/{failed}")).Status);
        using (var document = JsonDocument.Parse(await app.Api.GetStringAsync($"api/documents/{replacement}")))
            Assert.Equal("mended", document.RootElement.GetProperty("collection").GetString());
        var line = Assert.Single((await app.Api.BatchAsync(upload.BatchId)).Entries);
        Assert.Equal((replacement, "mended-dev13.png"), (line.DocumentId, line.FileName));

        using var notFailed = await app.Api.ReplaceAsync(app.Document("dev00"), mended); // someone's work: never replaced
        Assert.Equal(System.Net.HttpStatusCode.Conflict, notFailed.StatusCode);
        Assert.Contains("only a failed document can be replaced", await notFailed.Content.ReadAsStringAsync());
        await page.Context.CloseAsync();
    }
}
