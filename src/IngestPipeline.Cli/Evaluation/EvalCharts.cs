using ScottPlot;

namespace IngestPipeline.Cli.Evaluation;

/// <summary>The precision–recall curve of a threshold sweep and the reliability diagram of the calibration, as PNG.</summary>
public static class EvalCharts
{
    public static void PrecisionRecall(IReadOnlyList<ThresholdScore> sweep, double chosen, string path)
    {
        var points = sweep.Where(s => s.Score.SpanRecall is not null && s.Score.SpanPrecision is not null).ToList();
        var plot = new Plot();
        var curve = plot.Add.Scatter(points.Select(p => p.Score.SpanRecall!.Value).ToArray(), points.Select(p => p.Score.SpanPrecision!.Value).ToArray());
        curve.LegendText = "span precision and recall";
        foreach (var p in points)
        {
            var label = plot.Add.Text(p.Threshold.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), p.Score.SpanRecall!.Value, p.Score.SpanPrecision!.Value);
            label.LabelFontSize = 11;
            if (Math.Abs(p.Threshold - chosen) < 1e-9) label.LabelBold = true;
        }
        plot.Title("[ILLEGIBLE] spans by threshold (bold: the model's own)");
        plot.XLabel("recall");
        plot.YLabel("precision");
        plot.Axes.SetLimits(Math.Min(0.5, points.Min(p => p.Score.SpanRecall!.Value)) - 0.02, 1.02, Math.Min(0.5, points.Min(p => p.Score.SpanPrecision!.Value)) - 0.02, 1.02);
        plot.SavePng(path, 800, 600);
    }

    public static void Reliability(IReadOnlyList<ReliabilityBin> bins, string path)
    {
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfect calibration";
        var counted = bins.Where(b => b.Cases > 0).ToList();
        var observed = plot.Add.Scatter(counted.Select(b => b.MeanProbability).ToArray(), counted.Select(b => b.ObservedShare).ToArray());
        observed.LegendText = "observed share unreadable";
        foreach (var b in counted)
            plot.Add.Text($"{b.Cases}", b.MeanProbability, b.ObservedShare).LabelFontSize = 10;
        plot.Title("Calibration: candidates by predicted probability (labels: cases per bin)");
        plot.XLabel("mean predicted probability");
        plot.YLabel("share unreadable");
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 800, 600);
    }
}
