using System.Text.RegularExpressions;
using IngestPipeline.Pipeline.Tests.Support;

namespace IngestPipeline.Pipeline.Tests;

/// <summary>The lifecycle is the one place a document's stage is written, and commands leave only through the outbox.</summary>
public sealed partial class OneHomeTests
{
    [Fact]
    public void Only_the_lifecycle_writes_a_documents_stage()
    {
        var writers = SourceFiles().Where(f => StageWrite().IsMatch(File.ReadAllText(f))).Select(Relative).ToList();
        Assert.Equal(["src/IngestPipeline.Pipeline/Lifecycle/DocumentLifecycle.cs"], writers);
    }

    [Fact]
    public void Only_the_outbox_dispatcher_sends_commands_to_the_bus()
    {
        var senders = SourceFiles().Where(f => BusSend().IsMatch(File.ReadAllText(f))).Select(Relative).ToList();
        Assert.Equal(["src/IngestPipeline.Pipeline/Lifecycle/OutboxDispatcher.cs"], senders);
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(TestFolders.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/") && !f.Contains("/Migrations/"));

    private static string Relative(string path) => Path.GetRelativePath(TestFolders.Root, path).Replace('\\', '/');

    [GeneratedRegex(@"\.Stage\s*=[^=>]|SetProperty\(\s*\w+\s*=>\s*\w+\.Stage\b|\bStage\s*=\s*DocumentStage\.")]
    private static partial Regex StageWrite();

    [GeneratedRegex(@"\.(Send|SendBatch|Publish)\s*(<[^>]*>)?\(")]
    private static partial Regex BusSend();
}
