namespace IngestPipeline.Domain.Illegibility.Model;

/// <summary>How boosted trees are grown.</summary>
public sealed record TreeSettings
{
    public int Trees { get; init; } = 200;
    public int Depth { get; init; } = 4;
    public double LearningRate { get; init; } = 0.1;

    /// <summary>A leaf holds at least this many cases: a rule learned from fewer is a page's accident.</summary>
    public int MinLeafCases { get; init; } = 20;

    /// <summary>Shrinks leaf values towards 0 (L2 penalty on the log-odds a leaf adds).</summary>
    public double Lambda { get; init; } = 1;

    /// <summary>Each feature's values are cut into at most this many bins (by quantile) before splits are sought.</summary>
    public int Bins { get; init; } = 64;
}

/// <summary>
/// Grows <see cref="BoostedTrees"/> on the logistic loss (Newton steps, as XGBoost and LightGBM do): each tree fits
/// the gradient of the loss, level by level, choosing among binned thresholds the split with the largest gain.
/// Deterministic: the same cases in the same order give the same trees, bit for bit (no sampling, one thread).
/// </summary>
public static class TreeTrainer
{
    /// <param name="start">
    /// Trees to go on from (a model trained elsewhere): boosting starts from their calibrated log-odds instead of the
    /// cases' base rate, and the trees grown are added to them. A collection's few reviewed pages then correct what a
    /// model learned from many generated ones, rather than replace it.
    /// </param>
    public static BoostedTrees Train(IReadOnlyList<float[]> cases, IReadOnlyList<bool> labels, TreeSettings settings, BoostedTrees? start = null)
    {
        int n = cases.Count;
        if (n == 0) throw new ArgumentException("no cases to train on");
        int features = cases[0].Length;
        var cuts = Enumerable.Range(0, features).Select(f => Cuts(cases.Select(c => c[f]), settings.Bins)).ToArray();
        // Each case's bin per feature, once: the splits are sought on bins, the trees keep the cut values.
        var bins = new byte[features][];
        for (int f = 0; f < features; f++)
        {
            bins[f] = new byte[n];
            for (int i = 0; i < n; i++) bins[f][i] = (byte)Bin(cuts[f], cases[i][f]);
        }
        int positives = labels.Count(l => l);
        double rate = Math.Clamp((positives + 0.5) / (n + 1.0), 1e-6, 1 - 1e-6);
        float bias = (float)Math.Log(rate / (1 - rate));
        var margin = start is null ? Enumerable.Repeat((double)bias, n).ToArray()
            : cases.Select(c => start.Calibration.A * start.Margin(c) + start.Calibration.B).ToArray();
        var gradient = new double[n];
        var hessian = new double[n];
        var trees = new List<RegressionTree>(settings.Trees);
        for (int t = 0; t < settings.Trees; t++)
        {
            for (int i = 0; i < n; i++)
            {
                double p = 1 / (1 + Math.Exp(-margin[i]));
                gradient[i] = p - (labels[i] ? 1 : 0);
                hessian[i] = Math.Max(p * (1 - p), 1e-12);
            }
            var tree = new TreeBuilder(bins, cuts, gradient, hessian, settings).Build(n);
            trees.Add(tree);
            for (int i = 0; i < n; i++) margin[i] += tree.Evaluate(cases[i]);
        }
        if (start is null) return new BoostedTrees(bias, trees, PlattScaling.Identity);
        // The start's calibration folded into its bias and leaves, so the sum of all trees is the log-odds boosted on.
        var (a, b) = (start.Calibration.A, start.Calibration.B);
        return new BoostedTrees((float)(a * start.Bias + b), [.. start.Trees.Select(t => t with { Value = [.. t.Value.Select(v => (float)(a * v))] }), .. trees],
            PlattScaling.Identity);
    }

    /// <summary>Up to <paramref name="bins"/> - 1 cut values between the feature's distinct values, at quantiles.</summary>
    private static float[] Cuts(IEnumerable<float> values, int bins)
    {
        var distinct = values.Distinct().Order().ToArray();
        if (distinct.Length <= 1) return [];
        if (distinct.Length <= bins) return [.. distinct.Zip(distinct.Skip(1), (a, b) => (a + b) / 2)];
        var sorted = values.Order().ToArray();
        var cuts = new SortedSet<float>();
        for (int k = 1; k < bins; k++)
        {
            float v = sorted[(int)((long)k * sorted.Length / bins)];
            // The cut goes just below the quantile's value, between it and the distinct value before it.
            int at = Array.BinarySearch(distinct, v);
            if (at > 0) cuts.Add((distinct[at - 1] + distinct[at]) / 2);
        }
        return [.. cuts];
    }

    /// <summary>The bin of a value: how many cuts lie below it.</summary>
    private static int Bin(float[] cuts, float value)
    {
        int lo = 0, hi = cuts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (value <= cuts[mid]) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>One tree, grown level by level over the cases' bins.</summary>
    private sealed class TreeBuilder(byte[][] bins, float[][] cuts, double[] gradient, double[] hessian, TreeSettings settings)
    {
        private readonly List<int> _feature = [];
        private readonly List<float> _threshold = [];
        private readonly List<int> _left = [];
        private readonly List<int> _right = [];
        private readonly List<float> _value = [];

        public RegressionTree Build(int n)
        {
            Grow(Enumerable.Range(0, n).ToArray(), 0);
            return new RegressionTree([.. _feature], [.. _threshold], [.. _left], [.. _right], [.. _value]);
        }

        private int Grow(int[] rows, int depth)
        {
            int node = _feature.Count;
            _feature.Add(-1);
            _threshold.Add(0);
            _left.Add(-1);
            _right.Add(-1);
            double g = 0, h = 0;
            foreach (var i in rows)
            {
                g += gradient[i];
                h += hessian[i];
            }
            _value.Add((float)(-g / (h + settings.Lambda) * settings.LearningRate));
            if (depth == settings.Depth || rows.Length < 2 * settings.MinLeafCases) return node;
            var split = BestSplit(rows, g, h);
            if (split is not { } s) return node;
            var left = rows.Where(i => bins[s.Feature][i] <= s.Bin).ToArray();
            var right = rows.Where(i => bins[s.Feature][i] > s.Bin).ToArray();
            _feature[node] = s.Feature;
            _threshold[node] = cuts[s.Feature][s.Bin];
            _left[node] = Grow(left, depth + 1);
            _right[node] = Grow(right, depth + 1);
            return node;
        }

        private (int Feature, int Bin)? BestSplit(int[] rows, double g, double h)
        {
            double parent = g * g / (h + settings.Lambda), best = 1e-9;
            (int, int)? choice = null;
            for (int f = 0; f < bins.Length; f++)
            {
                int count = cuts[f].Length + 1;
                if (count < 2) continue;
                var hg = new double[count];
                var hh = new double[count];
                var hn = new int[count];
                var column = bins[f];
                foreach (var i in rows)
                {
                    int b = column[i];
                    hg[b] += gradient[i];
                    hh[b] += hessian[i];
                    hn[b]++;
                }
                double gl = 0, hl = 0;
                int nl = 0;
                for (int b = 0; b < count - 1; b++)
                {
                    gl += hg[b];
                    hl += hh[b];
                    nl += hn[b];
                    int nr = rows.Length - nl;
                    if (nl < settings.MinLeafCases) continue;
                    if (nr < settings.MinLeafCases) break;
                    double gr = g - gl, hr = h - hl;
                    double gain = gl * gl / (hl + settings.Lambda) + gr * gr / (hr + settings.Lambda) - parent;
                    if (gain > best)
                    {
                        best = gain;
                        choice = (f, b);
                    }
                }
            }
            return choice;
        }
    }
}
