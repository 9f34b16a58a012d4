using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Tests.Cleanup;

/// <summary>Hand-made lines and a small lexicon for the cleanup rule tests.</summary>
internal static class CleanupSamples
{
    /// <summary>A few ordinary words (lowercase) and proper names (capitalised), like a dictionary plus a domain list.</summary>
    public static Lexicon Words { get; } = new(
    [
        "# ordinary words",
        "a the of and is it in as also some situation distance japanese government exerting every effort",
        "to be was said that state secretary senate south soviet chinese board self government lease ill",
        "ls lo loth top secret received from as if file will lead made",
        "",
        "# proper names",
        "Japanese Chinese Senate South Soviet Molotov Chekiang Stalin Embassy",
        "U.S.",
    ]);

    /// <summary>A line of words 20 px per character, 20 px apart, with confidences 90, 80, 70, ...</summary>
    public static Line LineOf(params string[] words) => LineAt(100, words);

    public static Line LineAt(int baseline, params string[] words)
    {
        var list = new List<Word>();
        int x = 100;
        for (int i = 0; i < words.Length; i++)
        {
            int width = 20 * Math.Max(1, words[i].Length);
            list.Add(new Word(words[i], new BoundingBox(x, baseline - 30, x + width, baseline), 90f - 10 * i));
            x += width + 20;
        }
        return new Line(BoundingBox.Union(list.Select(w => w.Box)), list);
    }

    public static string[] Texts(Line line) => line.Words.Select(w => w.Text).ToArray();
}
