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
    public sealed record Result(IllegibilityModel Model, IReadOnlyList<(double Probability, bool Unreadable)> HeldOut)
    {
        /// <summary>
        /// The two models grown on one half of the pages each (calibrated and thresholded as <see cref="Model"/>), with
        /// the pages each was not trained on: what the training would have made of pages it had not seen.
        /// </summary>
        public IReadOnlyList<(IllegibilityModel Model, IReadOnlySet<string> UnseenPages)> Halves { get; init; } = [];
    }

    /// <summary>The stretches the hand rules were given: the layout's gaps and line ends, and what dark regions cover.</summary>
    public static readonly IReadOnlySet<StretchSource> RuleStretches =
        new HashSet<StretchSource> { StretchSource.BetweenWords, StretchSource.LineEnd, StretchSource.UnderDarkRegion, StretchSource.TornLineEnd };

    /// <param name="sources">The kinds of stretch the model is to decide; the others are left out of training and left alone by the model.</param>
    public static Result Train(IReadOnlyList<TrainingCase> cases, IReadOnlyList<string> sets, int seed, TreeSettings settings, double targetPrecision,
        IReadOnlySet<StretchSource> sources) =>
        Grow(cases, sets, seed, settings, targetPrecision, sources, start: null);

    /// <summary>
    /// Goes on from <paramref name="start"/> with more cases (a collection's reviewed pages): its trees stay, trees
    /// grown on the new cases are added (<see cref="TreeTrainer.Train"/>), and the whole is calibrated and thresholded
    /// on the new cases, held out by page as in <see cref="Train"/>. A kind of case the new pages lack keeps the start's trees.
    /// </summary>
    public static Result Continue(IllegibilityModel start, IReadOnlyList<TrainingCase> cases, IReadOnlyList<string> sets, int seed, TreeSettings settings,
        double targetPrecision) =>
        Grow(cases, sets, seed, settings, targetPrecision, start.StretchSources, start);

    private static Result Grow(IReadOnlyList<TrainingCase> cases, IReadOnlyList<string> sets, int seed, TreeSettings settings, double targetPrecision,
        IReadOnlySet<StretchSource> sources, IllegibilityModel? start)
    {
        cases = cases.Where(c => c.Candidate.Kind == CandidateKind.Word || sources.Contains(c.Candidate.Source)).ToList();
        // Going on from a model, both kinds share one split, so that each half model has not seen its pages at all.
        var halves = start is null ? null : Halves(cases.Select(c => c.Page), seed);
        var held = new List<(double Probability, bool Unreadable)>();
        var words = GrowKind(cases.Where(c => c.Candidate.Kind == CandidateKind.Word).ToList(), seed, settings, held, start?.Words, halves);
        // A model deciding words alone (the rules weigh every stretch) has no trees for stretches: it never scores one.
        var stretches = sources.Count == 0 ? GrownKind.Unused
            : GrowKind(cases.Where(c => c.Candidate.Kind == CandidateKind.Stretch).ToList(), seed, settings, held, start?.Stretches, halves);
        var training = new ModelTraining(sets, cases.Select(c => c.Page).Distinct().Count(),
            cases.Count(c => c.Candidate.Kind == CandidateKind.Word), cases.Count(c => c.Candidate.Kind == CandidateKind.Stretch),
            seed, Math.Round(ThresholdFor(held, targetPrecision), 3),
            (start is null ? "" : $"from {start.Version}: ")
            + $"trees {settings.Trees}, depth {settings.Depth}, rate {settings.LearningRate}, leaf {settings.MinLeafCases}, lambda {settings.Lambda}, bins {settings.Bins}");
        return new Result(IllegibilityModel.Create(words.All, stretches.All, sources, training), held)
        {
            Halves = halves is null ? [] : [.. Enumerable.Range(0, 2).Select(f => (IllegibilityModel.Create(words.Half[f], stretches.Half[f], sources, training),
                (IReadOnlySet<string>)halves.Where(h => h.Value == f).Select(h => h.Key).ToHashSet(StringComparer.Ordinal)))],
        };
    }

    /// <summary>The trees grown on all cases and, for each half of the pages, those grown on the other half; all calibrated alike.</summary>
    private sealed record GrownKind(BoostedTrees All, BoostedTrees[] Half)
    {
        private static readonly BoostedTrees NoTrees = new(0, [], PlattScaling.Identity);

        public static GrownKind Unused { get; } = new(NoTrees, [NoTrees, NoTrees]);
    }

    private static GrownKind GrowKind(List<TrainingCase> cases, int seed, TreeSettings settings, List<(double, bool)> held, BoostedTrees? start,
        Dictionary<string, int>? halves)
    {
        if (cases.Count == 0)
        {
            if (start is not null) return new GrownKind(start, [start, start]);
            throw new ArgumentException("no cases of a kind to train on: the pages hold no words or no stretches");
        }
        var labels = cases.Select(c => c.Unreadable).ToList();
        var all = TreeTrainer.Train(cases.Select(c => c.Candidate.Features).ToList(), labels, settings, start);
        var fold = halves is null ? Folds(cases, seed) : cases.Select(c => halves[c.Page]).ToArray();
        var margins = new double[cases.Count];
        var half = new BoostedTrees[2];
        for (int f = 0; f < 2; f++)
        {
            var train = Enumerable.Range(0, cases.Count).Where(i => fold[i] != f).ToList();
            // A set of one page has no other half: its cases are scored by the trees grown on all (calibrated in-sample).
            var trees = train.Count == 0 ? all
                : TreeTrainer.Train(train.Select(i => cases[i].Candidate.Features).ToList(), train.Select(i => labels[i]).ToList(), settings, start);
            half[f] = trees;
            for (int i = 0; i < cases.Count; i++)
                if (fold[i] == f) margins[i] = trees.Margin(cases[i].Candidate.Features);
        }
        var calibrating = Enumerable.Range(0, cases.Count).Where(i => cases[i].Calibrates).ToList();
        var calibration = calibrating.Count == 0 ? PlattScaling.Fit(margins, labels)
            : PlattScaling.Fit(calibrating.Select(i => margins[i]).ToList(), calibrating.Select(i => labels[i]).ToList());
        held.AddRange(margins.Select((m, i) => (calibration.Probability(m), labels[i])));
        return new GrownKind(all with { Calibration = calibration }, [.. half.Select(h => h with { Calibration = calibration })]);
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
        var half = Halves(cases.Select(c => c.Page), seed);
        return cases.Select(c => half[c.Page]).ToArray();
    }

    private static Dictionary<string, int> Halves(IEnumerable<string> pages, int seed) =>
        pages.Distinct().OrderBy(p => Hash(p, seed)).ThenBy(p => p, StringComparer.Ordinal)
            .Select((page, i) => (page, i % 2)).ToDictionary(p => p.page, p => p.Item2, StringComparer.Ordinal);

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
