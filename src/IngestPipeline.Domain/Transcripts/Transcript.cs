namespace IngestPipeline.Domain.Transcripts;

/// <summary>One recognised word: its text, where it stands on the page, and how sure the engine was (0-100).</summary>
public sealed record Word(string Text, BoundingBox Box, float Confidence);

/// <summary>A text line: words left to right.</summary>
public sealed record Line(BoundingBox Box, IReadOnlyList<Word> Words)
{
    public string Text => string.Join(' ', Words.Select(w => w.Text));
}

/// <summary>A block of lines that layout analysis (or geometry) put together.</summary>
public sealed record Block(BoundingBox Box, IReadOnlyList<Line> Lines);

/// <summary>What was done to the scan before recognition; the page's boxes refer to the image after these steps.</summary>
public sealed record PageProcessing(int RotationDegrees, float SkewDegrees, IReadOnlyList<string> Steps);

/// <summary>One page: its size in pixels of the processed image, resolution, and blocks in reading order.</summary>
public sealed record Page(int Number, int Width, int Height, int Dpi, IReadOnlyList<Block> Blocks, PageProcessing Processing)
{
    public IEnumerable<Line> Lines => Blocks.SelectMany(b => b.Lines);
    public IEnumerable<Word> Words => Lines.SelectMany(l => l.Words);

    public float MeanConfidence
    {
        get
        {
            var words = Words.ToList();
            return words.Count == 0 ? 0 : words.Average(w => w.Confidence);
        }
    }
}

/// <summary>A whole document: the name of its source and its pages in order.</summary>
public sealed record Transcript(string SourceName, IReadOnlyList<Page> Pages);
