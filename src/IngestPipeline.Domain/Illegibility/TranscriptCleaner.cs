using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Illegibility.Model;
using IngestPipeline.Domain.Metadata;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility;

/// <summary>Which cleanup steps run; all of them by default.</summary>
public sealed record CleanupOptions
{
    public bool SeparateNonText { get; init; } = true;
    public bool NormalizeCharacters { get; init; } = true;
    public bool FixConfusions { get; init; } = true;
    public bool MarkIllegible { get; init; } = true;
    public bool Dehyphenate { get; init; } = true;
    public TypewriterCharacterOptions Characters { get; init; } = TypewriterCharacterOptions.Default;
    public OcrConfusionOptions Confusions { get; init; } = OcrConfusionOptions.Default;
    public IllegibilityOptions Illegibility { get; init; } = IllegibilityOptions.Default;

    /// <summary>The learned [ILLEGIBLE] decision; null: the hand rules decide.</summary>
    public IllegibilityModel? Model { get; init; }

    /// <summary>The probability from which the model's candidates are marked; null: the threshold the model's training chose.</summary>
    public double? IllegibleThreshold { get; init; }

    public static CleanupOptions Default { get; } = new();
}

/// <summary>
/// Turns raw OCR into the transcript staff publish: marks that are not typing set apart, typewriter characters, markers written one way,
/// OCR confusions repaired where the lexicon makes it safe, what cannot be read replaced by
/// [ILLEGIBLE], and words broken across line ends joined. Words keep their boxes throughout, so every
/// part of the output still points at the part of the scan it came from.
/// </summary>
public static class TranscriptCleaner
{
    public static Transcript Clean(Transcript transcript, Lexicon lexicon, CleanupOptions options)
    {
        var cleaned = transcript with
        {
            Pages = transcript.Pages.Select(p => CleanPage(p, lexicon, options)).ToList(),
            IllegibilityModel = options.MarkIllegible ? options.Model?.Version : null,
        };
        // Metadata is read from the cleaned text: repaired words, no garbage in the header.
        return cleaned with { Metadata = CableMetadataExtractor.Extract(PlainTextExporter.Write(cleaned)) };
    }

    private static Page CleanPage(Page page, Lexicon lexicon, CleanupOptions options)
    {
        page = Prepare(page, lexicon, options);
        if (options.MarkIllegible)
        {
            var ink = PageInk.Of(page, options.Illegibility);
            if (options.Model is { } model)
            {
                page = DamageMarker.Mark(page, ink);
                page = GapMarker.Mark(page, lexicon, options.Illegibility, ink, model.GapSources);
                page = LearnedMarker.Mark(page, lexicon, options.Illegibility, ink, model, options.IllegibleThreshold ?? model.Training.Threshold);
            }
            else
            {
                page = DamageMarker.Mark(page, ink);
                page = GapMarker.Mark(page, lexicon, options.Illegibility, ink);
                page = MapLines(page, lines => lines.Select(l => IllegibilityDetector.Mark(l, lexicon, options.Illegibility, ink)).ToList());
            }
        }
        if (options.Dehyphenate) page = MapLines(page, lines => DehyphenationRule.Join(lines, lexicon));
        return page;
    }

    /// <summary>
    /// The steps before what cannot be read is decided: marks that are not typing set apart, typewriter characters and
    /// markers written one way, OCR confusions repaired. The illegibility evidence of a page is measured on this.
    /// </summary>
    public static Page Prepare(Page page, Lexicon lexicon, CleanupOptions options)
    {
        // Handwriting, stamps and specks first: the rules below would read them as damaged typing.
        if (options.SeparateNonText) page = NonTextSeparator.Separate(page, lexicon);
        // Confusions first: "JapaneSe" is a word with a slip, not garbage, once it reads "Japanese".
        return MapLines(page, lines =>
        {
            IEnumerable<Line> result = lines.Select(l => BulletRule.Normalize(IllegibleMarkerRule.Canonicalize(
                options.NormalizeCharacters ? TypewriterCharacterRule.Normalize(l, options.Characters) : l), lexicon));
            if (!options.FixConfusions) return result.ToList();
            // A word a weak key broke in two is one word before its letters are judged.
            return OcrConfusionRule.Correct(result.Select(l => WeakKeyJoinRule.Join(l, lexicon, options.Confusions)).ToList(), lexicon, options.Confusions);
        });
    }

    private static Page MapLines(Page page, Func<IReadOnlyList<Line>, IReadOnlyList<Line>> map) =>
        page with { Blocks = page.Blocks.Select(b => b with { Lines = map(b.Lines) }).ToList() };
}
