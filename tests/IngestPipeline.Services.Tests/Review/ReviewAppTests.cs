using System.Text.RegularExpressions;
using IngestPipeline.Services.Tests.Support;
using Microsoft.Playwright;

namespace IngestPipeline.Services.Tests.Review;

/// <summary>The review app in a real Chromium: what reviewers and staff do, and what nobody may do.</summary>
[Collection(PipelineRuns.Name)]
public sealed partial class ReviewAppTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_and_the_api_answers_401()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });
        var page = await context.NewPageAsync();
        foreach (var path in new[] { "/queue", $"/review/{app.Document("dev00")}", "/upload", "/admin", "/hangfire" })
        {
            await page.GotoAsync(path);
            Assert.Matches("/login\\?ReturnUrl=", page.Url);
        }
        var api = await context.APIRequest.GetAsync("/api/documents");
        Assert.Equal(401, api.Status);
    }

    [Fact]
    public async Task Sign_out_in_the_header_ends_the_session()
    {
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        await page.GotoAsync("/queue");
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == "ingestpipeline");

        await page.ClickAsync("header form.who button[type=submit]");

        await page.WaitForURLAsync(url => url.Contains("/login"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "ingestpipeline");
        await page.GotoAsync("/queue");
        Assert.Matches("/login\\?ReturnUrl=", page.Url);
        Assert.Equal(401, (await page.Context.APIRequest.GetAsync("/api/documents")).Status);
    }

    [Fact]
    public async Task A_reviewer_jumps_to_a_flag_sees_its_crop_corrects_it_approves_and_finds_the_correction_in_the_published_text_and_pdf()
    {
        var id = app.Document("dev00");
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        await page.GotoAsync("/queue");
        await app.ScreenshotAsync(page, "queue.png");
        var row = page.Locator("tr", new PageLocatorOptions { Has = page.Locator($"a[href='/documents/{id}']") });
        await row.Locator("button", new LocatorLocatorOptions { HasText = "Review" }).ClickAsync();
        await page.WaitForURLAsync($"**/review/{id}");

        await page.Keyboard.PressAsync("Alt+N");
        await Assertions.Expect(page.Locator("#flag-position")).ToHaveTextAsync(new Regex("^Flag 1 of \\d+$"));
        // Low-confidence words are flags too; step on to the first [ILLEGIBLE].
        for (int i = 0; i < 20 && await page.TextContentAsync("#flag-kind") != "[ILLEGIBLE]"; i++) await page.Keyboard.PressAsync("Alt+N");
        var crop = page.Locator("#crop");
        await Assertions.Expect(crop).ToBeVisibleAsync();
        Assert.Contains($"/api/documents/{id}/pages/1/image", await page.Locator("#crop-image").EvaluateAsync<string>("c => c.style.backgroundImage"));
        // The learned decision set the marker: the panel says how sure it is that nobody can read the span.
        await Assertions.Expect(page.Locator("#flag-confidence")).ToHaveTextAsync(new Regex("^unreadable with probability (0\\.\\d\\d|1\\.00)$"));
        Assert.True(await crop.EvaluateAsync<int>("c => c.clientHeight") > 20);
        var focused = page.Locator(".line textarea:focus");
        var selected = await focused.EvaluateAsync<string>("i => i.value.substring(i.selectionStart, i.selectionEnd)");
        Assert.Equal("[ILLEGIBLE]", selected);
        await app.ScreenshotAsync(page, "review.png");

        // Several words typed into one flag stay several words in every output, the PDF's text layer too.
        await page.Keyboard.TypeAsync("Corrigendum with them");
        Assert.Contains("Corrigendum with them", await focused.InputValueAsync());
        await page.Keyboard.PressAsync("Control+Enter");
        await page.WaitForURLAsync(url => !url.EndsWith($"/review/{id}", StringComparison.Ordinal)); // on to the next cable
        await page.GotoAsync($"/documents/{id}");

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await app.Api.DocumentAsync(id)).Stage != "Published" && DateTime.UtcNow < deadline) await Task.Delay(250);
        Assert.Equal("Published", (await app.Api.DocumentAsync(id)).Stage);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("a.download", new PageLocatorOptions { HasText = "pdf" })).ToBeVisibleAsync();

        var text = await page.APIRequest.GetAsync($"/api/documents/{id}/published/txt");
        Assert.Equal(200, text.Status);
        Assert.Contains("Corrigendum with them", await text.TextAsync());
        var pdf = await page.APIRequest.GetAsync($"/api/documents/{id}/published/pdf");
        var file = Path.Combine(app.Work, "published.pdf");
        await File.WriteAllBytesAsync(file, await pdf.BodyAsync());
        Assert.Contains("Corrigendum with them", Repository.Run("pdftotext", file, "-"));
        // IIIF gives the reviewed text too, and links the published outputs.
        Assert.Contains("Corrigendum with them", await (await page.APIRequest.GetAsync($"/iiif/{id}/pages/1/annotations")).TextAsync());
        Assert.Contains($"/api/documents/{id}/published/pdf", await (await page.APIRequest.GetAsync($"/iiif/{id}/manifest")).TextAsync());

        // The reviewer's decision is a labelled example of its collection: the marker was wrong, the text not its guess.
        var examples = await page.APIRequest.GetAsync("/api/collections/samples/examples");
        Assert.Equal("application/x-ndjson; charset=utf-8", examples.Headers["content-type"]);
        var replaced = (await examples.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("document").GetGuid() == id && e.GetProperty("reviewed").GetString() == "Corrigendum with them").ToList();
        var example = Assert.Single(replaced);
        Assert.Equal(("MarkerReplaced", "Illegible", false, "samples"), (example.GetProperty("kind").GetString(), example.GetProperty("flag").GetString(),
            example.GetProperty("matchesGuess").GetBoolean(), example.GetProperty("collection").GetString()));
        Assert.InRange(example.GetProperty("probability").GetSingle(), 0, 1);
        Assert.Equal(404, (await page.APIRequest.GetAsync("/api/collections/no-such-collection/examples")).Status);

        // History: the pipeline's version and the approved one, with the correction in the diff.
        await Assertions.Expect(page.Locator("table.history tbody tr")).ToHaveCountAsync(2);
        await page.ClickAsync("table.history a[href='?version=2']");
        await Assertions.Expect(page.Locator("pre.diff .added")).ToContainTextAsync("Corrigendum");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Where_the_two_engines_disagree_the_flag_offers_the_other_reading_and_one_key_puts_it_in()
    {
        var id = app.Document("dev00");
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        await page.GotoAsync($"/review/{id}");
        await page.Locator(".line textarea").First.WaitForAsync();
        for (int i = 0; i < 60 && await page.TextContentAsync("#flag-kind") != "the two engines disagree"; i++) await page.Keyboard.PressAsync("Alt+N");
        Assert.Equal("the two engines disagree", await page.TextContentAsync("#flag-kind"));

        var focused = page.Locator(".line textarea:focus");
        var chosen = await focused.EvaluateAsync<string>("i => i.value.substring(i.selectionStart, i.selectionEnd)");
        var other = await page.TextContentAsync("#flag-guess");
        Assert.False(string.IsNullOrEmpty(other));
        Assert.NotEqual(chosen, other);
        var before = await focused.InputValueAsync();
        int at = await focused.EvaluateAsync<int>("i => i.selectionStart");

        var line = await focused.ElementHandleAsync();
        await page.Keyboard.PressAsync("Alt+G");
        var after = await line.EvaluateAsync<string>("i => i.value");
        Assert.Equal(string.Concat(before.AsSpan(0, at), other, before.AsSpan(at + chosen.Length)), after);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_cannot_open_the_review_page_nor_approve_by_posting_to_it()
    {
        var id = app.Document("dev13");
        var page = await app.SignInAsync(TestAccounts.Staff);
        await page.GotoAsync($"/review/{id}");
        Assert.EndsWith("/denied?ReturnUrl=%2Freview%2F" + id, page.Url);
        await page.GotoAsync("/queue");
        await Assertions.Expect(page.Locator("button", new PageLocatorOptions { HasText = "Review" })).ToHaveCountAsync(0);

        var post = await page.APIRequest.PostAsync($"/review/{id}", new APIRequestContextOptions
        {
            Form = page.APIRequest.CreateFormData().Set("decision", "approve").Set("Revision", "0"),
            MaxRedirects = 0,
        });
        Assert.NotEqual(200, post.Status);
        Assert.Equal("AwaitingReview", (await app.Api.DocumentAsync(id)).Stage);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Punch_holes_and_other_marks_that_are_not_text_are_outlined_on_the_scan_with_their_kind()
    {
        var id = app.Document("dev13"); // punched twice, its corner torn away
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        await page.GotoAsync($"/review/{id}");
        var holes = page.Locator(".sheet .region.punch-hole");
        await holes.First.WaitForAsync();
        Assert.Equal("punch-hole", await holes.First.GetAttributeAsync("title"));
        var hole = await holes.First.BoundingBoxAsync();
        var sheet = await page.Locator(".sheet").First.BoundingBoxAsync();
        Assert.NotNull(hole);
        Assert.NotNull(sheet);
        // A punch hole is a few millimetres across: a small square well inside the sheet.
        Assert.InRange(hole.Width / sheet.Width, 0.01, 0.1);
        Assert.InRange(hole.Height / hole.Width, 0.6, 1.6);
        Assert.InRange(hole.X, sheet.X, sheet.X + sheet.Width);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Hostile_text_in_lines_metadata_and_file_names_is_shown_as_text_and_never_runs()
    {
        const string hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"><b>bold</b>";
        var badName = Path.Combine(app.Work, "<img src=x onerror=window.__pwned=3>.png");
        File.Copy(TestScans.TruncatedPng(Repository.NewTempDirectory()), badName);
        await app.Api.UploadAsync([badName]);

        var id = app.Document("dev08");
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        await page.GotoAsync($"/review/{id}");
        await page.Locator(".line textarea").First.FillAsync(hostile);
        await page.FillAsync("input[name='Metadata.Title']", hostile);
        await page.ClickAsync("#save");
        var saved = page.Locator("p.notice[role=status]");
        await Assertions.Expect(saved).ToContainTextAsync("Saved as version");
        var version = Regex.Match(await saved.TextContentAsync() ?? "", "version (\\d+)").Groups[1].Value;

        Assert.Equal(hostile, await page.Locator(".line textarea").First.InputValueAsync());
        Assert.Equal(hostile, await page.InputValueAsync("input[name='Metadata.Title']"));
        await page.GotoAsync($"/documents/{id}?version={version}");
        await Assertions.Expect(page.Locator("pre.text")).ToContainTextAsync("<script>window.__pwned=1</script>");
        await page.GotoAsync("/queue?status=all");
        await Assertions.Expect(page.Locator("td a", new PageLocatorOptions { HasText = "<img src=x onerror=window.__pwned=3>.png" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("img[src=x], b:text('bold')").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_reviewers_saving_the_same_document_are_told_of_the_conflict_and_nothing_is_overwritten()
    {
        var id = app.Document("dev13");
        var first = await app.SignInAsync(TestAccounts.Reviewer);
        var second = await app.SignInAsync(TestAccounts.SecondReviewer);
        await first.GotoAsync($"/review/{id}");
        await second.GotoAsync($"/review/{id}");

        await first.Locator(".line textarea").Nth(2).FillAsync("First reviewer's line");
        await first.ClickAsync("#save");
        await Assertions.Expect(first.Locator("p.notice[role=status]")).ToContainTextAsync("Saved as version");

        await second.Locator(".line textarea").Nth(2).FillAsync("Second reviewer's line");
        await second.ClickAsync("#save");
        var error = second.Locator("#review-error");
        await Assertions.Expect(error).ToContainTextAsync($"{TestAccounts.Reviewer} saved version");
        await Assertions.Expect(error).ToContainTextAsync("Your changes were not saved");
        Assert.Equal("Second reviewer's line", await second.Locator(".line textarea").Nth(2).InputValueAsync()); // kept on the page

        await first.ReloadAsync();
        Assert.Equal("First reviewer's line", await first.Locator(".line textarea").Nth(2).InputValueAsync());
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unsaved_edit_is_kept_as_a_draft_and_restored_and_a_rejection_needs_a_comment()
    {
        var id = app.Document("dev08");
        var page = await app.SignInAsync(TestAccounts.SecondReviewer);
        await page.GotoAsync($"/review/{id}");
        await page.Locator(".line textarea").Nth(5).FillAsync("A draft nobody saved");
        await Assertions.Expect(page.Locator("#autosave")).ToContainTextAsync("Draft kept at", new() { Timeout = 15_000 });

        await page.GotoAsync($"/review/{id}");
        await Assertions.Expect(page.Locator("p.notice", new PageLocatorOptions { HasText = "unsaved draft" })).ToBeVisibleAsync();
        Assert.Equal("A draft nobody saved", await page.Locator(".line textarea").Nth(5).InputValueAsync());

        await page.ClickAsync("#reject");
        await Assertions.Expect(page.Locator("#autosave")).ToContainTextAsync("Say in the comment why");
        Assert.Equal("AwaitingReview", (await app.Api.DocumentAsync(id)).Stage);
        await page.FillAsync("textarea[name=Comment]", "Page 2 of this cable is missing.");
        await page.ClickAsync("#reject");
        await page.WaitForURLAsync($"**/documents/{id}");
        await Assertions.Expect(page.Locator("p.notice", new PageLocatorOptions { HasText = "Page 2 of this cable is missing." })).ToBeVisibleAsync();
        Assert.Equal("Rejected", (await app.Api.DocumentAsync(id)).Stage);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_adds_a_reviewer_on_the_admin_page_who_can_then_sign_in_with_the_password_shown_once()
    {
        var admin = await app.SignInAsync(TestAccounts.Admin);
        await admin.GotoAsync("/admin");
        await admin.FillAsync("form[action*=AddUser] input[name=name]", "rev3");
        await admin.SelectOptionAsync("form[action*=AddUser] select[name=role]", "reviewer");
        await admin.ClickAsync("form[action*=AddUser] button");
        var password = await admin.Locator("#secret").TextContentAsync();
        Assert.False(string.IsNullOrWhiteSpace(password));
        await admin.ReloadAsync();
        await Assertions.Expect(admin.Locator("#secret")).ToHaveCountAsync(0); // shown once

        var reviewer = await app.SignInAsync("rev3", password);
        await reviewer.GotoAsync("/queue");
        await Assertions.Expect(reviewer.Locator("button", new PageLocatorOptions { HasText = "Review" }).First).ToBeVisibleAsync();
        await admin.Context.CloseAsync();
        await reviewer.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_upload_several_files_from_the_page_and_follow_each_to_the_review_queue_or_its_failure()
    {
        // Cut shorter than the other tests' broken file, so it is a document of its own and not a duplicate.
        var broken = Path.Combine(app.Work, "broken-scan.png");
        var bytes = await File.ReadAllBytesAsync(TestScans.SamplePages[0]);
        await File.WriteAllBytesAsync(broken, bytes[..(bytes.Length / 3)]);
        var good = TestScans.SamplePages.Single(p => Path.GetFileName(p).StartsWith("dev02", StringComparison.Ordinal));

        var page = await app.SignInAsync(TestAccounts.Staff);
        await page.GotoAsync("/upload");
        await page.FillAsync("input[name=collection]", "upload page");
        await page.SetInputFilesAsync("#files", [good, broken]);
        var goodRow = page.Locator("#uploads tr", new PageLocatorOptions { HasText = Path.GetFileName(good) });
        var brokenRow = page.Locator("#uploads tr", new PageLocatorOptions { HasText = "broken-scan.png" });
        await Assertions.Expect(brokenRow.Locator(".reason")).ToContainTextAsync("broken-scan.png: ", new() { Timeout = 60_000 });
        await Assertions.Expect(brokenRow.Locator(".reason")).ToContainTextAsync("truncated or corrupt");
        await Assertions.Expect(goodRow.Locator(".stage")).ToHaveTextAsync("AwaitingReview", new() { Timeout = 90_000 });
        await Assertions.Expect(goodRow.Locator(".pages")).ToHaveTextAsync("1/1 pages");
        await app.ScreenshotAsync(page, "upload.png");
        await page.Context.CloseAsync();
    }
}
