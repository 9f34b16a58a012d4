using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Corpus.Labels;

/// <summary>x' = a x + b y + c, y' = d x + e y + f: a turn, a scale and a shift, as deskewing and rescaling a scan make.</summary>
internal readonly record struct AffineMap(double A, double B, double C, double D, double E, double F)
{
    public (double X, double Y) Apply((double X, double Y) p) => (A * p.X + B * p.Y + C, D * p.X + E * p.Y + F);

    /// <summary>The box round the four corners carried over.</summary>
    public BoundingBox Apply(BoundingBox box)
    {
        var corners = new List<(double X, double Y)>(4);
        foreach (var (x, y) in new[] { (box.Left, box.Top), (box.Right, box.Top), (box.Left, box.Bottom), (box.Right, box.Bottom) })
            corners.Add(Apply(((double)x, (double)y)));
        return new BoundingBox((int)Math.Floor(corners.Min(c => c.X)), (int)Math.Floor(corners.Min(c => c.Y)),
            (int)Math.Ceiling(corners.Max(c => c.X)), (int)Math.Ceiling(corners.Max(c => c.Y)));
    }

    public double Error((double X, double Y) from, (double X, double Y) to)
    {
        var (x, y) = Apply(from);
        return Math.Sqrt((x - to.X) * (x - to.X) + (y - to.Y) * (y - to.Y));
    }

    /// <summary>The least-squares map of the pairs (the normal equations of each output coordinate).</summary>
    public static AffineMap Fit(IReadOnlyList<((double X, double Y) From, (double X, double Y) To)> pairs)
    {
        var m = new double[3, 3];
        double[] u = new double[3], v = new double[3];
        foreach (var (from, to) in pairs)
        {
            double[] row = [from.X, from.Y, 1];
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++) m[i, j] += row[i] * row[j];
                u[i] += row[i] * to.X;
                v[i] += row[i] * to.Y;
            }
        }
        var (a, b, c) = Solve(m, u);
        var (d, e, f) = Solve(m, v);
        return new AffineMap(a, b, c, d, e, f);
    }

    /// <summary>Cramer's rule: three unknowns.</summary>
    private static (double, double, double) Solve(double[,] m, double[] r)
    {
        double det = Det(m[0, 0], m[0, 1], m[0, 2], m[1, 0], m[1, 1], m[1, 2], m[2, 0], m[2, 1], m[2, 2]);
        if (Math.Abs(det) < 1e-9) throw new InvalidOperationException("the words' centres do not span the page");
        return (Det(r[0], m[0, 1], m[0, 2], r[1], m[1, 1], m[1, 2], r[2], m[2, 1], m[2, 2]) / det,
            Det(m[0, 0], r[0], m[0, 2], m[1, 0], r[1], m[1, 2], m[2, 0], r[2], m[2, 2]) / det,
            Det(m[0, 0], m[0, 1], r[0], m[1, 0], m[1, 1], r[1], m[2, 0], m[2, 1], r[2]) / det);
    }

    private static double Det(double a, double b, double c, double d, double e, double f, double g, double h, double i) =>
        a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
}
