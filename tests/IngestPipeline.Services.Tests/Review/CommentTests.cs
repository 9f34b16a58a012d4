using System.Text.Json;
using IngestPipeline.Services.Tests.Support;
using Microsoft.Playwright;

namespace IngestPipeline.Services.Tests.Review;

/// <summary>Comments on a line, seen in the history, and an @mention on the named reviewer's queue until they open the cable.</summary>
public sealed partial class ReviewAppTests
{
    [Fact]
    public async Task A_comment_on_a_line_stays_under_it_shows_in_the_history_and_tells_the_reviewer_it_names()
    {
        var id = app.Document("dev00");
        const string Said = "Is the date the 3rd or the 8th? @rev2 you read the July cables";
        var author = await app.SignInAsync(TestAccounts.Reviewer);
        await author.GotoAsync($"/review/{id}");
        var line = author.Locator(".line").Nth(2);
        await line.Locator("textarea").FocusAsync();
        await author.Keyboard.PressAsync("Alt+KeyM");
        await Assertions.Expect(author.Locator("#comment-text")).ToBeFocusedAsync();
        await Assertions.Expect(author.Locator("#comment-where")).ToHaveTextAsync("page 1, line 3");
        await author.Keyboard.TypeAsync(Said);
        await author.Keyboard.PressAsync("Control+Enter"); // adds the comment; it does not approve the cable

        await Assertions.Expect(line.Locator(".line-comments .comment-item .text")).ToHaveTextAsync(Said);
        await Assertions.Expect(author.Locator("#comment-status")).ToContainTextAsync("rev2 will see it on their queue");
        Assert.EndsWith($"/review/{id}", author.Url);
        Assert.Equal("AwaitingReview", (await app.Api.DocumentAsync(id)).Stage);
        await author.ReloadAsync();
        await Assertions.Expect(author.Locator(".line").Nth(2).Locator(".comment-item .mention")).ToHaveTextAsync("@rev2");
        await author.GotoAsync($"/documents/{id}");
        await Assertions.Expect(author.Locator(".history-comments")).ToContainTextAsync("Page 1, line 3");
        await Assertions.Expect(author.Locator(".history-comments .text")).ToHaveTextAsync(Said);
        await author.Context.CloseAsync();

        // The reviewer named sees it on their queue, and no longer once they have opened the cable.
        var named = await app.SignInAsync(TestAccounts.SecondReviewer);
        await named.GotoAsync("/queue");
        var mention = named.Locator("#mentions li", new() { HasText = "you read the July cables" });
        await Assertions.Expect(mention).ToContainTextAsync($"{TestAccounts.Reviewer} wrote");
        await mention.Locator("a").ClickAsync();
        await named.WaitForURLAsync($"**/review/{id}");
        await named.GotoAsync("/queue");
        await Assertions.Expect(named.Locator("#mentions li", new() { HasText = "you read the July cables" })).ToHaveCountAsync(0);
        await named.Context.CloseAsync();

        // The API lists it with the user it names.
        using var comments = JsonDocument.Parse(await app.Api.GetStringAsync($"api/documents/{id}/comments"));
        var listed = comments.RootElement.EnumerateArray().Single(c => c.GetProperty("text").GetString() == Said);
        Assert.Equal((1, 2, "rev2"), (listed.GetProperty("page").GetInt32(), listed.GetProperty("line").GetInt32(), listed.GetProperty("mentions")[0].GetString()));
    }

    [Fact]
    public async Task A_comment_made_with_the_caret_in_a_flag_is_about_that_flagged_word()
    {
        var id = app.Document("dev13");
        var page = await app.SignInAsync(TestAccounts.SecondReviewer);
        await page.GotoAsync($"/review/{id}");
        var line = page.Locator(".line").Filter(new() { Has = page.Locator(".backdrop mark") }).First;
        var found = await line.EvaluateAsync<int[]>("""
            l => { const f = JSON.parse(l.dataset.flags)[0], t = l.querySelector('textarea').value;
                   return [f.s, t.slice(0, f.s).split(/\s+/).filter(Boolean).length]; }
            """);
        var (start, words) = (found[0], found[1]);
        await line.Locator("textarea").FocusAsync();
        await page.Keyboard.PressAsync("Home");
        for (int i = 0; i <= start; i++) await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("#comment-where")).ToContainTextAsync("the flagged word");

        await page.Keyboard.PressAsync("Alt+KeyM");
        await page.Keyboard.TypeAsync("Torn here; the carbon copy may have it");
        await page.Keyboard.PressAsync("Control+Enter");

        await Assertions.Expect(line.Locator(".comment-item .where")).ToContainTextAsync($"on word {words + 1}");
        using var comments = JsonDocument.Parse(await app.Api.GetStringAsync($"api/documents/{id}/comments"));
        var saved = comments.RootElement.EnumerateArray().Single(c => c.GetProperty("text").GetString() == "Torn here; the carbon copy may have it");
        Assert.Equal(words, saved.GetProperty("word").GetInt32());
        await page.Context.CloseAsync();
    }
}
