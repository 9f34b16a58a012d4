using System.Text.Json;
using IngestPipeline.Cli;

namespace IngestPipeline.Cli.Tests;

/// <summary>eval's page selection and hyphen joining, on small hand-made sets.</summary>
public sealed class EvalOptionsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ingest-eval-").FullName;
    private readonly string _gt;
    private readonly string _out;

    public EvalOptionsTests()
    {
        _gt = Directory.CreateDirectory(Path.Combine(_work, "gt")).FullName;
        _out = Directory.CreateDirectory(Path.Combine(_work, "out")).FullName;
        Page("complete", "Le préfet et les gentle-\nmen du conseil\n", "Le préfet et les gentlemen du conseil\n");
        Page("partial", "second half only\n", "a typed header the transcribers left out\nsecond half only\n");
    }

    [Fact]
    public async Task Line_end_hyphens_cost_nothing_only_with_join_hyphens()
    {
        File.Delete(Path.Combine(_gt, "partial.gt.txt"));

        Assert.Equal(0, await Eval());
        Assert.True(Overall().GetProperty("charEdits").GetInt32() > 0);

        Assert.Equal(0, await Eval("--join-hyphens"));
        Assert.Equal(0, Overall().GetProperty("charEdits").GetInt32());
        Assert.True(Summary().GetProperty("joinHyphens").GetBoolean());
    }

    [Fact]
    public async Task Complete_pages_list_in_the_truth_folder_is_used_unless_pages_are_given()
    {
        Assert.Equal(0, await Eval());
        Assert.Equal(2, Overall().GetProperty("pages").GetInt32());

        await File.WriteAllTextAsync(Path.Combine(_gt, EvalCommand.CompletePagesFile), "complete\n\n");
        Assert.Equal(0, await Eval("--join-hyphens"));
        Assert.Equal(["complete"], PageNames());
        Assert.EndsWith(EvalCommand.CompletePagesFile, Summary().GetProperty("pagesFile").GetString());
        Assert.Equal(0.0, Overall().GetProperty("cer").GetDouble());

        var list = Path.Combine(_work, "pages.txt");
        await File.WriteAllTextAsync(list, "partial\r\ncomplete\n");
        Assert.Equal(0, await Eval("--pages", list));
        Assert.Equal(["complete", "partial"], PageNames());
    }

    [Fact]
    public async Task A_listed_page_without_truth_is_an_error()
    {
        var list = Path.Combine(_work, "pages.txt");
        await File.WriteAllTextAsync(list, "complete\nnowhere\n");
        Assert.Equal(2, await Eval("--pages", list));
        Assert.Equal(2, await Eval("--pages", Path.Combine(_work, "missing.txt")));
    }

    private void Page(string name, string truth, string transcript)
    {
        File.WriteAllText(Path.Combine(_gt, name + ".gt.txt"), truth);
        File.WriteAllText(Path.Combine(_out, name + ".txt"), transcript);
    }

    private Task<int> Eval(params string[] options) => CliApp.RunAsync(["eval", "--gt", _gt, "--out", _out, .. options]);

    private JsonElement Summary() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "eval-summary.json"))).RootElement.Clone();

    private JsonElement Overall() => Summary().GetProperty("overall");

    private string[] PageNames() =>
        Summary().GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
