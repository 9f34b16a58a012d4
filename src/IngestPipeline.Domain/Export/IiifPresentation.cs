using System.Text.Json.Nodes;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Export;

/// <summary>
/// A document as IIIF sees it, so any IIIF viewer (Mirador, Universal Viewer) shows its pages and transcription:
/// a Presentation 3 manifest with one canvas per page, each page image behind an Image API 3 service of level 0
/// (the whole image at its own size: the page images are small enough to send whole, and cutting tiles would need an
/// image codec in the web host), and the text as W3C annotations, one per line, on the line's box.
/// </summary>
/// <remarks>Every id is an absolute URL under <c>root</c>, the document's IIIF address (…/iiif/{id}).</remarks>
public static class IiifPresentation
{
    public const string PresentationContext = "http://iiif.io/api/presentation/3/context.json";
    public const string ImageContext = "http://iiif.io/api/image/3/context.json";

    /// <summary>A label and value the manifest shows as the document's metadata (Dated, From ...).</summary>
    public sealed record Fact(string Label, string Value);

    /// <summary>An output a viewer offers to download (the searchable PDF, the ALTO file).</summary>
    public sealed record Rendering(string Url, string Label, string Format);

    public static string Canvas(string root, int page) => $"{root}/canvas/{page}";
    public static string ImageService(string root, int page) => $"{root}/pages/{page}/image";
    public static string AnnotationPage(string root, int page) => $"{root}/pages/{page}/annotations";

    /// <summary>The image as level 0 serves it: the whole page at its own size, as JPEG.</summary>
    public static string FullImage(string root, int page) => $"{ImageService(root, page)}/full/max/0/default.jpg";

    public static JsonObject Manifest(Transcript transcript, string root, string label, string? summary,
        IReadOnlyList<Fact> facts, IReadOnlyList<Rendering> renderings, Func<int, string>? thumbnail = null)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var manifest = new JsonObject
        {
            ["@context"] = PresentationContext,
            ["id"] = $"{root}/manifest",
            ["type"] = "Manifest",
            ["label"] = Language(label),
            ["metadata"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["label"] = English(f.Label), ["value"] = Language(f.Value) }).ToArray()),
        };
        if (!string.IsNullOrWhiteSpace(summary)) manifest["summary"] = Language(summary);
        if (renderings.Count > 0)
            manifest["rendering"] = new JsonArray(renderings.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Url, ["type"] = "Text", ["label"] = English(r.Label), ["format"] = r.Format,
            }).ToArray());
        manifest["items"] = new JsonArray(transcript.Pages.Select(page => (JsonNode)PageCanvas(page, root, transcript.Pages.Count, thumbnail)).ToArray());
        return manifest;
    }

    private static JsonObject PageCanvas(Page page, string root, int pages, Func<int, string>? thumbnail)
    {
        var canvas = Canvas(root, page.Number);
        var result = new JsonObject
        {
            ["id"] = canvas,
            ["type"] = "Canvas",
            ["label"] = Language(pages == 1 ? "Page" : $"Page {page.Number}"),
            ["width"] = page.Width,
            ["height"] = page.Height,
        };
        if (thumbnail is not null)
            result["thumbnail"] = new JsonArray(new JsonObject { ["id"] = thumbnail(page.Number), ["type"] = "Image", ["format"] = "image/jpeg" });
        result["items"] = new JsonArray(new JsonObject
        {
            ["id"] = $"{canvas}/painting",
            ["type"] = "AnnotationPage",
            ["items"] = new JsonArray(new JsonObject
            {
                ["id"] = $"{canvas}/painting/image",
                ["type"] = "Annotation",
                ["motivation"] = "painting",
                ["target"] = canvas,
                ["body"] = new JsonObject
                {
                    ["id"] = FullImage(root, page.Number),
                    ["type"] = "Image",
                    ["format"] = "image/jpeg",
                    ["width"] = page.Width,
                    ["height"] = page.Height,
                    ["service"] = new JsonArray(new JsonObject { ["id"] = ImageService(root, page.Number), ["type"] = "ImageService3", ["profile"] = "level0" }),
                },
            }),
        });
        result["annotations"] = new JsonArray(new JsonObject { ["id"] = AnnotationPage(root, page.Number), ["type"] = "AnnotationPage" });
        return result;
    }

    /// <summary>
    /// The page's text: one annotation per line that has words, its text the body (what was read, or what the reviewer
    /// wrote), its target the line's box on the canvas. "supplementing" is IIIF's motivation for a transcription.
    /// </summary>
    public static JsonObject Annotations(Page page, string root)
    {
        ArgumentNullException.ThrowIfNull(page);
        var canvas = Canvas(root, page.Number);
        var id = AnnotationPage(root, page.Number);
        var lines = page.Lines.Where(l => l.Words.Count > 0 && !l.Box.IsEmpty).Select((line, i) => (JsonNode)new JsonObject
        {
            ["id"] = $"{id}/line/{i + 1}",
            ["type"] = "Annotation",
            ["motivation"] = "supplementing",
            ["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = line.Text, ["format"] = "text/plain" },
            ["target"] = $"{canvas}#xywh={line.Box.Left},{line.Box.Top},{line.Box.Width},{line.Box.Height}",
        });
        return new JsonObject
        {
            ["@context"] = PresentationContext,
            ["id"] = id,
            ["type"] = "AnnotationPage",
            ["items"] = new JsonArray(lines.ToArray()),
        };
    }

    /// <summary>The Image API's info.json of a page: level 0, one size, the page's own.</summary>
    public static JsonObject ImageInfo(Page page, string root)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new JsonObject
        {
            ["@context"] = ImageContext,
            ["id"] = ImageService(root, page.Number),
            ["type"] = "ImageService3",
            ["protocol"] = "http://iiif.io/api/image",
            ["profile"] = "level0",
            ["width"] = page.Width,
            ["height"] = page.Height,
            ["sizes"] = new JsonArray(new JsonObject { ["width"] = page.Width, ["height"] = page.Height }),
        };
    }

    /// <summary>
    /// Whether an image request asks for what level 0 serves: the full region, at "max" or the page's own size
    /// ("w,h" or "w,"), unrotated, default quality, JPEG.
    /// </summary>
    public static bool IsServedRequest(Page page, string region, string size, string rotation, string file)
    {
        ArgumentNullException.ThrowIfNull(page);
        return region == "full" && rotation == "0" && file == "default.jpg"
            && (size == "max" || size == $"{page.Width},{page.Height}" || size == $"{page.Width},");
    }

    private static JsonObject Language(string text) => new() { ["none"] = new JsonArray(text) };

    private static JsonObject English(string text) => new() { ["en"] = new JsonArray(text) };
}
