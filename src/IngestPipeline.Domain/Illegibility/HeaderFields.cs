using IngestPipeline.Domain.Metadata;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility;

/// <summary>
/// A cable's header fields ("FROM: Ankara", "TO: Secretary of State,", "DATED: July 24, 1939"): each a label ending in
/// a colon at the start of its line, its value typed after it. A field is never left without its value, and a value
/// never stands alone where every other field has its label; blank or stained paper where either should be is a
/// field lost to damage. Values a typist set in a column by tabulation, and a value carried on to the next line under
/// the one above, line up with the values around them: paper before those is the typist's layout.
/// </summary>
internal sealed class HeaderFields
{
    /// <summary>How far, in characters, a word may stand from a column and still be set in it.</summary>
    private const double AlignedWithinChars = 1.5;

    private readonly List<Line> _lines;
    private readonly IReadOnlyList<Line> _page;
    private readonly HashSet<Line> _held;
    private readonly double _charWidth;

    private HeaderFields(List<Line> lines, IReadOnlyList<Line> page, double charWidth)
    {
        _lines = lines;
        _page = page;
        _held = new HashSet<Line>(lines, ReferenceEqualityComparer.Instance);
        _charWidth = charWidth;
    }

    public static HeaderFields Of(PageLayout layout) => new([.. layout.Lines.Take(layout.HeaderLength)], layout.Lines, layout.CharWidth);

    /// <summary>Whether the line is one of the header's.</summary>
    public bool Holds(Line line) => _held.Contains(line);

    /// <summary>
    /// A field's label: a word of letters (an abbreviation's full stop allowed) ending in a colon ("TO:", "NO.:"), or
    /// one of a cable's own labels whose colon the type or the engine made a full stop, a semicolon or a comma ("DATED.").
    /// </summary>
    public static bool IsLabel(Word word) =>
        word.Text.Length >= 3 && (word.Text[^1] == ':' ? word.Text[..^1].All(c => char.IsLetter(c) || c is '.' or ':') && word.Text.Any(char.IsLetter)
            : word.Text[^1] is '.' or ';' or ',' && HeaderTerms.IsLabelWord(word.Text[..^1]));

    /// <summary>
    /// Whether the stretch after <paramref name="before"/> on a header line held the field's value: the word before it
    /// is the line's label, and no value follows, or the one that follows stands in no column of the other fields' values.
    /// </summary>
    public bool LostValue(Line line, Word before, Word? after)
    {
        if (!Holds(line) || !IsLabel(before) || !ReferenceEquals(PageLayout.SubstantialWords(line).FirstOrDefault(), before)) return false;
        // A classification ("SECRET", a speck after it read as a colon) is a line of its own, followed by no value.
        if (after is null) return !Beside(line).Any(l => l.Box.Left >= before.Box.Right) && HeaderTerms.Classification(before.Text) is null;
        return !ValueColumns(line).Any(x => Aligned(after.Box.Left, x));
    }

    /// <summary>
    /// Whether a header line starting late lost its label (and perhaps the value's first words): it stands between
    /// fields that have their labels, has none, and its first word lines up neither with a word of the line above (a
    /// value carried on) nor with the fields' values.
    /// </summary>
    public bool LostStart(Line line, Word first)
    {
        int at = _lines.FindIndex(l => ReferenceEquals(l, line));
        // Only among the fields: a title or the post's name above them is centred or set right by design.
        if (at < 0 || IsLabel(first) || !_lines.Take(at).Any(StartsWithLabel) || !_lines.Skip(at + 1).Any(StartsWithLabel)) return false;
        if (Beside(line).Any(l => l.Box.Right <= first.Box.Left)) return false;
        // A date is a field's value of its own, never one carried on from another field: standing without its label
        // among labelled fields, it lost it wherever it starts.
        if (CableDates.IsMonthName(first.Text) || CableDates.IsYear(first.Text)) return true;
        if (at > 0 && _lines[at - 1].Words.Any(w => Aligned(first.Box.Left, w.Box.Left))) return false;
        return !ValueColumns(line).Any(x => Aligned(first.Box.Left, x));
    }

    /// <summary>Where the other fields' values start.</summary>
    private IEnumerable<int> ValueColumns(Line except) =>
        _lines.Where(l => !ReferenceEquals(l, except) && StartsWithLabel(l))
            .Select(PageLayout.SubstantialWords).Where(w => w.Count > 1).Select(w => w[1].Box.Left);

    /// <summary>Lines the engine split off this one: at its height, sharing more than half of it ("NO.:" and "1676" read apart).</summary>
    private IEnumerable<Line> Beside(Line line) =>
        _page.Where(l => !ReferenceEquals(l, line) && l.Box.VerticalOverlap(line.Box) * 2 > Math.Min(l.Box.Height, line.Box.Height));

    /// <summary>A field's line: it starts with a label, or with a cable's own label that lost its colon ("FROM Ottawa").</summary>
    private static bool StartsWithLabel(Line line) =>
        PageLayout.SubstantialWords(line) is [var first, ..] && (IsLabel(first) || HeaderTerms.IsLabelWord(first.Text));

    private bool Aligned(int x, int column) => Math.Abs(x - column) <= AlignedWithinChars * _charWidth;
}
