using System.Text.Json.Nodes;
using IngestPipeline.Domain.Export;

namespace IngestPipeline.Domain.Tests.Export;

public class IiifPresentationTests
{
    private const string Root = "https://archive.example/iiif/42";

    [Fact]
    public void Each_page_is_a_canvas_of_its_size_painted_by_its_image_behind_a_level_0_service_with_its_text_beside()
    {
        var transcript = SampleTranscripts.TwoPages();

        var manifest = IiifPresentation.Manifest(transcript, Root, "cable 1943-05-12.pdf", "Winant on the convoy",
            [new("Dated", "1943-05-12")], [new("https://archive.example/api/documents/42/published/pdf", "Searchable PDF", "application/pdf")]);

        Assert.Equal(IiifPresentation.PresentationContext, (string?)manifest["@context"]);
        Assert.Equal(($"{Root}/manifest", "Manifest"), ((string?)manifest["id"], (string?)manifest["type"]));
        Assert.Equal("cable 1943-05-12.pdf", (string?)manifest["label"]!["none"]![0]);
        Assert.Equal("Winant on the convoy", (string?)manifest["summary"]!["none"]![0]);
        Assert.Equal(("Dated", "1943-05-12"), ((string?)manifest["metadata"]![0]!["label"]!["en"]![0], (string?)manifest["metadata"]![0]!["value"]!["none"]![0]));
        Assert.Equal("application/pdf", (string?)manifest["rendering"]![0]!["format"]);
        var canvases = manifest["items"]!.AsArray();
        Assert.Equal(2, canvases.Count);
        for (int n = 1; n <= 2; n++)
        {
            var canvas = canvases[n - 1]!;
            Assert.Equal(($"{Root}/canvas/{n}", 2480, 3508), ((string?)canvas["id"], (int)canvas["width"]!, (int)canvas["height"]!));
            Assert.Equal($"Page {n}", (string?)canvas["label"]!["none"]![0]);
            var painting = canvas["items"]![0]!["items"]![0]!;
            Assert.Equal(("painting", $"{Root}/canvas/{n}"), ((string?)painting["motivation"], (string?)painting["target"]));
            Assert.Equal($"{Root}/pages/{n}/image/full/max/0/default.jpg", (string?)painting["body"]!["id"]);
            Assert.Equal(($"{Root}/pages/{n}/image", "level0"), ((string?)painting["body"]!["service"]![0]!["id"], (string?)painting["body"]!["service"]![0]!["profile"]));
            Assert.Equal($"{Root}/pages/{n}/annotations", (string?)canvas["annotations"]![0]!["id"]);
        }
    }

    [Fact]
    public void A_page_s_lines_are_annotations_that_supplement_the_canvas_on_their_boxes()
    {
        var page = SampleTranscripts.TwoPages().Pages[0];

        var annotations = IiifPresentation.Annotations(page, Root)["items"]!.AsArray();

        Assert.Equal(page.Lines.Select(l => l.Text), annotations.Select(a => (string?)a!["body"]!["value"]));
        var first = page.Lines.First().Box;
        Assert.Equal($"{Root}/canvas/1#xywh={first.Left},{first.Top},{first.Width},{first.Height}", (string?)annotations[0]!["target"]);
        Assert.All(annotations, a => Assert.Equal(("supplementing", "TextualBody"), ((string?)a!["motivation"], (string?)a["body"]!["type"])));
        Assert.Equal(annotations.Count, annotations.Select(a => (string?)a!["id"]).Distinct().Count());
        Assert.Contains(SampleTranscripts.Tricky, annotations.Select(a => (string?)a!["body"]!["value"]).First(v => v!.Contains("URGENT"))); // text as it is, escaped by JSON alone
    }

    [Theory]
    [InlineData("full", "max", "0", "default.jpg", true)]
    [InlineData("full", "2480,3508", "0", "default.jpg", true)]
    [InlineData("full", "2480,", "0", "default.jpg", true)]
    [InlineData("full", "1240,", "0", "default.jpg", false)]
    [InlineData("0,0,512,512", "max", "0", "default.jpg", false)]
    [InlineData("full", "max", "90", "default.jpg", false)]
    [InlineData("full", "max", "0", "gray.jpg", false)]
    [InlineData("full", "max", "0", "default.png", false)]
    public void Level_0_serves_the_whole_page_at_its_own_size_and_nothing_else(string region, string size, string rotation, string file, bool served)
    {
        var page = SampleTranscripts.TwoPages().Pages[0];

        Assert.Equal(served, IiifPresentation.IsServedRequest(page, region, size, rotation, file));
        var info = IiifPresentation.ImageInfo(page, Root);
        Assert.Equal(("level0", 2480, 3508), ((string?)info["profile"], (int)info["width"]!, (int)info["height"]!));
        Assert.Equal(JsonNode.Parse("""[{"width":2480,"height":3508}]""")!.ToJsonString(), info["sizes"]!.ToJsonString());
    }
}
