using System.Text.RegularExpressions;

namespace IngestPipeline.Domain.Metadata;

/// <summary>What a FROM line names: a sender, a place, or both; and addressees when "TO" follows on the line.</summary>
internal sealed record FromParts(string? Sender, string? Origin, string? InlineRecipients, bool RecipientsFollow, double Certainty);

/// <summary>
/// Reads who and where from header lines: "FROM W. A. HARRIMAN TO" (a person; addressees on the next
/// line), "FROM: Chungking" (a place), "FROM: THE SECRETARY OF STATE, WASHINGTON" (an office and its place).
/// </summary>
internal static partial class Addressees
{
    // Words that make a FROM value an office rather than a place, however short it is.
    private static readonly HashSet<string> OfficeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "THE", "SECRETARY", "SECSTATE", "DEPARTMENT", "PRESIDENT", "AMBASSADOR", "MINISTER", "EMBASSY",
        "AMEMBASSY", "AMCONGEN", "AMCONSUL", "AMLEGATION", "CONSULATE", "LEGATION", "DELEGATION", "COMMANDER",
        "CHIEF", "ATTACHE", "ATTACHÉ", "CHARGE", "GENERAL", "ADMIRAL", "STAFF",
    };

    [GeneratedRegex(@"^(?<who>.+?)\s+T[O0]\s*[:.]?$")]
    private static partial Regex EndsWithTo();

    [GeneratedRegex(@"^(?<who>.+?)\s+T[O0]:?\s+(?<to>.+)$")]
    private static partial Regex ToInside();

    [GeneratedRegex(@"^\p{Lu}[\p{L}'’-]*$")]
    private static partial Regex PlaceWord();

    // Two addressees are joined by AND when a new title starts after it; "ARMY AND NAVY" stays one.
    [GeneratedRegex(@"\s+AND\s+(?=(?:THE|ACTING|SECRETARY|PRESIDENT|AMBASSADOR|COMMANDER|CHIEF|GENERAL|ADMIRAL|MINISTER|AMEMBASSY|AMCONGEN|AMCONSUL|AMLEGATION)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex JoinedAddressees();

    public static FromParts? ReadFrom(string rest, bool colon)
    {
        var value = Tidy(rest, out var cleaned);
        if (value.Length == 0) return null;
        var certainty = cleaned ? Certainty.Cleaned : Certainty.Exact;

        // "FROM W. A. HARRIMAN TO": the paraphrase form, addressees on the following line.
        if (EndsWithTo().Match(value) is { Success: true } end)
            return new FromParts(Tidy(end.Groups["who"].Value, out _), null, null, true, certainty);

        // "FROM W. A. HARRIMAN TO THE PRESIDENT" on one line; where "TO" splits is a guess, hence lower.
        if (!colon && ToInside().Match(value) is { Success: true } inside)
            return new FromParts(Tidy(inside.Groups["who"].Value, out _), null, Tidy(inside.Groups["to"].Value, out _), false,
                Math.Min(certainty, Certainty.Cleaned));

        if (IsPlace(value)) return new FromParts(null, value, null, false, certainty);

        // "THE SECRETARY OF STATE, WASHINGTON": the office, and the city it sends from.
        var comma = value.LastIndexOf(',');
        if (comma > 0 && IsPlace(value[(comma + 1)..].Trim()))
            return new FromParts(value[..comma].Trim(), value[(comma + 1)..].Trim(), null, false, certainty);

        return new FromParts(value, null, null, false, certainty);
    }

    /// <summary>A place name: one to three capitalised words, none of them an office word or an initial.</summary>
    public static bool IsPlace(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 3
            && words.All(w => PlaceWord().IsMatch(w) && !OfficeWords.Contains(w))
            && words.Sum(w => w.Length) >= 3;
    }

    /// <summary>Splits "THE PRESIDENT AND THE SECRETARY OF STATE" into its addressees.</summary>
    public static IReadOnlyList<string> Split(string addressees) =>
        JoinedAddressees().Split(addressees).Select(a => Tidy(a, out _)).Where(a => a.Length > 0).ToList();

    /// <summary>
    /// Drops OCR specks before the value and the closing comma or stop after it ("FROM: .Chungking",
    /// "Washington."). <paramref name="cleaned"/> says whether anything but that closing stop went.
    /// </summary>
    public static string Tidy(string text, out bool cleaned)
    {
        var trimmed = text.Trim();
        var start = 0;
        while (start < trimmed.Length && !char.IsLetterOrDigit(trimmed[start]) && trimmed[start] != '(') start++;
        var end = trimmed.Length;
        while (end > start && !char.IsLetterOrDigit(trimmed[end - 1]) && trimmed[end - 1] != ')') end--;
        // One closing comma or full stop is how the line was typed; anything more is noise.
        var dropped = trimmed[end..];
        cleaned = start > 0 || dropped.Length > 1 || (dropped.Length == 1 && dropped[0] is not ('.' or ','));
        var value = trimmed[start..end];
        // An initial keeps its stop: "W. A. HARRIMAN" is fine, but "HARRIMAN, W. A." must not lose the last one.
        if (dropped.StartsWith('.') && value.Length >= 2 && value[^2] == ' ' && char.IsUpper(value[^1])) value += ".";
        return value;
    }
}
