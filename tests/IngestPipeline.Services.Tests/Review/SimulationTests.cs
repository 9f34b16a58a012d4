using System.Text.Json;
using IngestPipeline.Services.Tests.Support;
using Microsoft.Playwright;

namespace IngestPipeline.Services.Tests.Review;

public sealed partial class ReviewAppTests
{
    /// <summary>
    /// The simulation of docs/learning.md, short: eight generated pages, four approved as their truth through the review
    /// API. The quality the collection's approved texts measure is the truth's, the collection learned its names, a
    /// model was retrained from the four and read the second half, and its rollback read that half as before it.
    /// </summary>
    [Fact]
    public async Task A_simulated_collection_approved_as_its_truth_measures_its_quality_as_the_truth_does_learns_its_names_and_rolls_its_model_back_exactly()
    {
        var json = Path.Combine(Repository.NewTempDirectory(), "simulation.json");
        var output = await Task.Run(() => Repository.Run(Repository.CommandLine, "simulate-reviews", "--host", app.Address.ToString(), "--api-key", TestAccounts.ApiKey,
            "--pages", "8", "--seed", "62", "--work", Repository.NewTempDirectory(), "--json", json, "--timeout", "5"));

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = report.RootElement;
        var first = root.GetProperty("first");
        Assert.Equal((4, 4), (first.GetProperty("pages").GetInt32(), root.GetProperty("second").GetProperty("pages").GetInt32()));
        Assert.Equal(0, root.GetProperty("linesUnplaced").GetInt32());
        Assert.Equal(first.GetProperty("cer").GetDouble(), root.GetProperty("estimatedCer").GetDouble(), 4);
        foreach (var (estimate, truth) in new[] { ("estimatedMarkerPrecision", "markerPrecision"), ("estimatedMarkerRecall", "markerRecall") })
            if (first.GetProperty(truth).ValueKind == JsonValueKind.Number)
                Assert.InRange(root.GetProperty(estimate).GetDouble() - first.GetProperty(truth).GetDouble(), -0.05, 0.05);
        Assert.True(root.GetProperty("lexiconWords").GetInt32() > 0, output);
        // The collection's weak keys, learned from the letters reviewers typed back.
        Assert.True(root.GetProperty("confusions").GetArrayLength() > 0, output);
        Assert.Equal(1, root.GetProperty("model").GetInt32());
        Assert.Equal(4, root.GetProperty("secondWithModel").GetProperty("pages").GetInt32());
        Assert.True(root.GetProperty("rollbackRestored").GetBoolean(), output);
        Assert.Contains("| second half, with model 1 |", output);
        Assert.Contains("The rollback restored the second half's figures", output);

        // The command line shows the collection's decision as the API keeps it; a rollback with nothing in force is refused with why.
        string[] address = ["--host", app.Address.ToString(), "--api-key", TestAccounts.ApiKey];
        var decision = Repository.Run(Repository.CommandLine, ["collection", "decision", "simulated-62", .. address]);
        Assert.Contains("in force: the pipeline's own decision, target precision 0.9", decision);
        Assert.Matches(@"\| 1 \| illegibility-[0-9a-f]{12} \| 4 \|", decision);
        var refused = Assert.Throws<InvalidOperationException>(() => Repository.Run(Repository.CommandLine, ["collection", "rollback", "simulated-62", .. address]));
        Assert.Contains("nothing to roll back", refused.Message);

        // The model's file, as clean --illegibility-model reads it, is the version the page names.
        using var byKey = Client(TestAccounts.ApiKey);
        using var file = JsonDocument.Parse(await byKey.GetStringAsync("/api/collections/simulated-62/models/1"));
        Assert.Matches(@"^illegibility-[0-9a-f]{12}$", file.RootElement.GetProperty("version").GetString()!);
        Assert.Contains(file.RootElement.GetProperty("version").GetString()!, decision);

        // The Quality page shows the model with its figures and the changes made to the collection's decision.
        var admin = await app.SignInAsync(TestAccounts.Admin);
        await admin.GotoAsync("/quality?collection=simulated-62#decision");
        await Assertions.Expect(admin.Locator("#decision tr[data-model='1']")).ToHaveCountAsync(1);
        await Assertions.Expect(admin.Locator("#decision-in-force")).ToContainTextAsync("the pipeline's own decision");
        await Assertions.Expect(admin.Locator("#decision-history li.undone")).ToHaveCountAsync(1);
        int confusions = root.GetProperty("confusions").GetArrayLength();
        await Assertions.Expect(admin.Locator("#confusions li[data-confusion]")).ToHaveCountAsync(confusions);
        // An admin takes a learned fault out: it is gone from the page and from what the API says cleanup corrects by.
        await admin.Locator("#confusions li[data-confusion] button", new PageLocatorOptions { HasText = "Remove" }).First.ClickAsync();
        await Assertions.Expect(admin.Locator("p.notice[role=status]")).ToContainTextAsync("is no longer corrected in simulated-62's next documents");
        await Assertions.Expect(admin.Locator("#confusions li[data-confusion]")).ToHaveCountAsync(confusions - 1);
        using var left = JsonDocument.Parse(await byKey.GetStringAsync("/api/collections/simulated-62/confusions"));
        Assert.Equal(confusions - 1, left.RootElement.GetProperty("confusions").GetArrayLength());
        await admin.Locator("#decision").ScrollIntoViewIfNeededAsync();
        await app.ScreenshotAsync(admin, "quality-decision.png");
        await admin.Context.CloseAsync();
    }
}
