using System.CommandLine;

namespace IngestPipeline.Cli;

/// <summary>The command line: <c>ingest</c>, <c>eval</c> and <c>corpus</c>.</summary>
public static class CliApp
{
    public static Task<int> RunAsync(string[] args)
    {
        // Spectre assumes 80 columns when output goes to a file or pipe; tables of file names need more.
        if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 160;
        var root = new RootCommand("IngestPipeline: scanned typewritten documents to reviewed, searchable transcriptions.")
        {
            IngestCommand.Create(),
            EvalCommand.Create(),
            CorpusCommand.Create(),
            IllegibilityCommand.Create(),
            CleanCommand.Create(),
            SimulateCommand.Create(),
            CollectionCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }
}
