using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Publishing.Tests;

/// <summary>
/// Word geometry as a typewriter makes it: ten characters to the inch, so every character is one pitch wide
/// and a word's box follows from its column; lines are double spaced.
/// </summary>
internal static class TypedPage
{
    public static IReadOnlyList<Line> Lines(int dpi, params string[] texts) =>
        texts.Select((text, row) => Line(dpi, row, text)).ToList();

    public static Line Line(int dpi, int row, string text)
    {
        var pitch = dpi / 10;
        var height = dpi * 17 / 100;
        var top = dpi + row * height * 2;
        var words = new List<Word>();
        var column = 0;
        foreach (var token in text.Split(' '))
        {
            if (token.Length > 0)
            {
                var left = dpi + column * pitch;
                words.Add(new Word(token, new BoundingBox(left, top, left + token.Length * pitch, top + height), 90));
            }
            column += token.Length + 1;
        }
        return new Line(BoundingBox.Union(words.Select(w => w.Box)), words);
    }
}
