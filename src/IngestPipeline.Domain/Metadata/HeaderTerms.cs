using System.Text.RegularExpressions;

namespace IngestPipeline.Domain.Metadata;

/// <summary>The header keyword a line opens with.</summary>
internal enum HeaderKeyword { From, To, Dated, Received }

/// <summary>A keyword line split into its keyword, whether a colon followed it, and the rest.</summary>
internal sealed record KeywordLine(HeaderKeyword Keyword, bool Colon, string Rest, double Certainty);

/// <summary>
/// The closed vocabularies of a cable header (document types, classifications, keywords) and the file
/// number pattern, each read from one header line and tolerant of small OCR damage.
/// </summary>
internal static partial class HeaderTerms
{
    private static readonly string[] DocumentTypes =
    [
        "PARAPHRASE OF NAVY CABLE", "PARAPHRASE OF ARMY CABLE", "PARAPHRASE OF TELEGRAM", "PARAPHRASE OF RADIOGRAM",
        "TELEGRAM RECEIVED", "TELEGRAM SENT", "RADIOGRAM", "NAVY CABLE", "CABLEGRAM", "TELEGRAM",
    ];

    private static readonly string[] Classifications = ["TOP SECRET", "SECRET", "CONFIDENTIAL", "RESTRICTED"];

    private static readonly (string Word, HeaderKeyword Keyword)[] Keywords =
    [
        ("FROM", HeaderKeyword.From), ("TO", HeaderKeyword.To), ("DATED", HeaderKeyword.Dated),
        ("RECD", HeaderKeyword.Received), ("RECEIVED", HeaderKeyword.Received),
    ];

    [GeneratedRegex(@"[^\p{L}\p{N}| ]")]
    private static partial Regex NotWordOrSpace();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^PARAPHRASE OF [A-Z][A-Z ]{2,30}$")]
    private static partial Regex OtherParaphrase();

    [GeneratedRegex(@"^(?<keyword>[\p{L}\p{N}|][\p{L}\p{N}|'’‘`]*)(?<colon>\s*[:;]|[.,])?\s*(?<rest>.*)$")]
    private static partial Regex KeywordAndRest();

    // The Department's decimal file: class "740.0011" (letters allowed: "851G.01", "501.BC", "894A.00-R"),
    // an optional subject in words ("Pacific War", "European War 1939"), then "/" and the document number.
    [GeneratedRegex(@"^(?<file>\d{3}[A-Z]?\.[0-9A-Z]+(?:-[0-9A-Z]+)?(?: [A-Z][A-Za-z]*(?: (?:[A-Z][A-Za-z]*|\d{4}))*)?/\d+(?:-\d+)?)[.,]?$")]
    private static partial Regex DecimalFile();

    // The same, somewhere in the line: specks before it ("al oe -893.24/1331").
    [GeneratedRegex(@"(?<![\w.])(?<file>\d{3}[A-Z]?\.[0-9A-Z]+(?:-[0-9A-Z]+)?(?: [A-Z][A-Za-z]*(?: (?:[A-Z][A-Za-z]*|\d{4}))*)?/\d+(?:-\d+)?)[.,]?$")]
    private static partial Regex DecimalFileAtEnd();

    [GeneratedRegex(@"\s*/\s*")]
    private static partial Regex SpacedSlash();

    /// <summary>"TELEGRAM RECEIVED", "PARAPHRASE OF NAVY CABLE" and the like, in canonical spelling.</summary>
    public static (string Type, double Certainty)? DocumentType(string text)
    {
        var words = WordsOnly(text, out var cleaned);
        // Long names absorb two damaged letters, short ones one; "TELEGRAM" itself must be near exact.
        var match = Vocabulary.Closest(words, DocumentTypes, t => t.Length >= 12 ? 2 : t.Length >= 6 ? 1 : 0);
        if (match is { } m) return (m.Term, Math.Min(m.Certainty, cleaned ? Certainty.Cleaned : Certainty.Exact));
        // A paraphrase of some other kind of message keeps its typed name, at a lower level.
        var upper = words.ToUpperInvariant();
        return OtherParaphrase().IsMatch(upper) ? (upper, Certainty.Repaired) : null;
    }

    /// <summary>
    /// A classification that is the whole line. Damage is forgiven only when no other classification is
    /// within two edits of the reading ("TOP SECRFT" -> TOP SECRET; "P SECRET" could be either and stays null).
    /// </summary>
    public static (string Classification, double Certainty)? Classification(string line)
    {
        var words = WordsOnly(line, out var cleaned);
        if (words.Length is 0 or > 16) return null;
        var match = Vocabulary.Closest(words, Classifications, t => t.Length >= 10 ? 2 : 1, gap: 2);
        return match is { } m ? (m.Term, Math.Min(m.Certainty, cleaned ? Certainty.Cleaned : Certainty.Exact)) : null;
    }

    /// <summary>Whether the word is a header label as typed, in capitals (FROM, TO, DATED, RECD, REC'D, RECEIVED).</summary>
    public static bool IsLabelWord(string word) => Keywords.Any(k => k.Word == word.Replace("'", "", StringComparison.Ordinal));

    /// <summary>A line that opens with FROM, TO, Dated or Rec'd (a damaged letter allowed, except in "TO").</summary>
    public static KeywordLine? Keyword(string line)
    {
        var match = KeywordAndRest().Match(line);
        if (!match.Success) return null;
        var word = new string(match.Groups["keyword"].Value.Where(c => c is not ('\'' or '’' or '‘' or '`')).ToArray());
        if (word.Length < 2) return null;
        var found = Vocabulary.Closest(word, Keywords.Select(k => k.Word), t => t == "TO" ? 0 : 1);
        if (found is not { } m) return null;
        var keyword = Keywords.First(k => k.Word == m.Term).Keyword;
        var colon = match.Groups["colon"].Value.Trim() is ":" or ";";
        return new KeywordLine(keyword, colon, match.Groups["rest"].Value, m.Certainty);
    }

    /// <summary>A decimal file number that is the whole line, e.g. "740.0011 Pacific War/2428", "893.00/15067".</summary>
    public static (string FileNumber, double Certainty)? FileNumber(string line)
    {
        var repaired = OcrNumbers.InLine(line, out var digitsRepaired);
        var joined = SpacedSlash().Replace(repaired, "/");
        var match = DecimalFile().Match(joined);
        var whole = match.Success;
        if (!whole) match = DecimalFileAtEnd().Match(joined);
        if (!match.Success) return null;
        var certainty = digitsRepaired ? Certainty.Repaired : joined != repaired || !whole ? Certainty.Cleaned : Certainty.Exact;
        return (match.Groups["file"].Value, certainty);
    }

    /// <summary>Letters, digits and single spaces only: OCR specks (". SECRET '") must not hide a term.</summary>
    private static string WordsOnly(string text, out bool cleaned)
    {
        var words = Spaces().Replace(NotWordOrSpace().Replace(text, " "), " ").Trim();
        cleaned = words != text.Trim();
        return words;
    }
}
