using System.CommandLine;
using IngestPipeline.Cli;

var root = new RootCommand("IngestPipeline: scanned typewritten documents to reviewed, searchable transcriptions.")
{
    IngestCommand.Create(),
    EvalCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
