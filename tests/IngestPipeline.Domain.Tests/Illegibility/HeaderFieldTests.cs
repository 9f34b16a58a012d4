using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Tests.Illegibility;

/// <summary>
/// A cable's header fields lose their value or their label to damage as running text loses words: blank paper where
/// either stood is lost text, blank paper a typist set between fields by design is not.
/// </summary>
public sealed class HeaderFieldTests
{
    private const int Margin = 300, CharWidth = 30, Pitch = 70;
    private static readonly InkMeasure Typed = new(120, 0.3f);
    private static readonly InkMeasure Blank = new(4, 0f);
    private static readonly Lexicon Words = new(["the minister stated that his government would reply within ten days"]);

    /// <summary>A typed line: each word at the character column its place in <paramref name="typed"/> gives (spaces kept).</summary>
    private static Line TypedLine(string typed, int row)
    {
        var words = new List<Word>();
        int top = 200 + row * Pitch;
        for (int at = 0; at < typed.Length;)
        {
            if (typed[at] == ' ')
            {
                at++;
                continue;
            }
            int end = typed.IndexOf(' ', at) is var space && space < 0 ? typed.Length : space;
            words.Add(new Word(typed[at..end], new BoundingBox(Margin + at * CharWidth, top, Margin + end * CharWidth, top + 40), 95) { Ink = Typed });
            at = end;
        }
        return new Line(BoundingBox.Union(words.Select(w => w.Box)), words);
    }

    /// <summary>The stretch of row <paramref name="row"/> from character column <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static TextGap Stretch(int row, int from, int to, GapSource source) =>
        new(new BoundingBox(Margin + from * CharWidth, 200 + row * Pitch, Margin + to * CharWidth, 240 + row * Pitch), []) { Ink = Blank, Source = source };

    private const string Running = "the minister stated that his government would reply within ten days the minister";

    /// <summary>A page of one block of the lines, with the stretches the layout proposed on it.</summary>
    private static Page PageOf(IReadOnlyList<Line> lines, params TextGap[] gaps) =>
        new(1, 2550, 3300, 300, [new Block(BoundingBox.Union(lines.Select(l => l.Box)), lines)], new PageProcessing(0, 0, [])) { TextGaps = gaps };

    /// <summary>The header's lines and a paragraph of running text below them, from row <paramref name="bodyFrom"/>.</summary>
    private static List<Line> WithBody(IEnumerable<Line> header, int bodyFrom) =>
        [.. header, .. Enumerable.Range(0, 4).Select(i => TypedLine(Running, bodyFrom + i))];

    private static Page Marked(Page page) => GapMarker.Mark(page, Words, IllegibilityOptions.Default, PageInk.Of(page, IllegibilityOptions.Default));

    /// <summary>The header's lines as marked, each as text, above a paragraph of running text.</summary>
    private static string[] Mark(string[] header, params TextGap[] gaps) =>
        [.. Marked(PageOf(WithBody(header.Select(TypedLine), header.Length + 1), gaps)).Lines.Take(header.Length)
            .Select(l => string.Join(' ', l.Words.Select(w => w.Text)))];

    [Fact]
    public void The_header_ends_where_the_first_paragraph_starts_though_damage_took_words_from_its_lines()
    {
        // An indented first line of prose, full; the paragraph's next line lost words. Fields above it, prose below.
        string[] typed =
        [
            "FROM: Ankara", "TO: Secretary of State, Washington", "DATED: July 24, 1939", "NO.: 644", "",
            "    minister stated that his government would reply within ten days the minister",
            "the minister stated that his                  reply within ten days the minister",
            "days.", "", Running, Running, Running, "days.",
        ];
        var lines = typed.Select((text, row) => (text, row)).Where(t => t.text.Length > 0).Select(t => TypedLine(t.text, t.row)).ToList();
        Assert.Equal(4, PageLayout.Of(PageOf(lines)).HeaderLength);
    }

    [Fact]
    public void A_label_with_blank_paper_where_its_value_stood_lost_the_value()
    {
        string[] header = ["SECRET", "FROM: Ankara", "TO: Secretary of State, Washington", "DATED:              1939", "NO.: 644"];
        var marked = Mark(header, Stretch(3, 7, 19, GapSource.Header));
        Assert.Equal("DATED: [ILLEGIBLE] 1939", marked[3]);
    }

    [Fact]
    public void A_cables_label_whose_colon_reads_as_a_full_stop_is_still_a_label_and_other_words_so_ended_are_not()
    {
        // "DATED:" worn to "DATED." at the end of its line: the date is lost all the same.
        string[] header = ["FROM: Ankara", "TO: Secretary of State, Washington", "DATED.", "NO.: 644"];
        Assert.Equal("DATED. [ILLEGIBLE]", Mark(header, Stretch(2, 7, 40, GapSource.ShortLine))[2]);
        // A word of the header that is no label ends its line with a full stop by itself.
        string[] titled = ["FROM: Ankara", "TO: Secretary of State, Washington", "URGENT.", "NO.: 644"];
        Assert.Equal("URGENT.", Mark(titled, Stretch(2, 8, 40, GapSource.ShortLine))[2]);
    }

    [Fact]
    public void A_date_that_stops_at_its_month_or_whose_year_stands_a_day_away_from_it_lost_its_day()
    {
        string[] header = ["FROM: Ankara", "TO: Secretary of State, Washington", "DATED: September     1944", "NO.: 644"];
        Assert.Equal("DATED: September [ILLEGIBLE] 1944", Mark(header, Stretch(2, 17, 20, GapSource.Header))[2]);
        // Set a space apart, or two, month and year are a date of their own.
        string[] spaced = ["FROM: Ankara", "TO: Secretary of State, Washington", "DATED: September  1944", "NO.: 644"];
        Assert.Equal("DATED: September 1944", Mark(spaced, Stretch(2, 16, 18, GapSource.Header))[2]);
        // The line ends at the month's name: the day and the year are lost.
        string[] cut = ["FROM: Ankara", "TO: Secretary of State, Washington", "DATED: June", "NO.: 644"];
        Assert.Equal("DATED: June [ILLEGIBLE]", Mark(cut, Stretch(2, 12, 40, GapSource.ShortLine))[2]);
    }

    [Fact]
    public void Values_set_in_a_column_by_tabulation_stand_apart_from_their_labels_by_design()
    {
        string[] header = ["FROM:      Ankara", "TO:        Secretary of State", "DATED:     July 24, 1939", "NO.:       644"];
        Assert.Equal("TO: Secretary of State", Mark(header, Stretch(1, 4, 10, GapSource.Header))[1]);
    }

    [Fact]
    public void A_label_ending_its_line_lost_its_value_unless_it_is_a_classification_or_the_value_was_read_apart()
    {
        string[] header = ["SECRET:", "FROM:", "TO: Secretary of State, Washington", "DATED: July 24, 1939", "NO.: 644"];
        var marked = Mark(header, Stretch(0, 8, 40, GapSource.ShortLine), Stretch(1, 6, 40, GapSource.ShortLine));
        Assert.Equal(["SECRET:", "FROM: [ILLEGIBLE]"], marked[..2]);

        // "NO.:" and "644" read as two lines side by side: the value is there.
        var split = header[..4].Select(TypedLine).Append(TypedLine("NO.:", 4)).Append(TypedLine("     644", 4)).ToList();
        Assert.Contains("644", split[^1].Words.Select(w => w.Text));
        var kept = Marked(PageOf(WithBody(split, 6), Stretch(4, 5, 40, GapSource.ShortLine)));
        Assert.DoesNotContain(kept.Words, w => w.IsIllegible);
    }

    [Fact]
    public void A_field_starting_late_between_labelled_fields_lost_its_label()
    {
        // "DATED: July 24," faded: the year stands where no word of the line above or value of a field begins.
        string[] header = ["FROM: Ankara", "TO: Secretary of State, Washington", "                     1939", "NO.: 644"];
        Assert.Equal("[ILLEGIBLE] 1939", Mark(header, Stretch(2, 0, 20, GapSource.LineStart))[2]);
        // "DATED:" lost before a date that starts where the values do, or under a word of the line above: a date is
        // never a value carried on. The label after it may read "NO::".
        string[] dated = ["FROM: Ankara", "TO: Secretary of State, Washington", "      July 24, 1939", "NO:: 644"];
        Assert.Equal("[ILLEGIBLE] July 24, 1939", Mark(dated, Stretch(2, 0, 5, GapSource.LineStart))[2]);
        string[] under = ["FROM: Ankara", "TO: Secretary of State, Washington", "                  1939", "NO.: 644"];
        Assert.Equal("[ILLEGIBLE] 1939", Mark(under, Stretch(2, 0, 17, GapSource.LineStart))[2]);
        // "FROM" that lost its colon still labels its field; alone, a bare "TO" is no label that lost its value.
        string[] bare = ["RESTRICTED", "FROM Ottawa", "          State, Washington", "DATED: November 16, 1947", "NO.: 1844"];
        Assert.Equal("[ILLEGIBLE] State, Washington", Mark(bare, Stretch(2, 0, 9, GapSource.LineStart))[2]);
        string[] memo = ["FROM: Ankara", "TO -", "DATED: November 16, 1947", "NO.: 1844"];
        Assert.Equal("TO -", Mark(memo, Stretch(1, 5, 40, GapSource.ShortLine))[1]);
    }

    [Fact]
    public void A_value_carried_on_under_the_one_above_or_a_title_above_the_fields_starts_late_by_design()
    {
        string[] carried = ["FROM: Ankara", "TO: Secretary of State,", "    Washington", "DATED: July 24, 1939", "NO.: 644"];
        Assert.Equal("Washington", Mark(carried, Stretch(2, 0, 3, GapSource.LineStart))[2]);
        string[] titled = ["          AMERICAN EMBASSY", "FROM: Ankara", "TO: Secretary of State, Washington", "NO.: 644"];
        Assert.Equal("AMERICAN EMBASSY", Mark(titled, Stretch(0, 0, 9, GapSource.LineStart))[0]);
    }
}
