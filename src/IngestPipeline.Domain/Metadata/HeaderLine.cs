using System.Text.RegularExpressions;

namespace IngestPipeline.Domain.Metadata;

/// <summary>
/// Cleans one header line of the specks OCR reads at its ends on a dirty page ("' FROM: Chungking ~",
/// "FROM: Chungking a i :", "Washington. _", "TELEGRAM RECEIVED ="), so the rules see the typed text.
/// </summary>
internal static partial class HeaderLine
{
    [GeneratedRegex(@"^[\p{L}][\p{L} .'’()-]*[,.]$")]
    private static partial Regex AddressLike();

    public static string Clean(string line, out bool noisy)
    {
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (tokens.Count > 0 && !tokens[0].Any(char.IsLetterOrDigit)) tokens.RemoveAt(0);
        // A lone lower-case letter at the end is a speck: typed header lines end in a word, number or "p.m.".
        while (tokens.Count > 0 && (!tokens[^1].Any(char.IsLetterOrDigit) || tokens[^1] is [var c] && char.IsLower(c)))
            tokens.RemoveAt(tokens.Count - 1);
        if (tokens.Count == 0)
        {
            noisy = line.Length > 0;
            return "";
        }
        tokens[0] = tokens[0].TrimStart(ch => !char.IsLetterOrDigit(ch) && ch != '(');
        tokens[^1] = tokens[^1].TrimEnd(ch => !char.IsLetterOrDigit(ch) && ch is not ('.' or ',' or ')'));
        var clean = string.Join(' ', tokens);
        noisy = clean != line;
        return clean;
    }

    /// <summary>
    /// Whether a line after an empty one still belongs to the header: a field the header rules know, a
    /// line in capitals (addressees), or an address line ("Secretary of State,", "Washington.").
    /// </summary>
    public static bool LooksLikeHeader(string line)
    {
        var clean = Clean(line, out _);
        if (clean.Length is 0 or > CableLayout.MaxHeaderLineLength) return false;
        return MostlyCapitals(clean)
            || HeaderTerms.Keyword(clean) is not null
            || HeaderTerms.FileNumber(clean) is not null
            || CableDates.Find(clean) is { Index: 0 }
            || (AddressLike().IsMatch(clean) && clean.Split(' ').Length <= 4);
    }

    public static bool MostlyCapitals(string line)
    {
        var letters = line.Where(char.IsLetter).ToList();
        return letters.Count > 0 && letters.Count(char.IsUpper) >= 0.7 * letters.Count;
    }

    private static string TrimStart(this string s, Func<char, bool> drop)
    {
        var i = 0;
        while (i < s.Length && drop(s[i])) i++;
        return s[i..];
    }

    private static string TrimEnd(this string s, Func<char, bool> drop)
    {
        var i = s.Length;
        while (i > 0 && drop(s[i - 1])) i--;
        return s[..i];
    }
}
