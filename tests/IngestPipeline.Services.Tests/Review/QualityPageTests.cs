using System.Globalization;
using System.Text.Json;
using IngestPipeline.Services.Tests.Support;
using Microsoft.Playwright;

namespace IngestPipeline.Services.Tests.Review;

public sealed partial class ReviewAppTests
{
    [Fact]
    public async Task An_approved_correction_shows_on_the_quality_page_as_the_api_measures_it_with_its_week_charted_and_teaches_the_collection_a_word_an_admin_can_remove()
    {
        var id = app.Document("copy-00006");
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        await page.GotoAsync($"/review/{id}");
        // A line of running text nothing flagged, whose last word the reviewer corrects (to a place name no dictionary
        // has): an error the flags missed.
        var unflagged = page.Locator(".line[data-flags='[]']", new PageLocatorOptions { Has = page.Locator("textarea") }).Locator("textarea");
        await Assertions.Expect(unflagged.First).ToBeVisibleAsync();
        ILocator? line = null;
        string[] words = [];
        for (int i = 0; i < await unflagged.CountAsync() && line is null; i++)
        {
            words = (await unflagged.Nth(i).InputValueAsync()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 4) line = unflagged.Nth(i);
        }
        Assert.NotNull(line); // an unflagged line of four words or more
        await line.FillAsync(string.Join(' ', words[..^1].Append("Wanhsien")));
        await page.WaitForTimeoutAsync(2500); // the page counts the seconds it is in use
        await page.Keyboard.PressAsync("Control+Enter");
        await page.WaitForURLAsync(url => !url.EndsWith($"/review/{id}", StringComparison.Ordinal));

        using var api = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/collections/{ReviewApp.QualityCollection}/quality")).TextAsync());
        var all = api.RootElement.GetProperty("all");
        Assert.Equal((1, 1), (all.GetProperty("documents").GetInt32(), all.GetProperty("pages").GetInt32()));
        Assert.InRange(all.GetProperty("cer").GetDouble(), 1e-6, 0.05);
        Assert.InRange(all.GetProperty("errorsFlagged").GetDouble(), 0, 0.999); // the corrected word was not flagged
        Assert.True(all.GetProperty("reviewSecondsPerDocument").GetDouble() >= 2);
        var week = ISOWeek.GetYear(DateTime.UtcNow) + "-W" + ISOWeek.GetWeekOfYear(DateTime.UtcNow).ToString("00", CultureInfo.InvariantCulture);
        Assert.Equal(week, api.RootElement.GetProperty("weeks")[0].GetProperty("period").GetString());
        var examples = await (await page.APIRequest.GetAsync($"/api/collections/{ReviewApp.QualityCollection}/examples")).TextAsync();
        Assert.Contains("\"kind\":\"WordCorrected\"", examples);
        Assert.Contains("\"reviewed\":\"Wanhsien\"", examples);

        await page.GotoAsync("/queue");
        await page.ClickAsync("header nav a[href='/quality']");
        await page.SelectOptionAsync("select[name=collection]", ReviewApp.QualityCollection);
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("collection=telegrams-1943"));
        var total = page.Locator("#quality-figures tr.total");
        await Assertions.Expect(total.Locator("[data-figure=cer]")).ToHaveTextAsync(all.GetProperty("cer").GetDouble().ToString("0.0000", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator($"#quality-figures tr[data-period='{week}']")).ToHaveCountAsync(1);
        // The charts draw the week's figures: CER's point carries the API's value.
        var point = page.Locator("svg.chart g.series[data-name='CER'] circle");
        await Assertions.Expect(point).ToHaveAttributeAsync("data-week", week);
        Assert.Equal(all.GetProperty("cer").GetDouble(), double.Parse((await point.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture), 4);
        await app.ScreenshotAsync(page, "quality.png");
        await page.Context.CloseAsync();

        // Published, the approved text has taught the collection the name the reviewer typed; an admin takes it out again.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await app.Api.DocumentAsync(id)).Stage != "Published" && DateTime.UtcNow < deadline) await Task.Delay(250);
        var admin = await app.SignInAsync(TestAccounts.Admin);
        await admin.GotoAsync($"/quality?collection={ReviewApp.QualityCollection}#lexicon");
        var learned = admin.Locator("#lexicon tr[data-word='Wanhsien']");
        await Assertions.Expect(learned.Locator("td").Nth(3)).ToHaveTextAsync("yes");
        await learned.Locator("button", new LocatorLocatorOptions { HasText = "Remove" }).ClickAsync();
        await Assertions.Expect(admin.Locator("p.notice[role=status]")).ToContainTextAsync("\"Wanhsien\" is no longer in the lexicon of telegrams-1943");
        await Assertions.Expect(admin.Locator("#lexicon tr[data-word='Wanhsien'] td").Nth(3)).ToHaveTextAsync("removed by " + TestAccounts.Admin);
        using var lexicon = JsonDocument.Parse(await (await admin.APIRequest.GetAsync($"/api/collections/{ReviewApp.QualityCollection}/lexicon")).TextAsync());
        Assert.Contains(lexicon.RootElement.EnumerateArray(), e => e.GetProperty("word").GetString() == "Wanhsien" && !e.GetProperty("known").GetBoolean());

        // The collection's [ILLEGIBLE] decision: the pipeline's own; a new target precision is a change in its history, undone in one action.
        var inForce = admin.Locator("#decision-in-force");
        await Assertions.Expect(inForce).ToContainTextAsync("the pipeline's own decision");
        await admin.FillAsync("#decision input[name=targetPrecision]", "0.95");
        await admin.ClickAsync("#decision form[action*='handler=TargetPrecision'] button");
        await Assertions.Expect(admin.Locator("p.notice[role=status]")).ToContainTextAsync("Target precision 0.95");
        await Assertions.Expect(inForce).ToContainTextAsync("target precision 0.95");
        await Assertions.Expect(admin.Locator("#decision-history li")).ToHaveCountAsync(1);
        await admin.ClickAsync("#decision form[action*='handler=Rollback'] button");
        await Assertions.Expect(admin.Locator("p.notice[role=status]")).ToContainTextAsync("Rolled back");
        await Assertions.Expect(inForce).ToContainTextAsync("target precision 0.9.");
        using var decision = JsonDocument.Parse(await (await admin.APIRequest.GetAsync($"/api/collections/{ReviewApp.QualityCollection}/decision")).TextAsync());
        Assert.Equal(0.9, decision.RootElement.GetProperty("targetPrecision").GetDouble());
        Assert.Equal(TestAccounts.Admin, decision.RootElement.GetProperty("history")[0].GetProperty("undoneBy").GetString());
        Assert.Equal(0, decision.RootElement.GetProperty("models").GetArrayLength());
        await admin.Context.CloseAsync();
    }
}
