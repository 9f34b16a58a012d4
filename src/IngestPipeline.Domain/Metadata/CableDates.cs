using System.Globalization;
using System.Text.RegularExpressions;

namespace IngestPipeline.Domain.Metadata;

/// <summary>A date found in a line: where it stands, what it says, and how much repair it took.</summary>
internal sealed record DateHit(int Index, int Length, int Month, int Day, int? Year, double Certainty)
{
    public int End => Index + Length;

    public string Iso(int year) => new DateOnly(year, Month, Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A time of day found in a line, already as "HH:mm".</summary>
internal sealed record TimeHit(string Value, double Certainty);

/// <summary>
/// Reads the dates and times of cable headers: "July 3, 1945", "3 July 1945", "JULY 3, 1945",
/// "May 6, 8:50 a.m." (no year), "6 p.m.", "noon". Numbers may carry OCR look-alikes (l942) and month
/// names one or two wrong letters; both lower the certainty.
/// </summary>
internal static partial class CableDates
{
    // Years outside this window are taken as some other number: the cables are from the 1940s and 50s.
    private const int FirstYear = 1900, LastYear = 1999;

    private static readonly string[] Months =
        ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"];

    // Abbreviations are accepted only as typed: three letters leave too little to correct.
    private static readonly Dictionary<string, int> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["JAN"] = 1, ["FEB"] = 2, ["MAR"] = 3, ["APR"] = 4, ["JUN"] = 6, ["JUL"] = 7,
        ["AUG"] = 8, ["SEP"] = 9, ["SEPT"] = 9, ["OCT"] = 10, ["NOV"] = 11, ["DEC"] = 12,
    };

    private const string Month = @"(?<mon>[A-Za-z][A-Za-z015]{2,8})\.?";
    private const string Day = @"(?<day>[0-9lIiO|]{1,2})(?:st|nd|rd|th)?";
    private const string Year = @"(?<year>[0-9lIO|]{4})";

    [GeneratedRegex(@"(?<![\p{L}\p{N}])" + Month + @"\s+" + Day + @"(?:\s*[,.]?\s*" + Year + @")?(?![\p{L}\p{N}:])")]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])" + Day + @"\s+" + Month + @"\s*[,.]?\s*" + Year + @"(?![\p{L}\p{N}])")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^\s*[,.;]?\s*(?:(?<h>[0-9lIO|]{1,2})(?:\s?[:.]\s?(?<m>[0-9lIO|]{2}))?\s?(?<ap>[aApP])\s?[.,]?\s?[mM](?![\p{L}])\.?|(?<noon>(?i:noon))|(?<midnight>(?i:midnight)))")]
    private static partial Regex TimeOfDay();

    /// <summary>Whether the word is a month's name as typed, in full ("September", "JUNE"; a comma or full stop after it allowed).</summary>
    public static bool IsMonthName(string word) =>
        Array.IndexOf(Months, word.TrimEnd(',', '.').ToUpperInvariant()) >= 0;

    /// <summary>Whether the word is a day of a month followed by its comma, as a date is typed before its year ("13,").</summary>
    public static bool IsDayWithComma(string word) =>
        word.EndsWith(',') && word[..^1] is { Length: 1 or 2 } digits && digits.All(char.IsAsciiDigit)
        && int.Parse(digits, CultureInfo.InvariantCulture) is >= 1 and <= 31;

    /// <summary>Whether the word is a year of the cables' century as typed ("1944", "1944." or "1944,").</summary>
    public static bool IsYear(string word) =>
        word.TrimEnd(',', '.', ';') is { Length: 4 } digits && digits.All(char.IsAsciiDigit)
        && int.Parse(digits, CultureInfo.InvariantCulture) is >= FirstYear and <= LastYear;

    /// <summary>The first valid date in <paramref name="text"/>; without a year only when <paramref name="yearOptional"/>.</summary>
    public static DateHit? Find(string text, bool yearOptional = false)
    {
        var candidates = MonthFirst().Matches(text).Concat(DayFirst().Matches(text)).OrderBy(m => m.Index);
        foreach (var match in candidates)
        {
            if (Read(match, yearOptional) is { } hit) return hit;
        }
        return null;
    }

    /// <summary>A time of day at the start of <paramref name="text"/> (after an optional comma).</summary>
    public static TimeHit? TimeAtStart(string text)
    {
        var match = TimeOfDay().Match(text);
        if (!match.Success) return null;
        if (match.Groups["noon"].Success) return new TimeHit("12:00", Certainty.Exact);
        if (match.Groups["midnight"].Success) return new TimeHit("24:00", Certainty.Exact);

        if (OcrNumbers.Token(match.Groups["h"].Value, out var hourRepaired) is not { } h) return null;
        var minutes = "00";
        var minuteRepaired = false;
        if (match.Groups["m"].Success && OcrNumbers.Token(match.Groups["m"].Value, out minuteRepaired) is { } m) minutes = m;
        else if (match.Groups["m"].Success) return null;

        var hour = int.Parse(h, CultureInfo.InvariantCulture);
        var minute = int.Parse(minutes, CultureInfo.InvariantCulture);
        if (hour is < 1 or > 12 || minute > 59) return null;
        var pm = char.ToLowerInvariant(match.Groups["ap"].Value[0]) == 'p';
        hour = hour % 12 + (pm ? 12 : 0);
        var certainty = hourRepaired || minuteRepaired ? Certainty.Repaired : Certainty.Exact;
        return new TimeHit($"{hour:00}:{minute:00}", certainty);
    }

    private static DateHit? Read(Match match, bool yearOptional)
    {
        var yearGroup = match.Groups["year"];
        if (!yearGroup.Success && !yearOptional) return null;
        if (ResolveMonth(match.Groups["mon"].Value) is not { } month) return null;
        if (OcrNumbers.Token(match.Groups["day"].Value, out var dayRepaired) is not { } dayText) return null;
        var day = int.Parse(dayText, CultureInfo.InvariantCulture);

        int? year = null;
        var yearRepaired = false;
        if (yearGroup.Success)
        {
            if (OcrNumbers.Token(yearGroup.Value, out yearRepaired) is not { } yearText) return null;
            year = int.Parse(yearText, CultureInfo.InvariantCulture);
            if (year is < FirstYear or > LastYear) return null;
        }
        // Without a year, check the day against a leap year so "February 29" is not refused for want of one.
        if (day < 1 || day > DateTime.DaysInMonth(year ?? 2000, month.Number)) return null;

        var certainty = Math.Min(month.Certainty, dayRepaired || yearRepaired ? Certainty.Repaired : Certainty.Exact);
        return new DateHit(match.Index, match.Length, month.Number, day, year, certainty);
    }

    private static (int Number, double Certainty)? ResolveMonth(string word)
    {
        if (Abbreviations.TryGetValue(word, out var abbreviated)) return (abbreviated, Certainty.Exact);
        // Short names get one edit, long ones two; "JUNY" is as near JUNE as JULY and stays unread.
        var match = Vocabulary.Closest(word, Months, term => term.Length <= 5 ? 1 : 2);
        return match is { } m ? (Array.IndexOf(Months, m.Term) + 1, m.Certainty) : null;
    }
}
