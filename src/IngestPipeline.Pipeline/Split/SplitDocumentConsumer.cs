using IngestPipeline.Contracts;
using IngestPipeline.Pipeline.Hosting;
using IngestPipeline.Pipeline.Lifecycle;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Infrastructure.Storage;
using IngestPipeline.Ocr.Imaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IngestPipeline.Pipeline.Split;

/// <summary>
/// Opens the original, records a row per page and takes each page's image out of it into a blob of its own (the scan's
/// own JPEG or PNG where the page is one): recognising a page then reads that blob, never the whole original again. A
/// page that cannot be read fails alone, with its reason; a file that is no scan, or has no readable page, fails the
/// document. Idempotent: a document past this stage is left alone, and a page already taken out is not taken again.
/// </summary>
public sealed class SplitDocumentConsumer(PipelineDbContext db, DocumentLifecycle lifecycle, IBlobStore blobs, ScanLimits limits, PipelineMetrics metrics,
    ILogger<SplitDocumentConsumer> log)
    : IConsumer<SplitDocument>
{
    public async Task Consume(ConsumeContext<SplitDocument> context)
    {
        using var timer = metrics.Time("split");
        var cancellation = context.CancellationToken;
        var document = await db.Documents.Include(d => d.Pages).SingleOrDefaultAsync(d => d.Id == context.Message.DocumentId, cancellation);
        if (document is null || document.Stage is not (DocumentStage.Registered or DocumentStage.Splitting)) return;

        lifecycle.StartSplitting(document);
        await lifecycle.SaveAsync(cancellation);

        Scan scan;
        try
        {
            scan = Scan.Open(document.FileName, await blobs.ReadAllBytesAsync(BlobNames.Originals, BlobNames.Original(document.Sha256), document.SizeBytes, cancellation), limits);
        }
        catch (UnreadableScanException e)
        {
            lifecycle.Fail(document, e.Message);
            await lifecycle.SaveAsync(cancellation);
            return;
        }
        using (scan)
        {
            for (int number = 1; number <= scan.PageCount; number++)
            {
                if (document.Pages.All(p => p.Number != number))
                    document.Pages.Add(new DocumentPage { DocumentId = document.Id, Number = number, Status = PageStatus.Pending, UpdatedAt = DateTime.UtcNow });
            }
            document.PageCount = scan.PageCount;
            await db.SaveChangesAsync(cancellation);
            foreach (var page in document.Pages.OrderBy(p => p.Number).Where(p => p.SourceBlob is null && p.Status != PageStatus.Failed))
            {
                await ExtractAsync(scan, document, page, cancellation);
                // Each page is kept as it is taken out, and the stage's clock moves on, so a long file is neither
                // started again by the sweeper nor, after a crash, extracted again from its first page.
                lifecycle.StillWorking(document);
                page.UpdatedAt = document.UpdatedAt;
                await db.SaveChangesAsync(cancellation);
            }
        }

        var readable = document.Pages.Where(p => p.Status != PageStatus.Failed).OrderBy(p => p.Number).ToList();
        if (readable.Count == 0)
        {
            var reasons = document.Pages.OrderBy(p => p.Number).Select(p => p.FailureReason ?? "").ToList();
            lifecycle.Fail(document, PageCompletion.NoPageReadReason(reasons));
            await lifecycle.SaveAsync(cancellation);
            return;
        }
        lifecycle.Split(document, readable.Where(p => p.Status != PageStatus.Recognized).Select(p => p.Number));
        await lifecycle.SaveAsync(cancellation);
    }

    private async Task ExtractAsync(Scan scan, Document document, DocumentPage page, CancellationToken cancellation)
    {
        PageSource source;
        try
        {
            source = await Task.Run(() => scan.ExtractPage(page.Number - 1), cancellation);
        }
        catch (UnreadableScanException e)
        {
            page.Status = PageStatus.Failed;
            page.FailureReason = e.Message;
            log.LogWarning("Page {Page} of {DocumentId} cannot be read: {Reason}", page.Number, document.Id, e.Message);
            return;
        }
        var name = BlobNames.PageSource(document.Id, page.Number, source.Extension);
        using (var stream = new MemoryStream(source.Encoded, writable: false))
            await blobs.PutAsync(BlobNames.Pages, name, stream, overwrite: true, cancellation);
        page.SourceBlob = name;
        page.SourceDpi = source.Dpi;
    }
}
