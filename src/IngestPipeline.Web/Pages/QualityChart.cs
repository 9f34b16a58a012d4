using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace IngestPipeline.Web.Pages;

/// <summary>One line of a chart: its name and a value per week (null: nothing measured that week, a gap in the line).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// A line chart drawn as SVG on the server: weeks along, values up from 0 to <c>top</c>. No script and no library:
/// the page shows it as it is sent, and a browser test reads its points.
/// </summary>
public static class QualityChart
{
    private const int Width = 640, Height = 220, Left = 48, Right = 16, Top = 12, Bottom = 36;

    public static IHtmlContent Svg(string title, IReadOnlyList<string> weeks, IReadOnlyList<ChartSeries> series, double top, string format)
    {
        var svg = new StringBuilder();
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        double X(int i) => weeks.Count <= 1 ? Left + (Width - Left - Right) / 2.0 : Left + i * (Width - Left - Right) / (double)(weeks.Count - 1);
        double Y(double v) => Top + (Height - Top - Bottom) * (1 - Math.Clamp(v / top, 0, 1));
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(title)}\"><title>{Encode(title)}</title>");
        for (int k = 0; k <= 4; k++)
        {
            double value = top * k / 4, y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(y)}\" y2=\"{F(y)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{value.ToString(format, CultureInfo.InvariantCulture)}</text>");
        }
        // Week labels: every one when they fit, else about eight of them.
        int step = Math.Max(1, (int)Math.Ceiling(weeks.Count / 8.0));
        for (int i = 0; i < weeks.Count; i += step)
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{F(X(i))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Encode(weeks[i])}</text>");
        for (int s = 0; s < series.Count; s++)
        {
            var values = series[s].Values;
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series s{s}\" data-name=\"{Encode(series[s].Name)}\">");
            var path = new StringBuilder();
            for (int i = 0; i < values.Count; i++)
            {
                if (values[i] is not { } v) continue;
                bool joined = i > 0 && values[i - 1] is not null;
                path.Append(CultureInfo.InvariantCulture, $"{(joined ? 'L' : 'M')}{F(X(i))},{F(Y(v))} ");
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(v))}\" r=\"3\" data-week=\"{Encode(weeks[i])}\" data-value=\"{v.ToString("0.####", CultureInfo.InvariantCulture)}\"><title>{Encode(series[s].Name)}, {Encode(weeks[i])}: {v.ToString(format, CultureInfo.InvariantCulture)}</title></circle>");
            }
            if (path.Length > 0) svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path.ToString().TrimEnd()}\"/>");
            svg.Append("</g>");
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"legend s{s}\"><line x1=\"{Left + 4 + s * 150}\" x2=\"{Left + 22 + s * 150}\" y1=\"{Height - 8}\" y2=\"{Height - 8}\"/><text x=\"{Left + 26 + s * 150}\" y=\"{Height - 4}\">{Encode(series[s].Name)}</text></g>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
