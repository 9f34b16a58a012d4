using IngestPipeline.Infrastructure.State;
using IngestPipeline.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Intake;

/// <summary>
/// Deletes a document that failed, with its pages, history and stored files: staff then upload the mended file, or
/// the same one after a fix elsewhere (the same bytes would otherwise be the failed document again). Only a failed
/// document: any other is someone's work.
/// </summary>
public sealed class FailedDocumentRemover(PipelineDbContext db, IBlobStore blobs)
{
    public enum Outcome { Removed, NotFailed, NotFound }

    public async Task<(Outcome Outcome, string Message)> RemoveAsync(Guid id, CancellationToken cancellation = default)
    {
        var document = await db.Documents.Include(d => d.Pages).SingleOrDefaultAsync(d => d.Id == id, cancellation);
        if (document is null) return (Outcome.NotFound, $"There is no document {id}.");
        if (document.Stage != DocumentStage.Failed)
            return (Outcome.NotFailed, $"\"{document.FileName}\" is {document.Stage.ToString().ToLowerInvariant()}: only a failed document can be deleted.");
        var pageFiles = document.Pages
            .SelectMany(p => new[] { p.SourceBlob, p.ImageBlob, p.ImageBlob is null ? null : BlobNames.PageThumbnail(id, p.Number) })
            .OfType<string>().ToList();
        db.Documents.Remove(document); // pages, versions, the review task and publications go with it (cascade)
        await db.SaveChangesAsync(cancellation);
        // The rows first: a file left behind by a crash here is only space, a row naming a deleted file would be a fault.
        foreach (var name in pageFiles) await blobs.DeleteAsync(BlobNames.Pages, name, cancellation);
        await blobs.DeleteAsync(BlobNames.Originals, BlobNames.Original(document.Sha256), cancellation);
        return (Outcome.Removed, $"\"{document.FileName}\" is deleted; upload the mended file again.");
    }
}
