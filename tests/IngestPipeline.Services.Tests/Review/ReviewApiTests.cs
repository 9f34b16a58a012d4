using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IngestPipeline.Services.Tests.Support;

namespace IngestPipeline.Services.Tests.Review;

public sealed partial class ReviewAppTests
{
    [Fact]
    public async Task A_program_reviews_through_the_api_with_the_pages_rules_and_a_stale_revision_is_a_conflict()
    {
        var id = app.Document("copy-00007");
        using var reviewer = Client(TestAccounts.RoleKeys["reviewer"]);
        using var sheet = JsonDocument.Parse(await reviewer.GetStringAsync($"/api/documents/{id}/review"));
        int revision = sheet.RootElement.GetProperty("revision").GetInt32();
        var line = sheet.RootElement.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("flags").GetArrayLength() == 0);
        var edit = new { page = line.GetProperty("page").GetInt32(), line = line.GetProperty("line").GetInt32(), text = "Sent by a program" };

        using var saved = await reviewer.PostAsJsonAsync($"/api/documents/{id}/review", new { revision, lines = new[] { edit }, decision = "save", seconds = 30 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Saved as version 2", await saved.Content.ReadAsStringAsync());
        using var stale = await reviewer.PostAsJsonAsync($"/api/documents/{id}/review", new { revision, lines = new[] { edit with { text = "Another text" } }, decision = "approve" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var unknown = await reviewer.PostAsJsonAsync($"/api/documents/{id}/review", new { revision = revision + 1, decision = "publish" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        using var approved = await reviewer.PostAsJsonAsync($"/api/documents/{id}/review", new { revision = revision + 1, decision = "approve", seconds = 15 });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains("Sent by a program", await reviewer.GetStringAsync($"/api/documents/{id}/text"));
        var examples = await reviewer.GetStringAsync("/api/collections/samples/examples");
        Assert.Contains(examples.Split('\n'), l => l.Contains(id.ToString(), StringComparison.Ordinal) && l.Contains("\"reviewed\":\"Sent by a program\"", StringComparison.Ordinal));
    }
}
