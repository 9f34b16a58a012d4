using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Cleanup;

/// <summary>
/// A list's bullet comes out as "•". Engines read a bullet as whatever round or starred mark it resembles
/// (<c>e</c>, <c>o</c>, <c>°</c>, <c>*</c>, <c>©</c>, <c>«</c>, and PP-OCR a full stop), which the illegibility rules
/// would otherwise take for garbage; no typed line begins with a full stop. A bullet is the first mark of a line, one character, no taller than the line's lower-case letters, set
/// apart from the text after it, and not a word: the one-letter words a line may begin with are left alone.
/// </summary>
public static class BulletRule
{
    public const string Bullet = "•";

    private const string BulletLike = "•·.●○◦▪■□*°oOe©®@«»¢";

    public static Line Normalize(Line line, Lexicon lexicon)
    {
        if (line.Words.Count < 2) return line;
        var mark = line.Words[0];
        var next = line.Words[1];
        if (mark.IsIllegible || mark.Text.Length != 1 || !BulletLike.Contains(mark.Text[0]) || mark.Text == Bullet) return line;
        if (char.IsLetter(mark.Text[0]) && lexicon.Contains(mark.Text) && mark.Text is not ("e" or "o" or "O")) return line;
        var xHeight = next.Box.Height * 0.75;
        bool small = mark.Box.Height <= xHeight && mark.Box.Width <= 1.5 * mark.Box.Height + 2;
        bool apart = next.Box.Left - mark.Box.Right >= mark.Box.Width;
        if (!small || !apart) return line;
        return line with { Words = [mark with { Text = Bullet, Confidence = Math.Max(mark.Confidence, 90) }, .. line.Words.Skip(1)] };
    }
}
