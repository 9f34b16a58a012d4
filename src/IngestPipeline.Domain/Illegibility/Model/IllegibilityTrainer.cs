using IngestPipeline.Domain.Illegibility.Evidence;

namespace IngestPipeline.Domain.Illegibility.Model;

/// <summary>A labelled candidate: its page (cases of one page are never split between training and held-out folds) and whether it is unreadable.</summary>
/// <param name="Calibrates">
/// Whether the case's held-out score fits the calibration. Pages of only legible text (transcribed scans) teach the
/// trees and set the threshold, but a map fitted with them says how often text is lost on a mix of such pages and
/// damaged ones, not on pages like the damaged ones.
/// </param>
public sealed record TrainingCase(string Page, UnreadableCandidate Candidate, bool Unreadable, bool Calibrates = true);

/// <summary>
/// Trains an <see cref="IllegibilityModel"/> from labelled candidates, whatever their source (generated pages, a
/// collection's reviewed pages). The trees' scores are calibrated on cases they were not trained on: the pages are
/// split in two halves of as many pages (by a seeded hash of their names), trees grown on each half score the other, Platt's map is fitted to those
/// held-out scores, and the trees kept are grown on all pages. The threshold is the lowest at which the held-out
/// probabilities reach the target precision.
/// </summary>
public static class IllegibilityTrainer
{
    /// <summary>The model, and the calibrated probability of each case from trees that were not trained on its page.</summary>
    public sealed record Result(IllegibilityModel Model, IReadOnlyList<(double Probability, bool Unreadable)> HeldOut);

    /// <summary>The stretches the hand rules were given: the layout's gaps and line ends, and what dark regions cover.</summary>
    public static readonly IReadOnlySet<StretchSource> RuleStretches =
        new HashSet<StretchSource> { StretchSource.BetweenWords, StretchSource.LineEnd, StretchSource.UnderDarkRegion, StretchSource.TornLineEnd };

    /// <param name="sources">The kinds of stretch the model is to decide; the others are left out of training and left alone by the model.</param>
    public static Result Train(IReadOnlyList<TrainingCase> cases, IReadOnlyList<string> sets, int seed, TreeSettings settings, double targetPrecision,
        IReadOnlySet<StretchSource> sources)
    {
        cases = cases.Where(c => c.Candidate.Kind == CandidateKind.Word || sources.Contains(c.Candidate.Source)).ToList();
        var held = new List<(double Probability, bool Unreadable)>();
        var words = TrainKind(cases.Where(c => c.Candidate.Kind == CandidateKind.Word).ToList(), seed, settings, held);
        var stretches = TrainKind(cases.Where(c => c.Candidate.Kind == CandidateKind.Stretch).ToList(), seed, settings, held);
        var training = new ModelTraining(sets, cases.Select(c => c.Page).Distinct().Count(),
            cases.Count(c => c.Candidate.Kind == CandidateKind.Word), cases.Count(c => c.Candidate.Kind == CandidateKind.Stretch),
            seed, Math.Round(ThresholdFor(held, targetPrecision), 3),
            $"trees {settings.Trees}, depth {settings.Depth}, rate {settings.LearningRate}, leaf {settings.MinLeafCases}, lambda {settings.Lambda}, bins {settings.Bins}");
        return new Result(IllegibilityModel.Create(words, stretches, sources, training), held);
    }

    private static BoostedTrees TrainKind(List<TrainingCase> cases, int seed, TreeSettings settings, List<(double, bool)> held)
    {
        if (cases.Count == 0) throw new ArgumentException("no cases of a kind to train on: the pages hold no words or no stretches");
        var labels = cases.Select(c => c.Unreadable).ToList();
        var all = TreeTrainer.Train(cases.Select(c => c.Candidate.Features).ToList(), labels, settings);
        var fold = Folds(cases, seed);
        var margins = new double[cases.Count];
        for (int f = 0; f < 2; f++)
        {
            var train = Enumerable.Range(0, cases.Count).Where(i => fold[i] != f).ToList();
            // A set of one page has no other half: its cases are scored by the trees grown on all (calibrated in-sample).
            var trees = train.Count == 0 ? all
                : TreeTrainer.Train(train.Select(i => cases[i].Candidate.Features).ToList(), train.Select(i => labels[i]).ToList(), settings);
            for (int i = 0; i < cases.Count; i++)
                if (fold[i] == f) margins[i] = trees.Margin(cases[i].Candidate.Features);
        }
        var calibrating = Enumerable.Range(0, cases.Count).Where(i => cases[i].Calibrates).ToList();
        var calibration = calibrating.Count == 0 ? PlattScaling.Fit(margins, labels)
            : PlattScaling.Fit(calibrating.Select(i => margins[i]).ToList(), calibrating.Select(i => labels[i]).ToList());
        held.AddRange(margins.Select((m, i) => (calibration.Probability(m), labels[i])));
        return all with { Calibration = calibration };
    }

    /// <summary>The lowest probability from which the held-out cases are unreadable at the target precision (0.5 when none reaches it).</summary>
    public static double ThresholdFor(IReadOnlyList<(double Probability, bool Unreadable)> cases, double targetPrecision)
    {
        var sorted = cases.OrderByDescending(c => c.Probability).ToList();
        int kept = 0, right = 0;
        double threshold = 0.5;
        bool reached = false;
        foreach (var (p, unreadable) in sorted)
        {
            kept++;
            if (unreadable) right++;
            if (right / (double)kept >= targetPrecision && unreadable)
            {
                threshold = p;
                reached = true;
            }
        }
        return reached ? threshold : 0.5;
    }

    /// <summary>
    /// Each case's half (0 or 1): the pages ordered by a hash of their names mixed with the seed, then dealt
    /// alternately, so the halves hold as many pages each and a page's cases stay together.
    /// </summary>
    private static int[] Folds(List<TrainingCase> cases, int seed)
    {
        var half = cases.Select(c => c.Page).Distinct().OrderBy(p => Hash(p, seed)).ThenBy(p => p, StringComparer.Ordinal)
            .Select((page, i) => (page, i % 2)).ToDictionary(p => p.page, p => p.Item2, StringComparer.Ordinal);
        return cases.Select(c => half[c.Page]).ToArray();
    }

    /// <summary>FNV-1a of the name, mixed with the seed.</summary>
    private static uint Hash(string page, int seed)
    {
        uint hash = 2166136261 ^ (uint)seed;
        foreach (char c in page)
        {
            hash ^= c;
            hash *= 16777619;
        }
        return hash;
    }
}
