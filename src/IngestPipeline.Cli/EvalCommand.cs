using System.CommandLine;

namespace IngestPipeline.Cli;

public static class EvalCommand
{
    public static Command Create() => new("eval", "Score transcripts against ground truth");
}
