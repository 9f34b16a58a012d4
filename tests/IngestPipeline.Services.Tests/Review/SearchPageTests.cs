using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using IngestPipeline.Services.Tests.Support;
using Microsoft.Playwright;

namespace IngestPipeline.Services.Tests.Review;

/// <summary>Finding a cable by a word in it or by its metadata, from the header's search box and the search page.</summary>
public sealed partial class ReviewAppTests
{
    [Fact]
    public async Task A_cable_is_found_by_a_word_in_it_from_the_search_box_in_the_header_with_the_word_marked()
    {
        var id = app.Document("dev13");
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        var word = await RareWordAsync(page, id);

        await page.GotoAsync("/queue");
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search documents" });
        await box.FocusAsync();
        await page.Keyboard.TypeAsync(word.ToLowerInvariant());
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex("/search\\?q="));
        var result = page.Locator(".result", new() { Has = page.Locator($"a.title[href$='{id}']") });
        await Assertions.Expect(result).ToHaveCountAsync(1);
        var marked = await result.Locator(".snippet mark").AllTextContentsAsync();
        Assert.NotEmpty(marked);
        Assert.All(marked, m => Assert.Equal(word, m, ignoreCase: true));
        Assert.Equal($"/review/{id}", await result.Locator("a.title").GetAttributeAsync("href")); // a reviewer opens its review
        await app.ScreenshotAsync(page, "search.png");

        await result.Locator("a.title").ClickAsync();
        await page.WaitForURLAsync($"**/review/{id}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_search_narrows_by_the_cable_s_date_and_sender_and_answers_the_same_through_the_api()
    {
        var id = app.Document("dev13");
        var page = await app.SignInAsync(TestAccounts.Staff);
        using var transcript = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/documents/{id}/transcript")).TextAsync());
        var metadata = transcript.RootElement.GetProperty("metadata");
        var dated = metadata.GetProperty("date").GetProperty("value").GetString()!;
        var sender = metadata.GetProperty("sender").GetProperty("value").GetString()!;

        await page.GotoAsync("/search");
        await page.FillAsync("input[name=from]", dated);
        await page.FillAsync("input[name=to]", dated);
        await page.FillAsync("input[name=sender]", sender.ToLowerInvariant());
        await page.Locator(".search-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator($".result a.title[href$='/documents/{id}']")).ToHaveCountAsync(1); // staff do not review: its page

        var dayBefore = DateOnly.ParseExact(dated, "yyyy-MM-dd").AddDays(-1).ToString("yyyy-MM-dd");
        await page.GotoAsync($"/search?to={dayBefore}&sender={Uri.EscapeDataString(sender)}");
        await Assertions.Expect(page.Locator($".result a.title[href$='{id}']")).ToHaveCountAsync(0);
        await page.GotoAsync("/search?from=13%20July");
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("yyyy-mm-dd");

        var word = await RareWordAsync(page, id);
        using var answer = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/search?q={Uri.EscapeDataString(word)}&from={dated}&to={dated}")).TextAsync());
        var hit = answer.RootElement.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("documentId").GetGuid() == id);
        Assert.Contains(hit.GetProperty("snippet").EnumerateArray(), p => p.GetProperty("hit").GetBoolean() && p.GetProperty("text").GetString()!.Equals(word, StringComparison.OrdinalIgnoreCase));
        var refused = await page.APIRequest.GetAsync("/api/search?q=x&from=July");
        Assert.Equal((int)HttpStatusCode.BadRequest, refused.Status);
        using var problem = JsonDocument.Parse(await refused.TextAsync());
        Assert.Contains("\"from\" must be a date", problem.RootElement.GetProperty("detail").GetString());
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The long word of the document's current text that the fewest documents hold: other tests upload copies of
    /// the same cable, so a word of its own is not to be had, only a rare one.
    /// </summary>
    private static async Task<string> RareWordAsync(IPage page, Guid id)
    {
        var text = await (await page.APIRequest.GetAsync($"/api/documents/{id}/text")).TextAsync();
        var counted = new List<(string Word, int Total)>();
        foreach (var word in Regex.Matches(text, @"\b[A-Za-z]{7,}\b").Select(m => m.Value).Distinct())
        {
            using var answer = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/search?q={word}")).TextAsync());
            counted.Add((word, answer.RootElement.GetProperty("total").GetInt32()));
        }
        return counted.Where(c => c.Total >= 1).OrderBy(c => c.Total).ThenByDescending(c => c.Word.Length).Select(c => c.Word).FirstOrDefault()
            ?? throw new InvalidOperationException($"Document {id} has no long word the search finds: {text}");
    }
}
