using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Metadata;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility;

/// <summary>
/// Fills each <see cref="Page.TextGaps"/> stretch of its line: with the words the second, contrast-normalised
/// reading found when every one of them is a confident, plausible word (faint but legible text); otherwise with
/// one [ILLEGIBLE] marker over the stretch that keeps whatever was read there as its guess.
/// </summary>
public static class GapMarker
{
    /// <param name="leftToModel">Kinds of stretch a learned decision weighs instead (none by default).</param>
    public static Page Mark(Page page, Lexicon lexicon, IllegibilityOptions options, PageInk? ink, IReadOnlySet<GapSource>? leftToModel = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Lost lines are left to the learned decision; a line's late start or short end and a gap in the header are
        // weighed here by their ink, and in the header by its fields (Evidence).
        var proposed = page.TextGaps.Where(g => Weighs(g.Source) && leftToModel?.Contains(g.Source) != true).ToList();
        if (proposed.Count == 0) return page;
        var lines = page.Lines.ToList();
        var layout = PageLayout.Of(page);
        var columns = TabStops.Of(layout);
        var header = HeaderFields.Of(layout);
        // The word each line's paragraph goes on with: what a line cut short would have had room for.
        var goesOnWith = new Dictionary<Line, Word>(ReferenceEqualityComparer.Instance);
        // The last word of the line above each line that starts late inside a paragraph: the sentence it breaks off.
        var lateAfter = new Dictionary<Line, Word>(ReferenceEqualityComparer.Instance);
        var lateButFull = new HashSet<Line>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < layout.Lines.Count; i++)
        {
            if (layout.ContinuesParagraph(i) && PageLayout.SubstantialWords(layout.Lines[i + 1]) is [var next, ..])
                goesOnWith[layout.Lines[i]] = next;
            if (layout.StartsLateInParagraph(i) && PageLayout.SubstantialWords(layout.Lines[i - 1]) is [.., var last])
            {
                lateAfter[layout.Lines[i]] = last;
                if (layout.IsFull(layout.Lines[i])) lateButFull.Add(layout.Lines[i]);
            }
        }
        var byLine = new Dictionary<Line, List<TextGap>>(ReferenceEqualityComparer.Instance);
        foreach (var gap in proposed)
        {
            if (LineOf(lines, gap) is { } at)
                (byLine.TryGetValue(lines[at], out var list) ? list : byLine[lines[at]] = []).Add(gap);
        }
        return page with
        {
            Blocks = page.Blocks.Select(b => b with
            {
                Lines = b.Lines.Select(l => byLine.TryGetValue(l, out var gaps)
                    ? Fill(l, gaps, new Neighbours(goesOnWith.GetValueOrDefault(l), lateAfter.GetValueOrDefault(l), lateButFull.Contains(l)), columns, header, lexicon, options, ink)
                    : l).ToList(),
            }).ToList(),
        };
    }

    /// <summary>Whether the hand rules weigh stretches the layout proposed so (the rest only a learned decision does).</summary>
    public static bool Weighs(GapSource source) => source is GapSource.Layout or GapSource.Header or GapSource.LineStart or GapSource.ShortLine;

    /// <summary>
    /// What the lines around say of a line: the word its paragraph goes on with below (what a line cut short would have
    /// had room for), and, where the line starts late inside its paragraph, the last word of the line above and whether
    /// the line still reaches the margin.
    /// </summary>
    private readonly record struct Neighbours(Word? Next, Word? LateAfter, bool LateButFull);

    private static Line Fill(Line line, List<TextGap> gaps, Neighbours around, TabStops columns, HeaderFields header, Lexicon lexicon, IllegibilityOptions options, PageInk? ink)
    {
        var words = line.Words.ToList();
        double charWidth = DamageMarker.CharWidth(line);
        foreach (var gap in gaps)
        {
            // Another step (a dark region over the same place) may have marked it already.
            // A speck read there (a smudge's edge or a tide line read as "<") is no reading of the stretch.
            if (words.Any(w => !IsSpeck(w) && Overlap(w.Box, gap.Box) * 2 > gap.Box.Width)) continue;
            var filler = Evidence(gap, line, words, around, charWidth, columns, header, ink, lexicon, options) switch
            {
                GapEvidence.FaintTyping => Reading(gap, lexicon, options),
                GapEvidence.BrokenSentence => [Word.Illegible(gap.Box, "", 0)],
                _ => [],
            };
            int at = words.FindIndex(w => w.Box.Left >= gap.Box.Right - 1);
            words.InsertRange(at < 0 ? words.Count : at, filler);
        }
        return line with { Words = words, Box = BoundingBox.Union(words.Select(w => w.Box).Append(line.Box)) };
    }

    /// <summary>
    /// English words a typist never leaves at the end of a line cut short: articles, prepositions and conjunctions
    /// that the next word must follow ("response from ⎵⎵⎵⎵", the words given by whom faded to nothing).
    /// </summary>
    private static readonly HashSet<string> CannotEndALine = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "from", "to", "by", "with", "and", "or", "for", "in", "on", "at", "into", "that", "which", "than", "as",
    };

    private enum GapEvidence { None, FaintTyping, BrokenSentence }

    /// <summary>
    /// What the stretch holds. Ink like faint or smudged typing is lost or faded text. Where a line starts late or stops
    /// short, or fields of the header stand apart, blank paper is the typist's layout as often as lost words, except
    /// where a header field lost its value or its label (<see cref="HeaderFields"/>). Inside a line, blank or
    /// stained paper is lost text where the sentence visibly breaks across it (<see cref="BreaksSentence"/>) and the
    /// next word stands in no table's column; under a column two rows near it fill, it is a lost cell. At a line's end
    /// it is lost text only where the line was cut short (<see cref="IsCutShort"/>).
    /// </summary>
    private static GapEvidence Evidence(TextGap gap, Line line, List<Word> words, Neighbours around, double charWidth, TabStops columns, HeaderFields header,
        PageInk? ink, Lexicon lexicon, IllegibilityOptions options)
    {
        if (ink is null || gap.Ink is null) return gap.Source == GapSource.Layout ? GapEvidence.FaintTyping : GapEvidence.None;
        // Worn figures of a header field the engine read in two parts ("0 ⎵ 37") leave ink like faint typing between them.
        if (gap.Source != GapSource.Header && ink.HoldsLostTyping(gap.Ink)) return GapEvidence.FaintTyping;
        bool stained = ink.IsStained(gap.Ink), blank = !stained && ink.IsBlank(gap.Ink);
        // Ink as dark as the typing's and denser, that the engine reading the stretch again on its own made only junk
        // of, is no legible typing it skipped but a smudge over it (worn typing skipped is as dense as the rest, or less).
        if (!blank && !stained) return ink.IsDenser(gap.Ink) && ReadsAsJunk(gap, lexicon) ? GapEvidence.FaintTyping : GapEvidence.None;
        // The last word before the stretch's end: a full stop typed after a space ("usée .") may stand inside it.
        // It must be a word read as one: a speck in the margin read as "i" starts no sentence, and a speck in the
        // stretch read as ">" or "~" (a stain's tide line) neither ends nor starts one.
        var before = words.LastOrDefault(w => w.Box.Left < gap.Box.Right && !w.IsIllegible && !IsSpeck(w));
        var after = words.FirstOrDefault(w => w.Box.Left >= gap.Box.Right - 1 && !w.IsIllegible && !IsSpeck(w));
        // A line starting late inside a paragraph lost its first words where its sentence runs on from the line above,
        // or where it starts farther in than any paragraph's indent yet runs on to the margin, as prose does.
        if (gap.Source == GapSource.LineStart && before is null && after is not null
            && (columns.StartsLaterThanNearRows(gap.Box, after.Box) || BreaksOffAbove(around.LateAfter, after, lexicon, options)
                || (around.LateButFull && gap.Box.Width >= options.SetInLostFromChars * charWidth)))
            return GapEvidence.BrokenSentence;
        if (after is null && before is not null && LostLastCells(gap, words, before, charWidth, columns)) return GapEvidence.BrokenSentence;
        if (gap.Source != GapSource.Layout) return LosesField(gap, line, words, before, after, header) ? GapEvidence.BrokenSentence : GapEvidence.None;
        if (before is not null && after is not null && LosesDay(before, after, charWidth)) return GapEvidence.BrokenSentence;
        double width = gap.Box.Width / charWidth;
        bool lost = (before, after, around.Next) switch
        {
            (null, _, _) => false,
            (_, null, null) => EndsParagraphMidSentence(before, lexicon, options),
            (_, null, { } next) => IsCutShort(before, next, width, lexicon, options),
            _ when columns.HoldsNear(after.Box) => columns.CoversNearCell(gap.Box),
            _ => LosesMonth(before, after, words.SkipWhile(w => !ReferenceEquals(w, after)).Skip(1).FirstOrDefault(), charWidth)
                || BreaksSentence(before, after, width, stained, lexicon, options),
        };
        return lost ? GapEvidence.BrokenSentence : GapEvidence.None;
    }

    /// <summary>
    /// Whether a table's row stopping short before blank or stained paper lost its last cells: the line holds cells
    /// alone (a wide blank between each two of its words; "Tin", "Commodity    Tons"), the last ends no sentence, and
    /// rows near it that start where it does have cells in the stretch (<see cref="TabStops.EndsShorterThanNearRows"/>).
    /// A line of prose beside a table, or a heading over it that ends in a colon, is no row.
    /// </summary>
    private static bool LostLastCells(TextGap gap, List<Word> words, Word last, double charWidth, TabStops columns)
    {
        var cells = words.Where(w => !w.IsIllegible && !IsSpeck(w) && w.Box.Right <= gap.Box.Left + charWidth).ToList();
        if (cells.Count == 0 || WordParts.EndsSentence(last.Text) || last.Text.EndsWith(':')) return false;
        for (int i = 1; i < cells.Count; i++)
        {
            if (cells[i].Box.Left - cells[i - 1].Box.Right <= PageLayout.WideGapCharacters * charWidth) return false;
        }
        return columns.EndsShorterThanNearRows(gap.Box, cells[0].Box);
    }

    /// <summary>
    /// Whether a header field lost its label where its line starts late, or its value after the label, or the rest of
    /// its date after the month's name ("DATED: June ⎵").
    /// </summary>
    private static bool LosesField(TextGap gap, Line line, List<Word> words, Word? before, Word? after, HeaderFields header)
    {
        if (!header.Holds(line)) return false;
        if (before is not null && gap.Source != GapSource.LineStart
            && (after is null ? CableDates.IsMonthName(before.Text) : LosesDay(before, after, DamageMarker.CharWidth(line)))) return true;
        // A marker already standing between the word before and the stretch took the field's value.
        if (words.Any(w => w.IsIllegible && w.Box.Left < gap.Box.Left && w.Box.Right > (before?.Box.Right ?? 0))) return false;
        return gap.Source == GapSource.LineStart
            ? before is null && after is not null && header.LostStart(line, after)
            : before is not null && header.LostValue(line, before, after);
    }

    /// <summary>
    /// Whether blank or stained paper between two words of a line breaks a sentence. A long word's width or more after a
    /// lower-case word of the lexicon, read fairly surely, that does not end a sentence, is ribbon faded to nothing;
    /// elsewhere it is a tabulation or the spacing after a full stop. Stained paper holding no typing (a water stain
    /// that washed the words out) is lost text from a short word's width: the stain is the damage, where blank paper may
    /// be a gap the typist left. After a capital the sentence must visibly go on in a lower-case word of the lexicon.
    /// From a shorter width, blank paper is lost text where the words either side never follow one another in print
    /// (<see cref="Lexicon.Pairs"/>) and the sentence goes on across it.
    /// </summary>
    private static bool BreaksSentence(Word before, Word after, double width, bool stained, Lexicon lexicon, IllegibilityOptions options)
    {
        if (WordParts.EndsSentence(before.Text) || before.Text.TrimEnd('"', '\'', ')', '’', '”').EndsWith(';')) return false;
        // Beside a stain the word before may read unsurely for the tide line caught in its box ("the" at 22).
        bool beforeIsWord = (stained || ReadSurely(before, options)) && WordPlausibility.Classify(before.Text, lexicon) is WordKind.Lexicon;
        bool midSentence = beforeIsWord && char.IsLower(before.Text[0]);
        float lostFrom = stained ? options.StainedLostFromChars : options.BlankLostFromChars;
        if (midSentence && width >= lostFrom) return true;
        // A figure read surely, then a word's width of blank paper and a lower-case word of the lexicon ("4,000 ⎵
        // shipped", "13 ⎵ are"): a table's figure stands in a column (checked before), a sentence's figure is followed
        // by its words one space on.
        if (ReadSurely(before, options) && WordPlausibility.Classify(before.Text, lexicon) is WordKind.Number
            && ReadsOnAfter(after, lexicon, options) && width >= Math.Min(options.AfterFigureLostFromChars, lostFrom)) return true;
        // After a capital ("I ⎵ had", "the Chargé ⎵ expressed") the sentence goes on where a lower-case word of the
        // lexicon follows: a heading or an address ends in a capital and starts again with one.
        bool goesOn = beforeIsWord && ReadsOnAfter(after, lexicon, options);
        if (goesOn && width >= lostFrom) return true;
        // A stain inside a line of running text, after a word that does not end a sentence, is damage over words
        // whatever their case ("Figures ⎵ Ministry", "The ⎵ is"): a typist's spacing leaves blank paper, not a stain.
        if (stained && beforeIsWord && width >= lostFrom && after.Text.Any(char.IsLetterOrDigit)) return true;
        // Narrower, or after a capital ("the Embassy ⎵ proceed"): lost words where the two words either side never
        // stand together in print and the sentence goes on (a lower-case word on one side; "Square ⎵ July" is an
        // address and its date). A typist's own gap leaves words that read on ("severe conditions ⎵ which").
        bool readsOn = midSentence || (char.IsLower(after.Text[0]) && ReadSurely(before, options));
        return readsOn && width >= Math.Min(options.UnpairedLostFromChars, lostFrom) && lexicon.Pairs?.Follows(before.Text, after.Text) == false;
    }

    /// <summary>
    /// A date whose day is lost: a month's name, then the year three characters or more after it (a day, its comma and
    /// a space: "September ⎵ 1944"). A typist sets them a space apart.
    /// </summary>
    private static bool LosesDay(Word before, Word after, double charWidth) =>
        after.Box.Left - before.Box.Right >= 3 * charWidth && CableDates.IsMonthName(before.Text) && CableDates.IsYear(after.Text);

    /// <summary>
    /// Whether a line that starts late inside a paragraph (<see cref="PageLayout.StartsLateInParagraph"/>) lost its first
    /// words: the line above broke off its sentence and this one goes on with it in a lower-case word of the lexicon, so
    /// the blank before it is no new paragraph's indent; its first words faded to nothing.
    /// </summary>
    private static bool BreaksOffAbove(Word? lastAbove, Word first, Lexicon lexicon, IllegibilityOptions options) =>
        lastAbove is not null && !WordParts.EndsSentence(lastAbove.Text) && ReadsOnAfter(first, lexicon, options);

    /// <summary>
    /// A word read surely: by the engine, or alike by both recognisers (one is unsure of a word beside faded text or a
    /// stain as often as not, and two that agree are no guess).
    /// </summary>
    private static bool ReadSurely(Word word, IllegibilityOptions options) => word.Confidence >= options.NeighbourBelow || word.ReadAlike;

    /// <summary>
    /// A date whose month is lost: a day and its comma ("on ⎵ 13, which", "⎵ 13, 1944") four characters or more after a
    /// word that ends no sentence, where a month's name and its spaces stood. A figure the engine split at its
    /// thousands ("6, 832") goes on in digits.
    /// </summary>
    private static bool LosesMonth(Word before, Word after, Word? next, double charWidth) =>
        after.Box.Left - before.Box.Right >= 4 * charWidth && CableDates.IsDayWithComma(after.Text)
        && before.Text.Any(char.IsLetter) && !WordParts.EndsSentence(before.Text)
        && (next is null || !char.IsDigit(next.Text[0]) || CableDates.IsYear(next.Text));

    /// <summary>Whether the word after a stretch goes on with a sentence: a lower-case word of the lexicon, read surely.</summary>
    private static bool ReadsOnAfter(Word after, Lexicon lexicon, IllegibilityOptions options) =>
        char.IsLower(after.Text[0]) && ReadSurely(after, options)
        && WordPlausibility.Classify(after.Text, lexicon) is WordKind.Lexicon;

    /// <summary>
    /// Whether a line stopping short before blank or stained paper was cut short: typists end lines early mid-sentence
    /// (on the dev pages four times for each line faded to nothing there), and worn type reads a full stop there as a
    /// comma as often as not; but never after a word that cannot end a line ("response from ⎵"), farther short than the
    /// word its paragraph goes on with (<paramref name="next"/>) needed by eight characters and more.
    /// </summary>
    private static bool IsCutShort(Word before, Word next, double width, Lexicon lexicon, IllegibilityOptions options) =>
        // The word pairs are loaded for a page read in English alone, the language of the words that cannot end a line.
        lexicon.Pairs is not null && CannotEndALine.Contains(before.Text) && ReadSurely(before, options)
        && width >= Math.Max(options.CutShortFromChars, next.Text.Length + 8);

    /// <summary>
    /// Whether a paragraph's last line stops after a word no sentence ends with: an article, a preposition, a
    /// conjunction, an auxiliary or a possessive ("Repeated to Warsaw as ⎵", "and will ⎵"), ending in no punctuation at all.
    /// English pages only, like <see cref="IsCutShort"/>.
    /// </summary>
    private static bool EndsParagraphMidSentence(Word last, Lexicon lexicon, IllegibilityOptions options) =>
        lexicon.Pairs is not null && ReadSurely(last, options)
        && (CannotEndALine.Contains(last.Text) || CannotEndASentence.Contains(last.Text) || DamageMarker.AwaitsItsNumber(last.Text));

    /// <summary>Auxiliaries, "per" and possessives, beside <see cref="CannotEndALine"/>: words a sentence never ends on.</summary>
    private static readonly HashSet<string> CannotEndASentence = new(StringComparer.Ordinal)
    {
        "will", "would", "shall", "should", "has", "have", "had", "is", "are", "was", "were", "per", "my", "his", "their", "our", "its",
    };

    /// <summary>The stretch read again gave tokens, none of them a word or a number a typist could have written.</summary>
    private static bool ReadsAsJunk(TextGap gap, Lexicon lexicon) =>
        gap.Reread.Count > 0 && gap.Reread.All(w => WordPlausibility.Classify(w.Text, lexicon) is not (WordKind.Lexicon or WordKind.Number or WordKind.Name));

    /// <summary>A token with no letter or digit: punctuation standing alone, or a speck read as a mark.</summary>
    internal static bool IsSpeck(Word word) => !word.Text.Any(char.IsLetterOrDigit);

    /// <summary>
    /// The re-read words when every one is a confident, plausible word (faint but legible text); otherwise one marker.
    /// The marker keeps the re-reading as its guess only when every word of it is a plausible word or number: a
    /// reviewer who accepts a guess must not insert junk, and without one the review page shows the crop.
    /// </summary>
    private static IEnumerable<Word> Reading(TextGap gap, Lexicon lexicon, IllegibilityOptions options)
    {
        bool plausible = gap.Reread.Count > 0 && gap.Reread.All(w =>
            WordPlausibility.Classify(w.Text, lexicon) is WordKind.Lexicon or WordKind.Number or WordKind.Punctuation);
        if (plausible && gap.Reread.All(w => w.Confidence >= options.RereadAcceptedFrom)) return gap.Reread;
        return [Word.Illegible(gap.Box, plausible ? string.Join(' ', gap.Reread.Select(w => w.Text)) : "",
            gap.Reread.Count == 0 ? 0 : gap.Reread.Min(w => w.Confidence))];
    }

    /// <summary>The line a stretch lies in: of those sharing more than half the lower one's height, the one sharing most.</summary>
    internal static int? LineOf(IReadOnlyList<Line> lines, TextGap gap)
    {
        int? best = null;
        int bestOverlap = 0;
        for (int l = 0; l < lines.Count; l++)
        {
            int overlap = lines[l].Box.VerticalOverlap(gap.Box);
            if (overlap * 2 > Math.Min(lines[l].Box.Height, gap.Box.Height) && overlap > bestOverlap) (best, bestOverlap) = (l, overlap);
        }
        return best;
    }

    private static int Overlap(BoundingBox a, BoundingBox b) => Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left));
}
