using System.Text;

namespace IngestPipeline.Domain.Evaluation;

/// <summary>One word of a scored text: either the <c>[ILLEGIBLE]</c> marker or a run of other characters.</summary>
/// <param name="Text">The word as written (for a marker, as the transcript spelled it).</param>
/// <param name="IsMarker">True for an <c>[ILLEGIBLE]</c> marker (any letter case).</param>
/// <param name="SpaceBefore">True when whitespace separated this word from the previous one.</param>
public readonly record struct ScoringWord(string Text, bool IsMarker, bool SpaceBefore)
{
    /// <summary>Characters (Unicode scalar values) that count as emitted text: 0 for a marker.</summary>
    public int TextLength => IsMarker ? 0 : ScoringText.CountRunes(Text);
}

/// <summary>
/// Turns a transcript into what the scorer compares, following the corpus conventions: runs of whitespace
/// (line breaks included) are one space, leading and trailing whitespace is dropped, and <c>[ILLEGIBLE]</c> in
/// any letter case is a single symbol and a single word. Nothing else is folded: curly quotes, dashes and
/// letter case stay as they are, because the truth is typewriter ASCII and a curly quote is an error.
/// </summary>
/// <remarks>
/// A marker glued to other characters (<c>"[ILLEGIBLE]."</c>) is still a marker: it becomes its own word and the
/// glued characters form the neighbouring word(s). Only the exact spelling <c>[ILLEGIBLE]</c> counts; variants
/// such as <c>[ILLEG IBLE]</c> or <c>[illegible text]</c> are ordinary text.
/// </remarks>
public static class ScoringText
{
    /// <summary>The marker a transcript uses for an illegible span.</summary>
    public const string Marker = "[ILLEGIBLE]";

    /// <summary>The symbol that stands for a marker in <see cref="Symbols"/> (never a Unicode scalar value).</summary>
    public const int MarkerSymbol = -1;

    /// <summary>The words of <paramref name="text"/> in order.</summary>
    public static IReadOnlyList<ScoringWord> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<ScoringWord>();
        var i = 0;
        var spaceBefore = false;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                spaceBefore = words.Count > 0;
                i++;
                continue;
            }
            if (IsMarkerAt(text, i))
            {
                words.Add(new ScoringWord(text.Substring(i, Marker.Length), true, spaceBefore));
                i += Marker.Length;
                spaceBefore = false;
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsMarkerAt(text, i))
                i++;
            words.Add(new ScoringWord(text[start..i], false, spaceBefore));
            spaceBefore = false;
        }
        return words;
    }

    /// <summary>
    /// The symbol sequence CER is computed over: Unicode scalar values of the whitespace-normalised text, with
    /// each marker as the single symbol <see cref="MarkerSymbol"/>.
    /// </summary>
    public static int[] Symbols(string text) => Symbols(Words(text));

    /// <inheritdoc cref="Symbols(string)"/>
    public static int[] Symbols(IReadOnlyList<ScoringWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var symbols = new List<int>();
        foreach (var word in words)
        {
            if (word.SpaceBefore)
                symbols.Add(' ');
            if (word.IsMarker)
            {
                symbols.Add(MarkerSymbol);
                continue;
            }
            foreach (var rune in word.Text.EnumerateRunes())
                symbols.Add(rune.Value);
        }
        return [.. symbols];
    }

    /// <summary>The whitespace-normalised text (markers kept as written), as the scorer sees it.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var word in Words(text))
        {
            if (word.SpaceBefore)
                sb.Append(' ');
            sb.Append(word.Text);
        }
        return sb.ToString();
    }

    /// <summary>True when <paramref name="word"/> is exactly the marker, in any letter case.</summary>
    public static bool IsMarker(string word) =>
        string.Equals(word, Marker, StringComparison.OrdinalIgnoreCase);

    internal static int CountRunes(string text)
    {
        var n = 0;
        foreach (var _ in text.EnumerateRunes())
            n++;
        return n;
    }

    private static bool IsMarkerAt(string text, int index) =>
        text[index] == '[' &&
        text.Length - index >= Marker.Length &&
        string.Compare(text, index, Marker, 0, Marker.Length, StringComparison.OrdinalIgnoreCase) == 0;
}
