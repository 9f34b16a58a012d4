using System.Text;
using System.Text.RegularExpressions;

namespace IngestPipeline.Domain.Evaluation;

/// <summary>
/// Turns a transcript into what the scorer compares, exactly as the corpus's reference scorer (score.py) does:
/// Unicode NFC; optionally a word broken at a line end joined ("gentle-\nmen" -> "gentlemen"); every
/// <c>[ILLEGIBLE]</c> (any letter case, blanks allowed inside the brackets) becomes the single symbol
/// <see cref="MarkerChar"/>; every run of whitespace is one space; leading and trailing spaces are dropped.
/// Nothing else is folded: curly quotes, dashes and letter case stay, because the truth is typewriter ASCII.
/// </summary>
/// <remarks>
/// The character classes spell out Python's, not .NET's, so both scorers see the same text: Python's
/// <c>\s</c> also takes the separators U+001C-U+001F, and its <c>\w</c> takes all numbers (½) but no
/// combining marks. NFC needs the runtime's Unicode data: under invariant globalisation (Directory.Build.props)
/// .NET returns the text as it is, which changes nothing for NFC input such as the corpus truth and Tesseract's
/// output (both write precomposed letters). A marker glued to other characters (<c>"[ILLEGIBLE]."</c>) is still one symbol, and part
/// of the whitespace-separated word <c>"[ILLEGIBLE]."</c>.
/// </remarks>
public static partial class ScoringText
{
    /// <summary>The marker a transcript uses for an illegible span.</summary>
    public const string Marker = "[ILLEGIBLE]";

    /// <summary>
    /// The symbol that stands for a marker in normalised text: a private-use character, removed from the input
    /// before markers are replaced so it cannot occur otherwise.
    /// </summary>
    public const char MarkerChar = '\uE000';

    private const string PythonSpace = @"\t\n\v\f\r\x1C-\x1F \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";
    private const string PythonWord = @"\p{L}\p{Nd}\p{Nl}\p{No}_";

    /// <summary>
    /// Normalised text with each marker as <see cref="MarkerChar"/>.
    /// </summary>
    /// <param name="text">A transcript or ground truth.</param>
    /// <param name="joinHyphens">
    /// Join a word broken at a line end before anything else is normalised, on both sides: the real pages'
    /// transcribers kept line-end hyphens as typed, so a dehyphenating cleanup is not charged for them.
    /// </param>
    public static string Normalize(string text, bool joinHyphens = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Normalize(NormalizationForm.FormC);
        if (joinHyphens)
            t = LineEndHyphen().Replace(t, "$1$2");
        t = t.Replace(MarkerChar.ToString(), "", StringComparison.Ordinal);
        t = MarkerPattern().Replace(t, MarkerChar.ToString());
        return Whitespace().Replace(t, " ").Trim(' ');
    }

    /// <summary>The normalised text as the corpus writes it (each marker spelled <see cref="Marker"/>).</summary>
    public static string Readable(string normalized) =>
        normalized.Replace(MarkerChar.ToString(), Marker, StringComparison.Ordinal);

    /// <summary>The Unicode scalar values of a normalised text: what CER counts (a marker is one symbol).</summary>
    public static int[] Symbols(string normalized)
    {
        var symbols = new List<int>(normalized.Length);
        foreach (var rune in normalized.EnumerateRunes())
            symbols.Add(rune.Value);
        return [.. symbols];
    }

    /// <summary>The words of a normalised text: what WER counts (split at the single spaces).</summary>
    public static string[] Words(string normalized) =>
        normalized.Length == 0 ? [] : normalized.Split(' ');

    [GeneratedRegex(@"([" + PythonWord + @"])-[ \t]*\r?\n[ \t]*([" + PythonWord + "])")]
    private static partial Regex LineEndHyphen();

    // Python's IGNORECASE also pairs "i" with dotless and dotted I; written out so culture plays no part.
    [GeneratedRegex(@"\[[" + PythonSpace + @"]*[iIıİ][lL][lL][eE][gG][iIıİ][bB][lL][eE][" + PythonSpace + @"]*\]")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("[" + PythonSpace + "]+")]
    private static partial Regex Whitespace();
}
