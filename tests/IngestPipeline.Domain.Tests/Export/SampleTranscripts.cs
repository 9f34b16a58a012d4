using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Tests.Export;

/// <summary>Small hand-built transcripts for the exporter tests.</summary>
internal static class SampleTranscripts
{
    public const string Tricky = "<script>&\"x\"";

    /// <summary>
    /// Two pages. Page 1 is single-spaced (pitch 50 px between baselines) with a header block and a body block;
    /// there is a paragraph gap (100 px) between the blocks and another inside the body block. Page 2 has one block
    /// of two lines.
    /// </summary>
    public static Transcript TwoPages() => new("cable 1943-05-12.pdf",
    [
        new Page(1, 2480, 3508, 300,
        [
            Block(
                LineAt(200, ("TO:", 95.5f), ("SECSTATE", 91f), ("WASHINGTON", 88.25f)),
                LineAt(250, ("FROM:", 97f), ("LONDON", 93f))),
            Block(
                LineAt(350, ("URGENT", 99f), (Tricky, 42f), ("STOP", 100f)),
                LineAt(400, ("Attaché", 76.4f), ("ARRIVES", 80f)),
                LineAt(450, ("TUESDAY", 90f)),
                LineAt(550, ("END", 100f), ("MESSAGE", 0f))),
        ], new PageProcessing(0, 0.35f, ["grayscale", "deskew"])),
        new Page(2, 2480, 3508, 300,
        [
            Block(
                LineAt(300, ("SIGNED", 88f), ("WINANT", 93.6f)),
                LineAt(350, ("Attaché", 71f), ("COPY", 65f))),
        ], new PageProcessing(90, -1.25f, [])),
    ]);

    public static Transcript OnePage(params Block[] blocks) =>
        new("one.png", [new Page(1, 2000, 3000, 300, blocks, new PageProcessing(0, 0f, []))]);

    public static Block Block(params Line[] lines) =>
        new(BoundingBox.Union(lines.Select(l => l.Box)), lines);

    /// <summary>A line whose words sit on the given baseline, 30 px tall, 20 px per character, 20 px apart, from x = 100.</summary>
    public static Line LineAt(int baseline, params (string Text, float Confidence)[] words) =>
        LineAt(100, baseline, words);

    public static Line LineAt(int left, int baseline, params (string Text, float Confidence)[] words)
    {
        var list = new List<Word>();
        int x = left;
        foreach (var (text, confidence) in words)
        {
            int width = 20 * Math.Max(1, text.Length);
            list.Add(new Word(text, new BoundingBox(x, baseline - 30, x + width, baseline), confidence));
            x += width + 20;
        }
        return new Line(BoundingBox.Union(list.Select(w => w.Box)), list);
    }
}
