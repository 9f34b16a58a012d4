using System.Diagnostics;
using IngestPipeline.Contracts;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Infrastructure.Storage;
using IngestPipeline.Ocr.Imaging;
using IngestPipeline.Pipeline.Hosting;
using IngestPipeline.Pipeline.Lifecycle;
using IngestPipeline.Ocr.Recognition;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IngestPipeline.Pipeline.Recognize;

/// <summary>
/// Decodes one page's image (taken out of the original at split), cleans it and recognises it on an engine of the pool;
/// stores the processed page image and the raw words; the page that completes its document lets it go on
/// (<see cref="PageCompletion"/>). A page already recognised is left alone (a redelivered message does nothing). A page
/// that cannot be decoded or overruns its deadline fails alone, with the reason; other errors are retried.
/// </summary>
public sealed class RecognizePageConsumer(PipelineDbContext db, DocumentLifecycle lifecycle, IBlobStore blobs, EnginePool engines, PipelineOptions options, ScanLimits limits,
    PipelineMetrics metrics,
    ILogger<RecognizePageConsumer> log) : IConsumer<RecognizePage>
{
    /// <summary>The width of a page's thumbnail in lists, in pixels.</summary>
    public const int ThumbnailWidth = 160;

    public async Task Consume(ConsumeContext<RecognizePage> context)
    {
        using var timer = metrics.Time("recognize");
        var (documentId, number) = context.Message;
        var cancellation = context.CancellationToken;
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, cancellation);
        var page = await db.Pages.SingleOrDefaultAsync(p => p.DocumentId == documentId && p.Number == number, cancellation);
        if (document is null || page is null || document.Stage != DocumentStage.Recognizing) return;
        if (page.Status is PageStatus.Recognized or PageStatus.Failed) return; // a redelivery: the page and what followed were saved together
        if (page.Attempts >= options.Worker.MaxPageAttempts)
        {
            await FailAsync(context, document, page, $"{document.FileName}: page {number} could not be recognised in {page.Attempts} attempts", "attempts");
            return;
        }

        page.Status = PageStatus.Recognizing;
        page.Attempts++;
        page.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellation);

        var clock = Stopwatch.StartNew();
        var laps = new List<(string Step, TimeSpan At)>();
        Page recognized;
        byte[] jpeg, thumbnail;
        try
        {
            // Reading and decoding happen before an engine is taken, encoding after it is given back: the engine
            // (the scarce thing) only recognises, while the next page's message is already being read.
            if (page.SourceBlob is null)
                throw new UnreadableScanException(document.FileName, $"page {number} has no image of its own (it was split by an earlier version); re-OCR the document");
            var bytes = await blobs.ReadAllBytesAsync(BlobNames.Pages, page.SourceBlob, 0, cancellation);
            laps.Add(("read", clock.Elapsed));
            using var raw = await Task.Run(() => PageSource.Decode(document.FileName, number, bytes, page.SourceDpi, limits), cancellation);
            laps.Add(("decode", clock.Elapsed));
            using var result = await engines.RunAsync(engine =>
            {
                laps.Add(("wait for engine", clock.Elapsed));
                return PageRecognizer.Recognize(engine, engines.Options, raw, number);
            }, cancellation, (long)raw.Width * raw.Height);
            laps.Add(("recognise", clock.Elapsed));
            recognized = result.Page;
            (jpeg, thumbnail) = await Task.Run(() =>
            {
                using var small = result.Image.Scale(ThumbnailWidth / (float)result.Image.Width);
                return (result.Image.EncodeJpeg(), small.EncodeJpeg());
            }, cancellation);
            laps.Add(("encode image", clock.Elapsed));
        }
        catch (UnreadableScanException e)
        {
            await FailAsync(context, document, page, e.Message, "unreadable");
            return;
        }
        catch (OcrDeadlineExceededException e)
        {
            await FailAsync(context, document, page, $"{document.FileName}: page {number}: {e.Message}", "deadline");
            return;
        }

        var imageBlob = BlobNames.PageImage(documentId, number);
        using (var image = new MemoryStream(jpeg)) await blobs.PutAsync(BlobNames.Pages, imageBlob, image, overwrite: true, cancellation);
        using (var image = new MemoryStream(thumbnail)) await blobs.PutAsync(BlobNames.Pages, BlobNames.PageThumbnail(documentId, number), image, overwrite: true, cancellation);
        var ocrJson = JsonExporter.Write(new Transcript(document.FileName, [recognized]));
        double seconds = (laps.Single(l => l.Step == "recognise").At - laps.Single(l => l.Step == "wait for engine").At).TotalSeconds;
        await lifecycle.FinishPageAsync(document, () =>
        {
            page.OcrJson = ocrJson;
            page.ImageBlob = imageBlob;
            page.Status = PageStatus.Recognized;
            page.FailureReason = null;
            page.RecognitionSeconds = seconds;
            page.UpdatedAt = DateTime.UtcNow;
            return Task.CompletedTask;
        }, cancellation);
        metrics.PageRecognized(seconds);
        laps.Add(("store", clock.Elapsed));
        log.LogInformation("Recognised page {Page} of {DocumentId} in {Seconds:0.00} s ({Steps})", number, documentId, seconds,
            string.Join(", ", laps.Select((l, i) => $"{l.Step} {(l.At - (i == 0 ? TimeSpan.Zero : laps[i - 1].At)).TotalSeconds:0.00} s")));
    }

    /// <param name="kind">The kind of reason, for the metrics: unreadable, deadline, attempts.</param>
    private async Task FailAsync(ConsumeContext context, Document document, DocumentPage page, string reason, string kind)
    {
        metrics.PageFailed(kind);
        await lifecycle.FinishPageAsync(document, () =>
        {
            page.Status = PageStatus.Failed;
            page.FailureReason = reason;
            page.UpdatedAt = DateTime.UtcNow;
            return Task.CompletedTask;
        }, context.CancellationToken);
        log.LogWarning("Page {Page} of {DocumentId} failed: {Reason}", page.Number, document.Id, reason);
    }
}
