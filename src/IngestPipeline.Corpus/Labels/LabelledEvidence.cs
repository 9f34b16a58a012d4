using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Illegibility.Evidence;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Corpus.Labels;

/// <summary>A candidate of a page, and what the ground truth says of it.</summary>
public sealed record LabelledCandidate(string Page, UnreadableCandidate Candidate, TruthLabel Label);

/// <summary>The labelled candidates of a set of pages, and how many of the truth's spans the candidates reach.</summary>
public sealed record EvidenceSet(IReadOnlyList<LabelledCandidate> Candidates, int Pages, int Spans, IReadOnlyList<(string Page, BoundingBox Span)> Unreached,
    IReadOnlyList<string> Unplaced)
{
    public int SpansReached => Spans - Unreached.Count;
}

/// <summary>
/// The evidence to learn the [ILLEGIBLE] decision from: each page's raw transcript (the OCR's output, read once
/// and kept: re-measuring it takes seconds, recognising it again minutes) prepared as the cleanup prepares it, its
/// candidates measured, and each labelled from the page's ground truth. Pages whose truth carries no word boxes
/// (transcribed real scans, where nothing is unreadable) are taken as all legible when <c>allLegible</c> is set.
/// </summary>
public static class LabelledEvidence
{
    public static EvidenceSet Collect(string truthDir, string rawDir, Lexicon lexicon, CleanupOptions options, bool allLegible = false)
    {
        var candidates = new List<LabelledCandidate>();
        var unplaced = new List<string>();
        int pages = 0, spans = 0;
        var unreached = new List<(string, BoundingBox)>();
        foreach (var rawPath in Directory.EnumerateFiles(rawDir, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(rawPath);
            var truthPath = Path.Combine(truthDir, name + ".gt.json");
            bool hasBoxes = File.Exists(truthPath);
            if (!hasBoxes && !(allLegible && File.Exists(Path.Combine(truthDir, name + ".gt.txt")))) continue;
            Transcript transcript;
            try
            {
                transcript = JsonExporter.Read(File.ReadAllText(rawPath));
            }
            catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
            {
                throw new InvalidDataException($"{rawPath}: not a transcript ({e.Message})", e);
            }
            foreach (var raw in transcript.Pages)
            {
                var page = TranscriptCleaner.Prepare(raw, lexicon, options);
                var found = CandidateFinder.Find(page, lexicon, options.Illegibility, PageInk.Of(page, options.Illegibility));
                pages++;
                if (!hasBoxes)
                {
                    candidates.AddRange(found.Select(c => new LabelledCandidate(name, c, TruthLabel.Legible)));
                    continue;
                }
                var labeller = SpanLabeller.For(PageTruth.Read(truthPath), page);
                if (labeller is null)
                {
                    unplaced.Add(name);
                    continue;
                }
                var labelled = found.Select(c => new LabelledCandidate(name, c, labeller.Of(c.Box))).ToList();
                candidates.AddRange(labelled);
                spans += labeller.Spans.Count;
                unreached.AddRange(labeller.Spans.Where(s => !labelled.Any(c => c.Label == TruthLabel.Unreadable && c.Candidate.Box.OverlapArea(s) > 0)).Select(s => (name, s)));
            }
        }
        return new EvidenceSet(candidates, pages, spans, unreached, unplaced);
    }
}
