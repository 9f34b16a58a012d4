using IngestPipeline.Contracts;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Infrastructure.Storage;
using IngestPipeline.Ocr.Imaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Stages;

/// <summary>
/// Opens the original, counts its pages (from headers: nothing is decoded here), records a row per page and queues
/// each for recognition. A file that is no scan, or too large, fails the document here with the reason.
/// Idempotent: a document past this stage is left alone, and page rows already there are kept.
/// </summary>
public sealed class SplitDocumentConsumer(PipelineDbContext db, IBlobStore blobs, ScanLimits limits) : IConsumer<SplitDocument>
{
    public async Task Consume(ConsumeContext<SplitDocument> context)
    {
        var cancellation = context.CancellationToken;
        var document = await db.Documents.Include(d => d.Pages).SingleOrDefaultAsync(d => d.Id == context.Message.DocumentId, cancellation);
        if (document is null || document.Stage is not (DocumentStage.Registered or DocumentStage.Splitting)) return;

        var now = DateTime.UtcNow;
        document.Stage = DocumentStage.Splitting;
        document.StageChangedAt = document.UpdatedAt = now;
        await db.SaveChangesAsync(cancellation);

        int pageCount;
        try
        {
            var bytes = await Originals.ReadAsync(blobs, document, cancellation);
            using var scan = Scan.Open(document.FileName, bytes, limits);
            pageCount = scan.PageCount;
            if (pageCount == 0) throw new UnreadableScanException(document.FileName, "the file holds no pages");
        }
        catch (UnreadableScanException e)
        {
            await Failures.FailDocumentAsync(db, context, document, e.Message, cancellation);
            return;
        }

        for (int number = 1; number <= pageCount; number++)
        {
            if (document.Pages.All(p => p.Number != number))
                document.Pages.Add(new DocumentPage { DocumentId = document.Id, Number = number, Status = PageStatus.Pending, UpdatedAt = now });
        }
        document.PageCount = pageCount;
        document.Stage = DocumentStage.Recognizing;
        document.StageChangedAt = document.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellation);
        var pages = await context.GetSendEndpoint(CommandQueues.RecognizePage);
        await pages.SendBatch(Enumerable.Range(1, pageCount).Select(n => new RecognizePage(document.Id, n)), cancellation);
    }
}

/// <summary>Reads a document's original from blob storage.</summary>
internal static class Originals
{
    public static async Task<byte[]> ReadAsync(IBlobStore blobs, Document document, CancellationToken cancellation)
    {
        await using var stream = await blobs.OpenReadAsync(BlobNames.Originals, BlobNames.Original(document.Sha256), cancellation);
        using var buffer = new MemoryStream(document.SizeBytes > 0 && document.SizeBytes < int.MaxValue ? (int)document.SizeBytes : 0);
        await stream.CopyToAsync(buffer, cancellation);
        return buffer.ToArray();
    }
}
