using System.Globalization;
using System.Text.RegularExpressions;

namespace IngestPipeline.Services.Tests.Support;

/// <summary>Reads a /metrics answer (Prometheus's text format): the sum of a metric's samples whose labels include those given.</summary>
internal static partial class PrometheusText
{
    public static async Task<string> ScrapeAsync(Uri host)
    {
        using var client = new HttpClient { BaseAddress = host };
        return await client.GetStringAsync("metrics");
    }

    public static double Sum(string text, string metric, params (string Name, string Value)[] labels) =>
        text.Split('\n').Select(line => Sample().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == metric
                && labels.All(l => m.Groups["labels"].Value.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)")]
    private static partial Regex Sample();
}
