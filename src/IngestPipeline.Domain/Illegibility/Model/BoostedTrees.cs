namespace IngestPipeline.Domain.Illegibility.Model;

/// <summary>
/// One regression tree as flat arrays: node k splits on <see cref="Feature"/>[k] at <see cref="Threshold"/>[k]
/// (values up to the threshold go to <see cref="Left"/>[k], the others to <see cref="Right"/>[k]); a node whose
/// feature is -1 is a leaf worth <see cref="Value"/>[k].
/// </summary>
public sealed record RegressionTree(int[] Feature, float[] Threshold, int[] Left, int[] Right, float[] Value)
{
    public float Evaluate(ReadOnlySpan<float> x)
    {
        int k = 0;
        while (Feature[k] >= 0) k = x[Feature[k]] <= Threshold[k] ? Left[k] : Right[k];
        return Value[k];
    }
}

/// <summary>
/// Gradient-boosted trees for a yes-or-no question: the sum of the trees and a bias is the log-odds, which
/// <see cref="Calibration"/> turns into a probability measured on cases the trees were not trained on.
/// </summary>
public sealed record BoostedTrees(float Bias, IReadOnlyList<RegressionTree> Trees, PlattScaling Calibration)
{
    public double Margin(ReadOnlySpan<float> x)
    {
        double sum = Bias;
        foreach (var tree in Trees) sum += tree.Evaluate(x);
        return sum;
    }

    public double Probability(ReadOnlySpan<float> x) => Calibration.Probability(Margin(x));
}

/// <summary>p = 1 / (1 + exp(-(A m + B))): Platt's map from a score to a probability, fitted by likelihood.</summary>
public sealed record PlattScaling(double A, double B)
{
    public static PlattScaling Identity { get; } = new(1, 0);

    public double Probability(double margin) => 1 / (1 + Math.Exp(-(A * margin + B)));

    /// <summary>
    /// The map that best explains the labels from the margins (Newton's method on the log-likelihood, with Platt's
    /// smoothed targets); the identity where that map would fall.
    /// </summary>
    public static PlattScaling Fit(IReadOnlyList<double> margins, IReadOnlyList<bool> labels)
    {
        int positives = labels.Count(l => l), negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0) return Identity;
        // Platt's targets: not 0 and 1, so that a perfectly separated set does not push the slope to infinity.
        double high = (positives + 1.0) / (positives + 2.0), low = 1.0 / (negatives + 2.0);
        double a = 1, b = 0;
        double loss = Loss(margins, labels, high, low, a, b);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double g0 = 0, g1 = 0, h00 = 1e-9, h01 = 0, h11 = 1e-9;
            for (int i = 0; i < margins.Count; i++)
            {
                double p = 1 / (1 + Math.Exp(-(a * margins[i] + b)));
                double d = p - (labels[i] ? high : low), w = p * (1 - p);
                g0 += d * margins[i];
                g1 += d;
                h00 += w * margins[i] * margins[i];
                h01 += w * margins[i];
                h11 += w;
            }
            double det = h00 * h11 - h01 * h01;
            if (Math.Abs(det) < 1e-12) break;
            double da = (h11 * g0 - h01 * g1) / det, db = (h00 * g1 - h01 * g0) / det;
            // Newton's step, halved until the loss falls: from far off, a full step overshoots.
            double step = 1;
            while (step > 1e-6 && Loss(margins, labels, high, low, a - step * da, b - step * db) > loss) step /= 2;
            if (step <= 1e-6) break;
            a -= step * da;
            b -= step * db;
            double next = Loss(margins, labels, high, low, a, b);
            if (loss - next < 1e-10 * margins.Count) break;
            loss = next;
        }
        // A falling map would turn the trees' order upside down: held-out scores that rank the unreadable below the
        // legible (a few pages, a handful of unreadable cases) say nothing to calibrate by, and the trees' own
        // log-odds, fitted on the logistic loss, are the better estimate.
        return a > 0 ? new PlattScaling(a, b) : Identity;
    }

    /// <summary>The cross-entropy of the smoothed targets under the map (numerically safe for large scores).</summary>
    private static double Loss(IReadOnlyList<double> margins, IReadOnlyList<bool> labels, double high, double low, double a, double b)
    {
        double sum = 0;
        for (int i = 0; i < margins.Count; i++)
        {
            double z = a * margins[i] + b, t = labels[i] ? high : low;
            // log(1 + e^z) - t z, computed without overflow
            sum += (z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z))) - t * z;
        }
        return sum;
    }
}
