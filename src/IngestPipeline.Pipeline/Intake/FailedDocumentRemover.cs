using IngestPipeline.Infrastructure.State;
using IngestPipeline.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Intake;

/// <summary>
/// Deletes a document that failed, with its pages, history and stored files: staff then upload the mended file, or
/// the same one after a fix elsewhere (the same bytes would otherwise be the failed document again); or replaces it
/// with the mended file in one step, in its place in its batch. Only a failed document: any other is someone's work.
/// </summary>
public sealed class FailedDocumentRemover(PipelineDbContext db, IBlobStore blobs, DocumentRegistrar registrar)
{
    public enum Outcome { Removed, NotFailed, NotFound, Refused }

    /// <summary>
    /// Registers the mended file with the failed document's collection and record, puts it in the failed one's place in
    /// its batch, then deletes the failed one. The failed document stays when the new file is refused, or is the same
    /// bytes (nothing would change).
    /// </summary>
    public async Task<(Outcome Outcome, string Message, Registration? Registration)> ReplaceAsync(Guid id, Stream content, string fileName, CancellationToken cancellation = default)
    {
        var failed = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellation);
        if (failed is null) return (Outcome.NotFound, $"There is no document {id}.", null);
        if (failed.Stage != DocumentStage.Failed)
            return (Outcome.NotFailed, $"\"{failed.FileName}\" is {failed.Stage.ToString().ToLowerInvariant()}: only a failed document can be replaced.", null);
        Registration registration;
        try
        {
            registration = await registrar.RegisterAsync(content, fileName, new UploadDetails(failed.Collection, failed.SourceArchive, failed.RecordId), cancellation);
        }
        catch (UploadRejectedException e)
        {
            return (Outcome.Refused, e.Message, null);
        }
        if (registration.Document.Id == id)
            return (Outcome.Refused, $"{DocumentRegistrar.DisplayName(fileName)} is the same file as the one that failed: mend it first, or have it read again.", null);
        await db.BatchEntries.Where(e => e.DocumentId == id).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.DocumentId, registration.Document.Id)
            .SetProperty(e => e.FileName, registration.Document.FileName)
            .SetProperty(e => e.Duplicate, registration.Duplicate), cancellation);
        var (removed, message) = await RemoveAsync(id, cancellation);
        return removed == Outcome.Removed
            ? (Outcome.Removed, $"\"{failed.FileName}\" is replaced by \"{registration.Document.FileName}\"{(registration.Duplicate ? ", a document already there" : "")}.", registration)
            : (removed, message, registration);
    }

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
