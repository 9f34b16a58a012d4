using System.Diagnostics;
using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Imaging;
using IngestPipeline.Ocr.Recognition;

namespace IngestPipeline.Cli.Ingest;

/// <summary>
/// Turns a batch of scan files into transcripts. Pages of all documents share the engine pool, so the
/// engines stay busy whether the batch is one 500-page TIFF or 500 single pages; decoding, encoding page images,
/// cleanup and writing happen off the engines, beside the recognition of other pages. A file that cannot be
/// read, or a page that fails, fails its own document with a reason; the rest of the batch goes on.
/// </summary>
/// <param name="cleanup">How raw OCR is cleaned (illegible spans, confusions, hyphens); null writes the raw OCR.</param>
public sealed class BatchIngester(
    EnginePool pool, ScanLimits limits, TranscriptOutputWriter writer, IIngestProgress progress, TranscriptCleanup? cleanup)
{
    /// <summary>Pages decoded or being recognised: one more than there are engines.</summary>
    private readonly SemaphoreSlim _decodedAhead = new(pool.Options.Engines + 1);

    public async Task<IReadOnlyList<DocumentResult>> RunAsync(IReadOnlyList<InputFile> files, CancellationToken cancellation)
    {
        var results = new List<DocumentResult>();
        var jobs = new List<(InputFile File, int Pages)>();
        foreach (var file in files)
        {
            // Survey first: the page total drives progress and ETA, and unreadable files fail up front.
            try
            {
                using var scan = Scan.Open(file.Path, limits);
                jobs.Add((file, scan.PageCount));
            }
            catch (Exception e) when (e is UnreadableScanException or IOException or UnauthorizedAccessException)
            {
                results.Add(Fail(file, 0, TimeSpan.Zero, Reason(file, e)));
            }
        }
        progress.Start(jobs.Sum(j => j.Pages), files.Count);
        foreach (var failed in results) progress.DocumentDone(failed);

        var done = new List<DocumentResult>();
        // Twice as many documents as engines: while one is cleaned and written, the pages of others keep the engines busy.
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 2 * pool.Options.Engines, CancellationToken = cancellation },
            async (job, ct) =>
            {
                var result = await IngestDocumentAsync(job.File, ct).ConfigureAwait(false);
                lock (done) done.Add(result);
                progress.DocumentDone(result);
            }).ConfigureAwait(false);

        results.AddRange(done);
        var order = files.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);
        return results.OrderBy(r => order[r.File]).ToList();
    }

    private async Task<DocumentResult> IngestDocumentAsync(InputFile file, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var scan = Scan.Open(file.Path, limits);
        using var images = writer.NewPageImageStore(file.OutputName);
        string? failure = null;

        var pages = await Task.WhenAll(Enumerable.Range(0, scan.PageCount).Select(async index =>
        {
            try
            {
                var page = await RecognizeAsync(scan, index, images, () => Volatile.Read(ref failure) is not null, cancellation).ConfigureAwait(false);
                progress.PageDone(file.OutputName, index + 1);
                return page;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A decoding problem already names its page; anything else is given the page here.
                var reason = e is UnreadableScanException ? Reason(file, e) : $"page {index + 1}: {Reason(file, e)}";
                Interlocked.CompareExchange(ref failure, reason, null);
                progress.PageDone(file.OutputName, index + 1);
                return null;
            }
        })).ConfigureAwait(false);

        if (failure is not null) return Fail(file, scan.PageCount, clock.Elapsed, failure);
        var transcript = new Transcript(Path.GetFileName(file.Path), pages.Select(p => p!).ToList());
        if (cleanup is not null) transcript = TranscriptCleaner.Clean(transcript, cleanup.Lexicon, cleanup.Options);
        writer.Write(file.OutputName, transcript, images);
        return new DocumentResult(file, transcript.Pages.Count, clock.Elapsed, null,
            transcript.Pages.Count == 0 ? 0 : transcript.Pages.Average(p => p.MeanConfidence));
    }

    /// <summary>
    /// One page: decoded off the engines (at most one page more than there are engines is decoded ahead, so an engine
    /// that finishes finds its next page ready), recognised on an engine, its image encoded after the engine is given
    /// back. Null when the document failed before the page's turn.
    /// </summary>
    private async Task<Page?> RecognizeAsync(Scan scan, int index, PageImageStore images, Func<bool> documentFailed, CancellationToken cancellation)
    {
        await _decodedAhead.WaitAsync(cancellation).ConfigureAwait(false);
        bool holding = true;
        try
        {
            if (documentFailed()) return null; // spare the engine
            using var raw = await Task.Run(() => scan.DecodePage(index), cancellation).ConfigureAwait(false);
            using var recognized = await pool.RunAsync(engine => PageRecognizer.Recognize(engine, pool.Options, raw, index + 1),
                cancellation, scan.PagePixels(index)).ConfigureAwait(false);
            _decodedAhead.Release();
            holding = false;
            await Task.Run(() => images.Save(recognized), cancellation).ConfigureAwait(false);
            return recognized.Page;
        }
        finally
        {
            if (holding) _decodedAhead.Release();
        }
    }

    private DocumentResult Fail(InputFile file, int pages, TimeSpan elapsed, string reason)
    {
        writer.WriteError(file.OutputName, $"{Path.GetFileName(file.Path)}: {reason}");
        return new DocumentResult(file, pages, elapsed, reason, 0);
    }

    /// <summary>The problem in words a staff member understands; the file name is added by the caller.</summary>
    private static string Reason(InputFile file, Exception e) => e switch
    {
        UnreadableScanException u => u.Problem,
        OcrDeadlineExceededException d => d.Message,
        FileNotFoundException => "the file does not exist",
        UnauthorizedAccessException => "the file cannot be read (permission denied)",
        IOException io => $"the file cannot be read ({io.Message})",
        _ => $"unexpected error while processing {Path.GetFileName(file.Path)}: {e.Message}",
    };
}

/// <summary>The outcome of one input file.</summary>
public sealed record DocumentResult(InputFile File, int Pages, TimeSpan Elapsed, string? Error, float MeanConfidence)
{
    public bool Succeeded => Error is null;
}

/// <summary>The lexicon and settings the batch cleans transcripts with.</summary>
public sealed record TranscriptCleanup(Lexicon Lexicon, CleanupOptions Options);
