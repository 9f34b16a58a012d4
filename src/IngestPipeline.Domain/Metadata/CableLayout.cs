using System.Text.RegularExpressions;

namespace IngestPipeline.Domain.Metadata;

/// <summary>
/// Splits a cable's text into header, body and signature. Every header field is read only from the
/// header, so words in the body ("this is secret", "April 30, 3 p.m.") never become metadata.
/// </summary>
internal sealed partial record CableLayout(IReadOnlyList<string> Lines, IReadOnlyList<int> Header, int BodyStart, int Signature)
{
    // Longest header seen is 8 lines; beyond this a page without a recognisable body start is all body.
    private const int MaxHeaderLines = 14;

    // Header lines are short; a run of long lines before a numbered line is prose, not a header.
    public const int MaxHeaderLineLength = 60;

    /// <summary>
    /// The line that opens the body: the telegram number and a full stop ("1116. ", "Delga 681. "),
    /// a navy date-time group ("110600Z. "), or with the stop misread as a comma or colon.
    /// </summary>
    [GeneratedRegex(@"^(?:(?<series>[A-Z][A-Za-z]{2,})\s)?(?<number>[0-9lIO|]{1,6}Z?)(?<stop>[.,:])(?=\s|$)")]
    public static partial Regex BodyOpening();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public IEnumerable<string> HeaderLines => Header.Select(i => Lines[i]);

    public static CableLayout Of(string text)
    {
        // A form feed separates pages; it counts as a paragraph gap.
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\f", "\n\n")
            .Split('\n')
            .Select(l => Whitespace().Replace(l, " ").Trim())
            .ToList();

        var first = lines.FindIndex(l => l.Length > 0);
        if (first < 0) return new CableLayout(lines, [], -1, -1);

        var body = FindBodyStart(lines, first);
        var header = (body >= 0
                ? Enumerable.Range(first, body - first)
                // No body start found: the header is the run of short lines at the top, if any.
                : Enumerable.Range(first, lines.Count - first).TakeWhile(i => lines[i].Length <= MaxHeaderLineLength))
            .Where(i => lines[i].Length > 0)
            .Take(MaxHeaderLines)
            .ToList();

        // Specks of dirt below the signature read as lone punctuation; they are not the last line.
        var last = lines.FindLastIndex(l => l.Any(char.IsLetterOrDigit));
        var signature = body >= 0 && last > body ? last : -1;
        return new CableLayout(lines, header, body, signature);
    }

    private static int FindBodyStart(List<string> lines, int first)
    {
        var gap = lines.FindIndex(first, l => l.Length == 0);
        var afterGap = gap < 0 ? -1 : lines.FindIndex(gap, l => l.Length > 0);

        // The usual page: header, one empty line, the numbered first paragraph.
        if (afterGap >= 0 && IsNumberedOpening(lines[afterGap])) return afterGap;

        // OCR lost the empty line or put one inside the header: the first numbered line after a run
        // of short header-like lines. Only a full stop counts here, to keep "1942, 4 a.m." a header line.
        for (var i = first + 1; i < lines.Count && i < first + MaxHeaderLines; i++)
        {
            if (BodyOpening().Match(lines[i]) is { Success: true } m && m.Groups["stop"].Value == "." && IsNumberedOpening(lines[i]))
                return i;
            if (lines[i].Length > MaxHeaderLineLength) break;
        }

        // A body without a telegram number (the paraphrases) starts at the first line after the gap that
        // does not look like a header line; OCR may have put empty lines between header lines.
        for (var i = afterGap; i >= 0 && i < lines.Count && i < first + MaxHeaderLines; i++)
        {
            if (lines[i].Length > 0 && !HeaderLine.LooksLikeHeader(lines[i])) return i;
        }
        return afterGap;
    }

    private static bool IsNumberedOpening(string line) =>
        BodyOpening().Match(line) is { Success: true } m && m.Groups["number"].Value.Any(char.IsDigit);
}
