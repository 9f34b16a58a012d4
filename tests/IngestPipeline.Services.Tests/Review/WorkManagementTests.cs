using System.Text.RegularExpressions;
using IngestPipeline.Services.Tests.Support;
using Microsoft.Playwright;

namespace IngestPipeline.Services.Tests.Review;

/// <summary>Admins give work to reviewers, who find it under "mine"; actions on several documents at once, each confirmed first.</summary>
public sealed partial class ReviewAppTests
{
    [Fact]
    public async Task An_admin_assigns_chosen_documents_after_confirming_and_the_reviewer_finds_them_under_mine()
    {
        var chosen = new[] { app.Document("dev00"), app.Document("dev13") };
        var admin = await app.SignInAsync(TestAccounts.Admin);
        await admin.GotoAsync("/queue?status=all&collection=samples");
        foreach (var id in chosen) await admin.Locator($"input.choose[value='{id}']").CheckAsync();
        await Assertions.Expect(admin.Locator("#chosen")).ToHaveTextAsync("2 chosen:");
        await admin.SelectOptionAsync("select[name=reviewer]", TestAccounts.SecondReviewer);
        await admin.Locator("#bulk button[value=assign]").ClickAsync();

        // Asked first: nothing is assigned until confirmed, and the list keeps its filters.
        await Assertions.Expect(admin.Locator("#confirm-question")).ToHaveTextAsync($"Assign 2 documents to {TestAccounts.SecondReviewer}?");
        await Assertions.Expect(admin.Locator("#confirm")).ToBeFocusedAsync();
        Assert.Equal(0, await admin.Locator(".reviewer .assigned", new() { HasText = TestAccounts.SecondReviewer }).CountAsync());
        await admin.Keyboard.PressAsync("Enter");
        await Assertions.Expect(admin.Locator("p.notice[role=status]")).ToHaveTextAsync($"2 documents assigned to {TestAccounts.SecondReviewer}.");
        Assert.Contains("collection=samples", admin.Url);
        foreach (var id in chosen)
            await Assertions.Expect(admin.Locator("tr", new() { Has = admin.Locator($"a[href='/documents/{id}']") }).Locator(".assigned")).ToHaveTextAsync($"assigned: {TestAccounts.SecondReviewer}");
        await admin.Context.CloseAsync();

        var reviewer = await app.SignInAsync(TestAccounts.SecondReviewer);
        await reviewer.GotoAsync("/queue?status=all");
        await reviewer.SelectOptionAsync("select[name=assigned]", "mine");
        await reviewer.Locator(".filters button[type=submit]").ClickAsync();
        await reviewer.WaitForURLAsync(new Regex("assigned=mine"));
        foreach (var id in chosen) await Assertions.Expect(reviewer.Locator($"a[href='/documents/{id}']")).ToHaveCountAsync(1);
        foreach (var row in await reviewer.Locator("table.queue tbody tr").AllAsync()) // only what is theirs: assigned to or reviewed by them
            Assert.Contains(TestAccounts.SecondReviewer, await row.Locator(".reviewer").TextContentAsync());
        Assert.Equal(0, await reviewer.Locator("#bulk button[value=assign]").CountAsync()); // assigning is for admins
        await reviewer.Context.CloseAsync();
    }

    [Fact]
    public async Task Approving_several_at_once_leaves_the_documents_with_open_flags_and_says_so()
    {
        var id = app.Document("dev08");
        var stage = (await app.Api.DocumentAsync(id)).Stage; // in review, or sent back by another test
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        await page.GotoAsync("/queue?status=all");
        await page.Locator("#choose-all").CheckAsync();
        Assert.True(await page.Locator($"input.choose[value='{id}']").IsCheckedAsync());
        await page.Locator($"input.choose:not([value='{id}'])").EvaluateAllAsync<int>("boxes => { boxes.forEach(b => b.click()); return boxes.length; }");
        await Assertions.Expect(page.Locator("#chosen")).ToHaveTextAsync("1 chosen:");
        await page.Locator("#bulk button[value=approve]").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-question")).ToContainTextAsync("no open flag among the 1 document chosen");
        await page.Locator("#confirm").ClickAsync();

        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("0 documents approved. Left as they are: \"dev08_frus1942China_d58.png\" has");
        Assert.Equal(stage, (await app.Api.DocumentAsync(id)).Stage);
        await page.Context.CloseAsync();
    }
}
