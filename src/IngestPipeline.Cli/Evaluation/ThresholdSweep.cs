using IngestPipeline.Domain.Illegibility.Evidence;
using IngestPipeline.Corpus.Labels;
using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Evaluation;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Illegibility.Model;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Cli.Evaluation;

/// <summary>The set's scores with the learned decision at one threshold.</summary>
public sealed record ThresholdScore(double Threshold, SetScore Score);

/// <summary>A bin of the reliability diagram: its cases' mean probability and the share of them that are unreadable.</summary>
public sealed record ReliabilityBin(double Low, double High, int Cases, double MeanProbability, double ObservedShare);

/// <summary>
/// The learned decision judged at several thresholds on the same OCR: each page's raw transcript cleaned again at
/// each threshold and scored as <c>eval</c> scores (span precision and recall, false markers, CER); and, on pages
/// whose truth has word boxes, the calibration: candidates binned by probability against the share that is unreadable.
/// </summary>
public static class ThresholdSweep
{
    public static readonly IReadOnlyList<double> Thresholds = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

    public static IReadOnlyList<ThresholdScore> Scores(IReadOnlyList<(string Name, string Truth, Transcript Raw)> pages, Lexicon lexicon,
        CleanupOptions options, IllegibilityModel model, bool joinHyphens)
    {
        var thresholds = Thresholds.Append(model.Training.Threshold).Distinct().Order().ToList();
        return thresholds.Select(t =>
        {
            var cleaning = options with { Model = model, IllegibleThreshold = t };
            var scores = pages.Select(p => TranscriptScorer.ScorePage(p.Name, p.Truth,
                PlainTextExporter.Write(TranscriptCleaner.Clean(p.Raw, lexicon, cleaning), TextLayout.Paragraphs), joinHyphens));
            return new ThresholdScore(t, TranscriptScorer.ScoreSet(scores));
        }).ToList();
    }

    /// <summary>Tenths of probability; each candidate labelled unreadable or legible by the truth counts once.</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(EvidenceSet evidence, IllegibilityModel model)
    {
        var cases = evidence.Candidates.Where(c => c.Label != TruthLabel.Unsure && model.Decides(c.Candidate))
            .Select(c => (Probability: model.Probability(c.Candidate), Unreadable: c.Label == TruthLabel.Unreadable)).ToList();
        return cases.GroupBy(c => Math.Min(9, (int)(c.Probability * 10))).OrderBy(g => g.Key)
            .Select(g => new ReliabilityBin(g.Key / 10.0, (g.Key + 1) / 10.0, g.Count(), g.Average(c => c.Probability), g.Count(c => c.Unreadable) / (double)g.Count()))
            .ToList();
    }
}
