using System.Diagnostics;
using System.Text.RegularExpressions;
using IngestPipeline.Domain.Evaluation;
using Xunit.Abstractions;
namespace IngestPipeline.Domain.Tests.Evaluation;
public class ZzBench(ITestOutputHelper o)
{
    [Fact]
    public void Bench()
    {
        var files = Directory.GetFiles("/work/shared/corpus/dev", "*.gt.txt").Order().ToList();
        var r = new Random(1);
        foreach (var variant in new[] { "same", "nomarker", "garbage", "lower", "noise", "shift" })
        {
            var pages = new List<PageScore>();
            var w = Stopwatch.StartNew();
            long worst = 0;
            foreach (var f in files)
            {
                var gt = File.ReadAllText(f);
                var hyp = variant switch
                {
                    "same" => gt,
                    "nomarker" => gt.Replace("[ILLEGIBLE]", ""),
                    "garbage" => gt.Replace("[ILLEGIBLE]", "x@"),
                    "lower" => gt.Replace("[ILLEGIBLE]", "[illegible]"),
                    "noise" => new string(gt.Select(c => r.Next(20) == 0 ? 'q' : c).ToArray()),
                    _ => Regex.Replace(gt, @"(\S+) \[ILLEGIBLE\]", "[ILLEGIBLE] $1"),
                };
                var pw = Stopwatch.StartNew();
                var ps = TranscriptScorer.ScorePage(Path.GetFileName(f), gt, hyp);
                pages.Add(ps);
                if (variant == "shift" && ps.RecalledSpans < ps.TrueSpans) { o.WriteLine(ps.ToString()); o.WriteLine(hyp); }
                worst = Math.Max(worst, pw.ElapsedMilliseconds);
            }
            o.WriteLine($"{variant}: {w.ElapsedMilliseconds} ms total, worst page {worst} ms: {TranscriptScorer.ScoreSet(pages)}");
        }
    }
}
