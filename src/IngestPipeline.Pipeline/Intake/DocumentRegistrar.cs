using System.Security.Cryptography;
using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Infrastructure.Storage;
using IngestPipeline.Ocr.Imaging;
using IngestPipeline.Pipeline.Lifecycle;
using IngestPipeline.Pipeline.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IngestPipeline.Pipeline.Intake;

/// <summary>What staff may say about an upload besides the file itself.</summary>
public sealed record UploadDetails(string? Collection = null, string? SourceArchive = null, string? RecordId = null);

/// <summary>The document a file became, and whether the same bytes were there already.</summary>
public sealed record Registration(Document Document, bool Duplicate);

/// <summary>
/// Takes a file into the pipeline: stores the original once under the SHA-256 of its bytes, records the document,
/// and asks for it to be split (in the same transaction as the record). The same bytes again give the document
/// already there. A crash between the steps loses nothing: the original is stored before the record.
/// </summary>
public sealed class DocumentRegistrar(PipelineDbContext db, DocumentLifecycle lifecycle, IBlobStore blobs, Assignments assignments, PipelineOptions options, ILogger<DocumentRegistrar> log)
{
    /// <summary>Larger uploads are refused before anything is stored.</summary>

    public async Task<Registration> RegisterAsync(Stream content, string fileName, UploadDetails details, CancellationToken cancellation = default)
    {
        var displayName = DisplayName(fileName);
        // The bytes are spooled to a temporary file while hashed: a large scan never sits in memory.
        var spool = ScratchSpace.NewFilePath("upload");
        try
        {
            string sha256;
            long size;
            await using (var file = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous))
            {
                using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = await content.ReadAsync(buffer, cancellation)) > 0)
                    {
                        if (file.Length + read > options.Limits.MaxUploadBytes)
                            throw new UploadRejectedException($"{displayName}: the file is larger than the limit of {Megabytes(options.Limits.MaxUploadBytes)}");
                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellation);
                    }
                    sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
                }
                size = file.Length;
                if (size == 0) throw new UploadRejectedException($"{displayName}: the file is empty");

                var existing = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Sha256 == sha256, cancellation);
                if (existing is not null) return new Registration(existing, Duplicate: true);

                file.Position = 0;
                await blobs.PutAsync(BlobNames.Originals, BlobNames.Original(sha256), file, overwrite: false, cancellation);
            }

            var document = new Document
            {
                Id = Guid.NewGuid(), Sha256 = sha256, FileName = displayName, SizeBytes = size,
                Collection = Trim(details.Collection), SourceArchive = Trim(details.SourceArchive), RecordId = Trim(details.RecordId),
            };
            document.AssignedTo = await assignments.ForNewDocumentAsync(document.Collection, cancellation); // a collection given to a reviewer
            lifecycle.Register(document);
            try
            {
                await lifecycle.SaveAsync(cancellation);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                var raced = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Sha256 == sha256, cancellation);
                if (raced is null) throw;
                return new Registration(raced, Duplicate: true); // the same bytes arrived twice at once
            }
            log.LogInformation("Registered {FileName} as {DocumentId} ({Bytes} bytes, sha256 {Sha256})", displayName, document.Id, size, sha256);
            return new Registration(document, Duplicate: false);
        }
        finally
        {
            File.Delete(spool);
        }
    }

    /// <summary>
    /// The name to show: the last path segment, control characters removed, at most 200 characters. It is only ever
    /// displayed; blobs are named by hash and id.
    /// </summary>
    public static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";

    public static string DisplayName(string fileName)
    {
        var last = fileName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c) && c != '\uFFFD').ToArray()).Trim();
        if (clean is "" or "." or "..") clean = "unnamed";
        return clean.Length <= 200 ? clean : clean[..200];
    }

    private static string? Trim(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed[..Math.Min(200, trimmed.Length)];
    }
}

/// <summary>An upload the pipeline will not take, with the reason in words staff understand.</summary>
public sealed class UploadRejectedException(string message) : Exception(message);
