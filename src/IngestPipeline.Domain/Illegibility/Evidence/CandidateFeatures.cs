using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility.Evidence;

/// <summary>
/// The measures that decide whether a candidate is unreadable, as numbers for a model: the ones the hand rules
/// used (confidence, kind of token, ink against the page's typing, second readings, dark regions, the sentence
/// around a stretch) and a few they could not weigh together. A measure that cannot be taken is -1.
/// The names are written into a model's file, so a model trained on other measures is refused at load.
/// </summary>
public static class CandidateFeatures
{
    public static readonly IReadOnlyList<string> WordNames =
    [
        "confidence", "lexicon", "number", "name", "garbage", "unknown", "punctuation", "letters", "symbol_share",
        "contrast_ratio", "coverage_ratio", "page_contrast",
        "two_engines", "second_empty", "second_confidence", "read_alike", "second_line_read",
        "reread_confidence", "reread_agrees", "reread_plausible",
        "dark_share", "height_ratio", "width_ratio",
        "left_confidence", "right_confidence", "left_doubtful", "right_doubtful",
        "neighbour_contrast_ratio", "neighbour_coverage_ratio", "stray_mark", "in_header",
    ];

    public static readonly IReadOnlyList<string> StretchNames =
    [
        "between_words", "line_end", "header", "line_start", "short_line", "lost_line", "under_dark_region", "torn_line_end",
        "width_chars", "height_ratio", "contrast_ratio", "coverage_ratio", "page_contrast",
        "reread_words", "reread_confidence", "reread_plausible", "dark_share",
        "before_confidence", "before_mid_sentence", "after_confidence", "after_capital",
        "in_header", "before_ends_sentence", "line_fill", "after_at_tab_stop", "room_for_next_word", "words_pair_in_print",
    ];

    private const float None = -1;

    /// <summary>The measures of word <paramref name="i"/> of <paramref name="words"/> (the line's words as read).</summary>
    internal static float[] OfWord(IReadOnlyList<Word> words, int i, LineContext line, Lexicon lexicon, PageInk? ink, bool strayMark)
    {
        var w = words[i];
        var kind = WordPlausibility.Classify(w.Text, lexicon);
        var core = WordPlausibility.Core(w.Text);
        var left = i > 0 ? words[i - 1] : null;
        var right = i + 1 < words.Count ? words[i + 1] : null;
        var neighbours = new[] { left, right }.Where(n => n is { IsIllegible: false, Ink: not null }).Select(n => n!.Ink!).ToList();
        return
        [
            w.Confidence,
            Flag(kind == WordKind.Lexicon), Flag(kind == WordKind.Number), Flag(kind is WordKind.Name or WordKind.NearWord),
            Flag(kind == WordKind.Garbage), Flag(kind == WordKind.Unknown), Flag(kind == WordKind.Punctuation),
            core.Count(char.IsLetterOrDigit),
            w.Text.Length == 0 ? 0 : w.Text.Count(c => !char.IsLetterOrDigit(c)) / (float)w.Text.Length,
            ContrastRatio(w.Ink, ink), CoverageRatio(w.Ink, ink), ink?.Contrast ?? None,
            Flag(w.Readings is [_, _]), Flag(w.Readings is [_, { Text.Length: 0 }]), w.Readings is [_, var second] ? second.Confidence : None,
            Flag(w.ReadAlike), Flag(line.SecondReadLine),
            w.Reread?.Confidence ?? None, Flag(MarkerGuess.ReadingsAgree(w)),
            Flag(w.Reread is { } r && r.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } tokens
                && tokens.All(t => WordPlausibility.Classify(t, lexicon) is WordKind.Lexicon or WordKind.Number)),
            line.DarkShare(w.Box),
            line.LetterHeight > 0 ? w.Box.Height / (float)line.LetterHeight : None,
            w.Text.Length > 0 && line.CharWidth > 0 ? (float)(w.Box.Width / (w.Text.Length * line.CharWidth)) : None,
            left?.Confidence ?? None, right?.Confidence ?? None, Flag(IsDoubtful(left, lexicon)), Flag(IsDoubtful(right, lexicon)),
            neighbours.Count == 0 ? None : neighbours.Min(n => ContrastRatio(n, ink)),
            neighbours.Count == 0 ? None : neighbours.Max(n => CoverageRatio(n, ink)),
            Flag(strayMark), Flag(line.InHeader),
        ];
    }

    /// <summary>The measures of a stretch of <paramref name="words"/>' line, before word <paramref name="before"/>.</summary>
    internal static float[] OfStretch(BoundingBox box, StretchSource source, InkMeasure? stretchInk, IReadOnlyList<Word> reread,
        IReadOnlyList<Word> words, int before, LineContext line, Lexicon lexicon, PageInk? ink)
    {
        var previous = words.Take(before).LastOrDefault(w => !w.IsIllegible);
        var next = words.Skip(before).FirstOrDefault(w => !w.IsIllegible);
        return
        [
            Flag(source == StretchSource.BetweenWords), Flag(source == StretchSource.LineEnd), Flag(source == StretchSource.Header),
            Flag(source == StretchSource.LineStart), Flag(source == StretchSource.ShortLine), Flag(source == StretchSource.LostLine),
            Flag(source == StretchSource.UnderDarkRegion), Flag(source == StretchSource.TornLineEnd),
            line.CharWidth > 0 ? (float)(box.Width / line.CharWidth) : None,
            line.LetterHeight > 0 ? box.Height / (float)line.LetterHeight : None,
            ContrastRatio(stretchInk, ink), CoverageRatio(stretchInk, ink), ink?.Contrast ?? None,
            reread.Count, reread.Count == 0 ? None : reread.Min(w => w.Confidence),
            Flag(reread.Count > 0 && reread.All(w => WordPlausibility.Classify(w.Text, lexicon) is WordKind.Lexicon or WordKind.Number or WordKind.Punctuation)),
            line.DarkShare(box),
            previous?.Confidence ?? None, Flag(MidSentence(previous, lexicon)),
            next?.Confidence ?? None, Flag(next is not null && next.Text.Length > 0 && char.IsUpper(next.Text[0])),
            Flag(line.InHeader), Flag(previous is not null && previous.Text.TrimEnd('"', '\'', ')', '’', '”') is { Length: > 0 } end && ".;:!?".Contains(end[^1])),
            line.Fill,
            Flag(next is not null && line.Columns?.Holds(next.Box) == true), line.RoomForNextWord,
            PairInPrint(words, before, lexicon),
        ];
    }

    /// <summary>
    /// Whether the words either side of a stretch inside a line stand together in print (<see cref="WordPairs"/>): 1 where
    /// they do (the sentence reads on across a typist's gap), 0 where they never do (words lost between them), -1 where the
    /// list cannot tell (a rare word, a number, a page not read in English alone, a stretch at a line's end). Specks read
    /// as marks are passed over.
    /// </summary>
    private static float PairInPrint(IReadOnlyList<Word> words, int before, Lexicon lexicon)
    {
        var previous = words.Take(before).LastOrDefault(w => !w.IsIllegible && !GapMarker.IsSpeck(w));
        var next = words.Skip(before).FirstOrDefault(w => !w.IsIllegible && !GapMarker.IsSpeck(w));
        return previous is null || next is null || lexicon.Pairs?.Follows(previous.Text, next.Text) is not { } follows ? None : Flag(follows);
    }

    /// <summary>
    /// A lower-case word of the lexicon that does not end a sentence: the sentence goes on past it. A stretch after such
    /// a word inside a line held words; after a full stop it is the typist's spacing.
    /// </summary>
    private static bool MidSentence(Word? word, Lexicon lexicon) =>
        word is not null && word.Text.Length > 0 && char.IsLower(word.Text[0])
        && !".;:!?".Contains(word.Text.TrimEnd('"', '\'', ')', '’', '”') is { Length: > 0 } t ? t[^1] : '.')
        && WordPlausibility.Classify(word.Text, lexicon) is WordKind.Lexicon;

    private static bool IsDoubtful(Word? word, Lexicon lexicon) =>
        word is not null && (word.IsIllegible || WordPlausibility.Classify(word.Text, lexicon) is WordKind.Garbage or WordKind.Unknown);

    private static float ContrastRatio(InkMeasure? measured, PageInk? page) =>
        measured is null || page is null || page.Contrast <= 0 ? None : measured.Contrast / page.Contrast;

    private static float CoverageRatio(InkMeasure? measured, PageInk? page) =>
        measured is null || page is null || page.Coverage <= 0 ? None : measured.Coverage / page.Coverage;

    private static float Flag(bool value) => value ? 1 : 0;
}
