using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility;

/// <summary>
/// The page's typical typing, from the ink of the words the engine read surely (median contrast and coverage), and
/// what counts as damaged beside it. Worn type, foxing and bleed-through leave a word's ink like its neighbours';
/// text that is truly lost has ink far fainter (faded ribbon) or far denser (a smudge or blot over the strokes).
/// An engine's low confidence alone is no evidence: clean words on a worn page score 20 as often as lost ones.
/// </summary>
public sealed class PageInk
{
    /// <summary>Words read at least this surely, of three letters or more, show the page's typing.</summary>
    internal const float SureConfidence = 85;

    /// <summary>Fewer sure words than this tell too little about the page's typing.</summary>
    internal const int MinSureWords = 5;

    private readonly IllegibilityOptions _options;

    private PageInk(float contrast, float coverage, bool spacesPunctuation, IllegibilityOptions options)
    {
        Contrast = contrast;
        Coverage = coverage;
        SpacesPunctuation = spacesPunctuation;
        _options = options;
    }

    /// <summary>The typing's median contrast against the paper (gray levels).</summary>
    public float Contrast { get; }

    /// <summary>The typing's median share of a word's box in ink.</summary>
    public float Coverage { get; }

    /// <summary>
    /// Whether the typist set punctuation apart with a space (French typing: "mot ; mot", "Quoi ?"): the page has at
    /// least <see cref="SpacedMarksForHabit"/> marks of one or two characters (. , ; : ! ? « » ") standing alone that the
    /// engine read surely. On such a page an unsure lone mark is most likely one more of them; elsewhere it is most
    /// likely a speck.
    /// </summary>
    public bool SpacesPunctuation { get; }

    private const int SpacedMarksForHabit = 3;

    /// <summary>The page's typical ink, or null when too few words were measured to tell (then no ink evidence is used).</summary>
    public static PageInk? Of(Page page, IllegibilityOptions options)
    {
        var sure = page.Words.Where(w => w.Ink is not null && ShowsTyping(w)).Select(w => w.Ink!).ToList();
        if (sure.Count < MinSureWords) return null;
        int spacedMarks = page.Words.Count(w => w.Confidence >= SureConfidence && w.Text.Length is >= 1 and <= 2
            && w.Text.All(c => ".,;:!?«»\"".Contains(c)));
        return new PageInk(Median(sure.Select(i => i.Contrast)), Median(sure.Select(i => i.Coverage)), spacedMarks >= SpacedMarksForHabit, options);
    }

    /// <summary>Whether a word shows the page's typing: read surely, not a marker, three letters or more.</summary>
    public static bool ShowsTyping(Word word) =>
        !word.IsIllegible && word.Confidence >= SureConfidence && word.Text.Count(char.IsLetter) >= 3;

    /// <summary>
    /// The typing's median contrast from the contrasts measured on the words that show it (<see cref="ShowsTyping"/>),
    /// or null when too few do.
    /// </summary>
    public static float? TypingContrast(IEnumerable<float> contrasts)
    {
        var list = contrasts.ToList();
        return list.Count < MinSureWords ? null : Median(list);
    }

    /// <summary>Ink far fainter or far denser than the page's typing: the physical sign that what was typed there is lost.</summary>
    public bool IsDamaged(InkMeasure? ink) => IsFaded(ink) || IsSmudged(ink);

    /// <summary>
    /// Ink far denser than the page's typing (a smudge, a blot or a stain over the strokes), or denser and paler at
    /// once: ink smeared over the paper, or washed by water, spreads thin. Typing struck hard or a heavy typeface is
    /// denser and as dark as the rest.
    /// </summary>
    public bool IsSmudged(InkMeasure? ink) =>
        ink is not null && (ink.Coverage > _options.SmudgedAbove * Coverage
            || (ink.Coverage > _options.SmearedAbove * Coverage && ink.Contrast < _options.SmearedBelow * Contrast));

    /// <summary>
    /// Ink far fainter than the page's typing. The only test that tells a lone mark from a speck: a full stop's or a
    /// comma's box is nearly all ink, so its coverage says nothing about smudging.
    /// </summary>
    public bool IsFaded(InkMeasure? ink) => ink is not null && ink.Contrast < _options.FadedBelow * Contrast;

    /// <summary>
    /// Whether a stretch where words are missing holds ink like lost typing: faint strokes or a smudge. Blank paper
    /// (a tabulation, the wide spacing after a sentence) and sparse marks (a stroke of a neighbouring letter, foxing)
    /// are not lost words, and neither is ink as dark as the page's typing: that is legible typing the engine did not
    /// read, which a marker would call illegible.
    /// </summary>
    public bool HoldsLostTyping(InkMeasure? ink) =>
        ink is not null && ink.Contrast >= _options.BlankBelow * Contrast && ink.Coverage >= _options.SparseBelow * Coverage
        && (ink.Contrast < _options.FaintBelow * Contrast || ink.Coverage > _options.SmudgedAbove * Coverage);

    /// <summary>Ink covering more of its box than the page's typing does of a word's.</summary>
    public bool IsDenser(InkMeasure ink) => ink.Coverage > Coverage;

    /// <summary>Paper with no ink to speak of: contrast below <see cref="IllegibilityOptions.BlankBelow"/> of the page's typing.</summary>
    public bool IsBlank(InkMeasure ink) => ink.Contrast < _options.BlankBelow * Contrast;

    /// <summary>
    /// Paper darkened but holding no typing: contrast from <see cref="IllegibilityOptions.StainedFrom"/> of the typing's,
    /// yet almost none of it as dark as ink (<see cref="IllegibilityOptions.StainedBelow"/> of the typing's coverage): a
    /// stain over washed-out words. A stain's browning can be fainter than what else counts as blank paper.
    /// </summary>
    public bool IsStained(InkMeasure ink) => ink.Contrast >= _options.StainedFrom * Contrast && ink.Coverage < _options.StainedBelow * Coverage;

    private static float Median(IEnumerable<float> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
