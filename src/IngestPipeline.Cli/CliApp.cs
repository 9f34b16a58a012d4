using System.CommandLine;

namespace IngestPipeline.Cli;

/// <summary>The command line: <c>ingest</c> and <c>eval</c>.</summary>
public static class CliApp
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("IngestPipeline: scanned typewritten documents to reviewed, searchable transcriptions.")
        {
            IngestCommand.Create(),
            EvalCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }
}
