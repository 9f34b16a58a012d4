using System.Diagnostics;
using Spectre.Console;

namespace IngestPipeline.Cli.Ingest;

/// <summary>Counts pages and derives rate and ETA; shared by both reporters.</summary>
public abstract class ProgressCounter : IIngestProgress
{
    private readonly Stopwatch _clock = new();
    private int _done;

    protected int Total { get; private set; }
    protected int Done => Volatile.Read(ref _done);
    protected double PagesPerMinute => _clock.Elapsed.TotalMinutes > 0 ? Done / _clock.Elapsed.TotalMinutes : 0;

    protected TimeSpan? Remaining =>
        Done == 0 ? null : TimeSpan.FromSeconds(_clock.Elapsed.TotalSeconds / Done * (Total - Done));

    public virtual void Start(int totalPages, int totalFiles)
    {
        Total = totalPages;
        _clock.Start();
    }

    public void PageDone(string document, int page) => OnPage(document, page, Interlocked.Increment(ref _done));

    protected abstract void OnPage(string document, int page, int done);
    public abstract void DocumentDone(DocumentResult result);
}

/// <summary>One line per page and per failure: for logs and pipes, where a redrawn bar is noise.</summary>
public sealed class PlainProgress(TextWriter output) : ProgressCounter
{
    public override void Start(int totalPages, int totalFiles)
    {
        base.Start(totalPages, totalFiles);
        output.WriteLine($"ingesting {totalFiles} files, {totalPages} pages");
    }

    protected override void OnPage(string document, int page, int done)
    {
        var eta = Remaining is { } r ? $", ETA {r:h\\:mm\\:ss}" : "";
        lock (output) output.WriteLine($"[{done}/{Total}] {document} page {page} ({PagesPerMinute:0.0} pages/min{eta})");
    }

    public override void DocumentDone(DocumentResult result)
    {
        if (!result.Succeeded) lock (output) output.WriteLine($"FAILED {result.File.Path}: {result.Error}");
    }
}

/// <summary>A live bar on a terminal: pages done, pages/min, ETA.</summary>
public sealed class TerminalProgress(ProgressTask task) : ProgressCounter
{
    public override void Start(int totalPages, int totalFiles)
    {
        base.Start(totalPages, totalFiles);
        task.MaxValue = Math.Max(1, totalPages);
    }

    protected override void OnPage(string document, int page, int done)
    {
        task.Description = $"{done}/{Total} pages, {PagesPerMinute:0.0} pages/min";
        task.Increment(1);
    }

    public override void DocumentDone(DocumentResult result)
    {
        if (!result.Succeeded) AnsiConsole.MarkupLineInterpolated($"[red]FAILED[/] {result.File.Path}: {result.Error}");
    }
}
