using System.Text.Json;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Corpus.Labels;

/// <summary>A word of the ground truth: its text and box on the scan as the generator drew it.</summary>
public sealed record TruthWord(string Text, BoundingBox Box);

/// <summary>
/// What NAME.gt.json says about a page's geometry: its words and its unreadable spans, in the scan's pixels. Read from
/// the dev corpus's format, which generated pages share.
/// </summary>
public sealed record PageTruth(int Width, int Height, IReadOnlyList<TruthWord> Words, IReadOnlyList<BoundingBox> Spans)
{
    public static PageTruth Read(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            var words = root.GetProperty("words").EnumerateArray()
                .Select(w => new TruthWord(w.GetProperty("text").GetString() ?? "", Box(w.GetProperty("bbox"))))
                .ToList();
            var spans = root.TryGetProperty("illegible_spans", out var list)
                ? list.EnumerateArray().Select(s => Box(s.GetProperty("bbox"))).ToList()
                : [];
            return new PageTruth(root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32(), words, spans);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a ground truth file of the corpus format ({e.Message})", e);
        }
    }

    /// <summary>
    /// The kind of damage of each unreadable span of NAME.gt.json (blot, fade, water…), in the order their markers stand
    /// in NAME.gt.txt: by typed line, then from the left. Null for a file without kinds.
    /// </summary>
    public static IReadOnlyList<string>? SpanKinds(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            if (!json.RootElement.TryGetProperty("illegible_spans", out var list)) return null;
            var spans = list.EnumerateArray()
                .Select(s => (Kind: s.TryGetProperty("kind", out var k) ? k.GetString() : null, Line: s.GetProperty("line").GetInt32(), Box(s.GetProperty("bbox")).Left))
                .ToList();
            return spans.Any(s => s.Kind is null) ? null : spans.OrderBy(s => s.Line).ThenBy(s => s.Left).Select(s => s.Kind!).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a ground truth file of the corpus format ({e.Message})", e);
        }
    }

    private static BoundingBox Box(JsonElement bbox)
    {
        var v = bbox.EnumerateArray().Select(e => e.GetInt32()).ToArray();
        if (v.Length != 4) throw new FormatException("a bbox has four numbers");
        return new BoundingBox(v[0], v[1], v[2], v[3]);
    }
}
