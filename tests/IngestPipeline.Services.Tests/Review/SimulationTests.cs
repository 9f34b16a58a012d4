using System.Text.Json;
using IngestPipeline.Services.Tests.Support;

namespace IngestPipeline.Services.Tests.Review;

public sealed partial class ReviewAppTests
{
    /// <summary>
    /// The simulation of docs/learning.md, short: six generated pages, three approved as their truth through the review
    /// API. The quality the collection's approved texts measure is the truth's, and the collection learned its names.
    /// </summary>
    [Fact]
    public async Task A_simulated_collection_approved_as_its_truth_measures_its_quality_as_the_truth_does_and_learns_its_names()
    {
        var json = Path.Combine(Repository.NewTempDirectory(), "simulation.json");
        var output = await Task.Run(() => Repository.Run(Repository.CommandLine, "simulate-reviews", "--host", app.Address.ToString(), "--api-key", TestAccounts.ApiKey,
            "--pages", "6", "--seed", "62", "--work", Repository.NewTempDirectory(), "--json", json, "--timeout", "5"));

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = report.RootElement;
        var first = root.GetProperty("first");
        Assert.Equal((3, 3), (first.GetProperty("pages").GetInt32(), root.GetProperty("second").GetProperty("pages").GetInt32()));
        Assert.Equal(0, root.GetProperty("linesUnplaced").GetInt32());
        Assert.Equal(first.GetProperty("cer").GetDouble(), root.GetProperty("estimatedCer").GetDouble(), 4);
        foreach (var (estimate, truth) in new[] { ("estimatedMarkerPrecision", "markerPrecision"), ("estimatedMarkerRecall", "markerRecall") })
            if (first.GetProperty(truth).ValueKind == JsonValueKind.Number)
                Assert.InRange(root.GetProperty(estimate).GetDouble() - first.GetProperty(truth).GetDouble(), -0.05, 0.05);
        Assert.True(root.GetProperty("lexiconWords").GetInt32() > 0, output);
        Assert.Contains("| second half, after |", output);
    }
}
