using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using IngestPipeline.Services.Tests.Support;
using Xunit.Abstractions;

namespace IngestPipeline.Services.Tests.Hardening;

/// <summary>
/// Broken and hostile files through the embedded app, between two good scans: each is read or refused with a
/// reason that names it, within the suite's time, in bounded memory, and the good scans come through untouched.
/// </summary>
[Collection(PipelineRuns.Name)]
public sealed class BadInputTests(ITestOutputHelper output)
{
    /// <summary>The upload limit of the test host: small, so the oversize upload costs little.</summary>
    private const long UploadLimit = 8 * 1024 * 1024;

    /// <summary>The most the host may hold in memory while it reads all of them (two OCR engines included).</summary>
    private const long MemoryBound = 1536L * 1024 * 1024;

    [Fact]
    public async Task Every_bad_input_is_read_or_refused_with_a_reason_naming_it_and_the_good_scans_around_it_are_unaffected()
    {
        var work = Repository.NewTempDirectory();
        var inputs = BadInputs.Make(Directory.CreateDirectory(Path.Combine(work, "inputs")).FullName);
        var data = Path.Combine(work, "data");
        var (web, address) = await HostProcess.WebAsync(new Dictionary<string, string>
        {
            ["Pipeline__DataDirectory"] = data,
            ["Pipeline__Limits__MaxUploadBytes"] = UploadLimit.ToString(),
        }, Path.Combine(work, "web.log"));
        using (web)
        using (var api = new PipelineClient(address))
        {
            var good = TestScans.SamplePages.Take(2).ToList();
            var before = await api.UploadRawAsync(Encoding.UTF8.GetBytes(Path.GetFileName(good[0])), await File.ReadAllBytesAsync(good[0]));
            var uploads = new List<(BadInput Input, UploadResult Result)>();
            foreach (var input in inputs)
            {
                // The last hostile name is sent as Latin-1 bytes, not UTF-8: "café" with a stray 0xFF.
                var name = input.UploadName.Contains('\uFFFD') ? [.. "caf"u8, 0xE9, 0xFF, .. ".png"u8] : Encoding.UTF8.GetBytes(input.UploadName);
                uploads.Add((input, await api.UploadRawAsync(name, await File.ReadAllBytesAsync(input.Path))));
            }
            var after = await api.UploadRawAsync(Encoding.UTF8.GetBytes(Path.GetFileName(good[1])), await File.ReadAllBytesAsync(good[1]));

            var oversize = await api.UploadRawAsync("oversize.tif"u8.ToArray(), new byte[UploadLimit + 1]);
            Assert.Null(oversize.DocumentId);
            Assert.Equal("oversize.tif: the file is larger than the limit of 8 MB", oversize.Error);

            var refusedAtUpload = uploads.Where(u => u.Result.DocumentId is null).ToList();
            Assert.All(refusedAtUpload, u => Assert.Equal(Expect.Refused, u.Input.Expect));
            var settled = await api.WaitUntilSettledAsync(uploads.Count - refusedAtUpload.Count + 2, TimeSpan.FromMinutes(5), web.Log);

            var problems = new List<string>();
            var table = new StringBuilder("input | outcome | seconds | reason\n");
            foreach (var (input, result) in uploads)
            {
                string stage, reason, storedName;
                double seconds = 0;
                if (result.DocumentId is { } id)
                {
                    var document = await api.DocumentAsync(id);
                    var summary = settled.Items.Single(d => d.Id == id);
                    (stage, reason, storedName) = (document.Stage, document.FailureReason ?? "", document.FileName);
                    seconds = (summary.UpdatedAt - summary.CreatedAt).TotalSeconds;
                }
                else (stage, reason, storedName) = ("Refused at upload", result.Error ?? "", result.FileName);
                table.Append($"{Printable(input.UploadName)} | {stage} | {seconds:0.0} | {reason}\n");

                if (storedName.Length is 0 or > 200 || storedName.Any(c => c is '/' or '\\' || char.IsControl(c)) || storedName is "." or "..")
                    problems.Add($"{Printable(input.UploadName)} is stored under the unsafe name \"{Printable(storedName)}\"");
                bool refused = stage is "Failed" or "Refused at upload";
                if (refused && !reason.StartsWith(storedName + ": ", StringComparison.Ordinal))
                    problems.Add($"{Printable(input.UploadName)}: the reason does not begin with the file's name: {reason}");
                if (refused && (reason.Contains("Exception") || reason.Contains(" at ")))
                    problems.Add($"{Printable(input.UploadName)}: the reason reads like a stack trace: {reason}");
                if (input.Expect == Expect.Refused && !refused) problems.Add($"{Printable(input.UploadName)} should be refused but is {stage}");
                if (input.Expect == Expect.Processed && stage != "AwaitingReview") problems.Add($"{Printable(input.UploadName)} should be read but is {stage}: {reason}");
                if (refused && input.ReasonSays is { } says && input.Expect == Expect.Refused && !Regex.IsMatch(reason, says, RegexOptions.IgnoreCase))
                    problems.Add($"{Printable(input.UploadName)}: the reason should say {says}: {reason}");
            }
            var peak = web.PeakResidentBytes;
            output.WriteLine(table.ToString());
            output.WriteLine($"peak resident memory of the host: {peak / (1024 * 1024)} MB (bound {MemoryBound / (1024 * 1024)} MB)");
            Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n\n" + table);

            foreach (var goodOne in new[] { before, after })
            {
                var document = await api.DocumentAsync(goodOne.DocumentId!.Value);
                Assert.Equal("AwaitingReview", document.Stage);
                Assert.Contains("Secretary of State", await api.TextAsync(document.Id), StringComparison.OrdinalIgnoreCase);
            }
            int perPage = Regex.Matches(await api.TextAsync(before.DocumentId!.Value), "Secretary of State", RegexOptions.IgnoreCase).Count;
            await TheOversizedPageFailsAloneAsync(api, address, perPage, uploads.Single(u => u.Input.UploadName == BadInputs.SixPagesOneHuge).Result.DocumentId!.Value);
            Assert.All(Directory.GetFiles(Path.Combine(data, "blobs", "originals")), f => Assert.Matches("^[0-9a-f]{64}$", Path.GetFileName(f)));
            Assert.True(peak < MemoryBound, $"peak resident memory {peak / (1024 * 1024)} MB is over {MemoryBound / (1024 * 1024)} MB");
        }
    }

    /// <summary>The six-page PDF reached review with five pages; its third is failed with the reason, which its review page shows.</summary>
    private static async Task TheOversizedPageFailsAloneAsync(PipelineClient api, Uri address, int perPage, Guid id)
    {
        var document = await api.DocumentAsync(id);
        Assert.Equal(6, document.PageCount);
        Assert.Equal([1, 2, 4, 5, 6], document.Pages.Where(p => p.Status == "Recognized").Select(p => p.Number));
        var failed = Assert.Single(document.Pages, p => p.Status == "Failed");
        Assert.Equal(3, failed.Number);
        Assert.Matches("page 3 is 60000 x 3300 pixels .* over the limit", failed.FailureReason);
        Assert.Equal(5 * perPage, Regex.Matches(await api.TextAsync(id), "Secretary of State", RegexOptions.IgnoreCase).Count);

        using var reviewer = await WebForms.SignedInAsync(address, TestAccounts.Reviewer);
        var page = WebUtility.HtmlDecode(await reviewer.GetStringAsync($"/review/{id}"));
        Assert.Contains($"Page 3 could not be read, so it has no text here: {failed.FailureReason}", page);
        Assert.Equal(5, Regex.Matches(page, "class=\"page-tab\"").Count);
    }

    [Fact]
    public async Task A_page_past_its_deadline_fails_alone_with_its_reason_while_a_quick_page_goes_through()
    {
        var work = Repository.NewTempDirectory();
        var (web, address) = await HostProcess.WebAsync(new Dictionary<string, string>
        {
            ["Pipeline__DataDirectory"] = Path.Combine(work, "data"),
            ["Pipeline__Worker__PageDeadline"] = "00:00:00.300", // a letter page takes about 2 s
        }, Path.Combine(work, "web.log"));
        using (web)
        using (var api = new PipelineClient(address))
        {
            var quick = Path.Combine(work, "blank-card.png");
            Repository.Run("convert", "-size", "120x80", "xc:white", quick);
            var uploaded = await api.UploadAsync([TestScans.SamplePages[0], quick]);
            await api.WaitUntilSettledAsync(2, TimeSpan.FromMinutes(2), web.Log);

            var slow = await api.DocumentAsync(uploaded[0].DocumentId!.Value);
            Assert.Equal("Failed", slow.Stage);
            Assert.Equal($"{slow.FileName}: page 1: recognition of the page took longer than its deadline of 0.3 s and was stopped", slow.FailureReason);
            Assert.Equal("AwaitingReview", (await api.DocumentAsync(uploaded[1].DocumentId!.Value)).Stage);
        }
    }

    private static string Printable(string name)
    {
        var shown = new string(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return shown.Length > 60 ? shown[..57] + "..." : shown;
    }
}
