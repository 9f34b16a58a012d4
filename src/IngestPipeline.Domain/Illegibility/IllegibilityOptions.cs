namespace IngestPipeline.Domain.Illegibility;

/// <summary>
/// Thresholds on Tesseract's word confidence (0-100) by the kind of token read. Defaults were calibrated
/// on the dev corpus as a whole (docs/illegibility.md); a collection with other typefaces or damage may
/// move them, and a collection's own names belong in its lexicon rather than in lower thresholds.
/// </summary>
public sealed record IllegibilityOptions
{
    /// <summary>A token shaped like garbage (<c>ee@e</c>, <c>HePe</c>) below this confidence is unreadable.</summary>
    public float GarbageBelow { get; init; } = 70;

    /// <summary>A token that is neither word, number nor name-shaped below this confidence is unreadable.</summary>
    public float UnknownBelow { get; init; } = 60;

    /// <summary>A name-shaped token missing from the lexicon (Szepingkai) below this is unreadable.</summary>
    public float NameBelow { get; init; } = 25;

    /// <summary>
    /// A lexicon word or number is taken as unreadable only next to an unreadable token and below this:
    /// smears often come out as a short real word (<c>es</c>, <c>Gee</c>) beside the garbage.
    /// </summary>
    public float NeighbourBelow { get; init; } = 50;

    /// <summary>A token of punctuation only below this confidence is a speck read as a mark, and dropped.</summary>
    public float StrayMarkBelow { get; init; } = 50;

    /// <summary>
    /// Words that a second, contrast-normalised reading of a gap in a line found are taken as legible text only
    /// from this confidence, and only when every one of them is a lexicon word or a number; otherwise the gap
    /// becomes one [ILLEGIBLE] marker.
    /// </summary>
    public float RereadAcceptedFrom { get; init; } = 80;

    /// <summary>
    /// A word's ink counts as faded below this share of the page's typical contrast (see <see cref="PageInk"/>).
    /// Unreadable-looking tokens are marked only with such evidence (or over a dark region).
    /// </summary>
    public float FadedBelow { get; init; } = 0.5f;

    /// <summary>A word's ink counts as smudged or blotted above this multiple of the page's typical coverage.</summary>
    public float SmudgedAbove { get; init; } = 1.6f;

    /// <summary>
    /// A word's ink counts as smeared (see <see cref="PageInk.IsSmudged"/>) above this multiple of the page's typical
    /// coverage when its contrast is also below <see cref="SmearedBelow"/> of the typing's. On the generated validation
    /// pages, of the low-confidence words so inked, every one lies under an unreadable span.
    /// </summary>
    public float SmearedAbove { get; init; } = 1.3f;

    /// <summary>The contrast, as a share of the page's typical contrast, below which dense ink counts as smeared.</summary>
    public float SmearedBelow { get; init; } = 0.8f;

    /// <summary>
    /// A stretch with words missing holds faint (lost) typing only below this share of the page's typical contrast:
    /// on the dev corpus the stretches of faded text measure 0.49-0.57; on the real sets, those where the engine skipped
    /// legible worn type measure 0.59-1.1, nearly all of them over 0.65.
    /// </summary>
    public float FaintBelow { get; init; } = 0.62f;

    /// <summary>A stretch with words missing whose contrast is below this share of the page's typing is blank paper.</summary>
    public float BlankBelow { get; init; } = 0.2f;

    /// <summary>A stretch whose ink covers less than this share of what typing covers holds stray marks, not lost words.</summary>
    public float SparseBelow { get; init; } = 0.5f;

    /// <summary>
    /// A blank stretch mid-sentence is text faded to nothing from this many character widths (a word of seven letters and
    /// its spaces): the widest blank a typist left mid-sentence on the real scans measures 7.2.
    /// </summary>
    public float BlankLostFromChars { get; init; } = 9;

    /// <summary>
    /// A stretch whose ink covers less than this share of what typing covers, yet darker than
    /// <see cref="StainedFrom"/>, is stained paper holding no typing: a water stain's tide line and browning, the ink under it washed out.
    /// </summary>
    public float StainedBelow { get; init; } = 0.1f;

    /// <summary>
    /// Stained paper is darker than this share of the page's typing's contrast, which is below <see cref="BlankBelow"/>: a water
    /// stain's browning and tide line measure 0.16-0.42 of it on generated pages (median 0.27), blank paper 0.02-0.08
    /// there and mostly under 0.1 on the real sets; the ink under the stain must be as sparse as for any stain.
    /// </summary>
    public float StainedFrom { get; init; } = 0.14f;

    /// <summary>
    /// A stained stretch mid-sentence is text the stain washed out from this many character widths (a word of two letters
    /// leaves three and a third, the tide line caught in its neighbours' boxes taking its spaces): the stain is the
    /// damage, where blank paper may be the typist's own gap.
    /// </summary>
    public float StainedLostFromChars { get; init; } = 3;

    /// <summary>
    /// A blank stretch inside a sentence whose neighbours never follow one another in print (<see cref="Cleanup.WordPairs"/>)
    /// is lost text from this many character widths: a word of two letters and its spaces, wider than the two spaces
    /// after a full stop.
    /// </summary>
    public float UnpairedLostFromChars { get; init; } = 4;

    /// <summary>
    /// Blank paper from this many character widths after a figure read surely, before a lower-case word of the lexicon,
    /// held words ("13 ⎵ are"): in a sentence a figure's words follow it one space on, and a table's figures stand in
    /// columns. On the real scans it sets no marker.
    /// </summary>
    public float AfterFigureLostFromChars { get; init; } = 6;

    /// <summary>
    /// A line of running prose cut short after a word that cannot end it ("response from") lost its end from this many
    /// character widths of blank paper: farther than a typist stops short of the margin for a long next word.
    /// </summary>
    public float CutShortFromChars { get; init; } = 15;

    /// <summary>
    /// A line set in this many character widths or more inside its paragraph, yet running to the margin, lost its first
    /// words whatever ends the line above: twice and more a typist's paragraph indent (five to eight characters).
    /// </summary>
    public float SetInLostFromChars { get; init; } = 15;

    public static IllegibilityOptions Default { get; } = new();
}
