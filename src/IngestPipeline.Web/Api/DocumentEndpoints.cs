using IngestPipeline.Infrastructure.State;
using IngestPipeline.Infrastructure.Storage;
using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Api;

/// <summary>Status and results of documents, the review queue and the ingestion runs.</summary>
public static class DocumentEndpoints
{
    public sealed record PageView(int Number, PageStatus Status, int Attempts, string? FailureReason, double? RecognitionSeconds);

    public sealed record DocumentView(
        Guid Id, string FileName, string Sha256, long SizeBytes, string? Collection, string? SourceArchive, string? RecordId,
        DocumentStage Stage, string? FailureReason, int PageCount, int FlagCount, float MeanConfidence,
        DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<PageView> Pages);

    public sealed record DocumentSummary(Guid Id, string FileName, string? Collection, DocumentStage Stage, string? FailureReason,
        int PageCount, int FlagCount, float MeanConfidence, DateTime CreatedAt, DateTime UpdatedAt);

    public sealed record DocumentList(int Total, int Skip, int Take, IReadOnlyList<DocumentSummary> Items);

    public sealed record ReviewQueueEntry(Guid Id, Guid DocumentId, string FileName, DateTime QueuedAt, int FlagCount, float MeanConfidence);

    public sealed record ReviewQueue(int Total, int Skip, int Take, IReadOnlyList<ReviewQueueEntry> Items);

    public sealed record StageView(Guid Id, string FileName, DocumentStage Stage, string? FailureReason, int PageCount, int PagesRecognized, int FlagCount);

    public sealed record PublicationView(int Version, DateTime PublishedAt, IReadOnlyList<string> Formats);

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder routes)
    {
        var app = routes.MapGroup("").RequireAuthorization(Policies.View);
        app.MapGet("/api/documents", async (PipelineDbContext db, DocumentStage? stage, string? collection, int? minFlags, int? skip, int? take, CancellationToken cancellation) =>
        {
            var query = db.Documents.AsNoTracking();
            if (stage is { } s) query = query.Where(d => d.Stage == s);
            if (!string.IsNullOrEmpty(collection)) query = query.Where(d => d.Collection == collection);
            if (minFlags is { } f) query = query.Where(d => d.FlagCount >= f);
            var (from, count) = Paging(skip, take);
            var total = await query.CountAsync(cancellation);
            var items = await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).Skip(from).Take(count)
                .Select(d => new DocumentSummary(d.Id, d.FileName, d.Collection, d.Stage, d.FailureReason, d.PageCount, d.FlagCount, d.MeanConfidence, d.CreatedAt, d.UpdatedAt))
                .ToListAsync(cancellation);
            return Results.Ok(new DocumentList(total, from, count, items));
        });

        app.MapGet("/api/documents/{id:guid}", async (Guid id, PipelineDbContext db, CancellationToken cancellation) =>
        {
            var d = await db.Documents.AsNoTracking().Include(x => x.Pages).SingleOrDefaultAsync(x => x.Id == id, cancellation);
            return d is null ? NotFound(id) : Results.Ok(new DocumentView(d.Id, d.FileName, d.Sha256, d.SizeBytes, d.Collection, d.SourceArchive, d.RecordId,
                d.Stage, d.FailureReason, d.PageCount, d.FlagCount, d.MeanConfidence, d.CreatedAt, d.UpdatedAt,
                d.Pages.OrderBy(p => p.Number).Select(p => new PageView(p.Number, p.Status, p.Attempts, p.FailureReason, p.RecognitionSeconds)).ToList()));
        });

        app.MapGet("/api/documents/{id:guid}/text", async (Guid id, PipelineDbContext db, CancellationToken cancellation) =>
        {
            var text = await db.Documents.Where(d => d.Id == id).Select(d => new { d.Text }).SingleOrDefaultAsync(cancellation);
            return text is null ? NotFound(id) : text.Text is null ? NotReady(id) : Results.Text(text.Text, "text/plain; charset=utf-8");
        });

        app.MapGet("/api/documents/{id:guid}/transcript", async (Guid id, PipelineDbContext db, CancellationToken cancellation) =>
        {
            var json = await db.Documents.Where(d => d.Id == id).Select(d => new { d.TranscriptJson }).SingleOrDefaultAsync(cancellation);
            return json is null ? NotFound(id) : json.TranscriptJson is null ? NotReady(id) : Results.Text(json.TranscriptJson, "application/json; charset=utf-8");
        });

        app.MapGet("/api/documents/{id:guid}/pages/{number:int}/image", PageImageAsync);

        // Lists show the first page small: a copy made when the page was read (pages read before there were thumbnails have none).
        app.MapGet("/api/documents/{id:guid}/pages/{number:int}/thumbnail", async (Guid id, int number, HttpContext http, PipelineDbContext db, IBlobStore blobs, CancellationToken cancellation) =>
        {
            var missing = Results.Problem($"Page {number} of document {id} has no thumbnail.", statusCode: 404);
            if (!await db.Pages.AnyAsync(p => p.DocumentId == id && p.Number == number && p.ImageBlob != null, cancellation)) return missing;
            Stream thumbnail;
            try
            {
                thumbnail = await blobs.OpenReadAsync(BlobNames.Pages, BlobNames.PageThumbnail(id, number), cancellation);
            }
            catch (BlobNotFoundException)
            {
                return missing; // one call to the store, not a look and then a read: a queue page asks for 25 of these
            }
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.Stream(thumbnail, "image/jpeg");
        });

        // Oldest first, a page at a time like every list: a queue of thousands is never one answer.
        app.MapGet("/api/review-queue", async (PipelineDbContext db, int? skip, int? take, CancellationToken cancellation) =>
        {
            var (from, count) = Paging(skip, take);
            var total = await db.ReviewTasks.CountAsync(cancellation);
            var items = await db.ReviewTasks.AsNoTracking().OrderBy(r => r.QueuedAt).ThenBy(r => r.Id).Skip(from).Take(count)
                .Join(db.Documents, r => r.DocumentId, d => d.Id, (r, d) => new ReviewQueueEntry(r.Id, r.DocumentId, d.FileName, r.QueuedAt, d.FlagCount, d.MeanConfidence))
                .ToListAsync(cancellation);
            return Results.Ok(new ReviewQueue(total, from, count, items));
        });

        // Progress of a batch, for the upload page: one query however many documents it follows.
        app.MapGet("/api/documents/stages", async (PipelineDbContext db, [FromQuery] Guid[] id, CancellationToken cancellation) =>
            Results.Ok(await db.Documents.AsNoTracking().Where(d => id.Take(200).Contains(d.Id))
                .Select(d => new StageView(d.Id, d.FileName, d.Stage, d.FailureReason, d.PageCount,
                    db.Pages.Count(p => p.DocumentId == d.Id && p.Status == PageStatus.Recognized), d.FlagCount))
                .ToListAsync(cancellation)));

        app.MapGet("/api/documents/{id:guid}/publications", async (Guid id, PipelineDbContext db, CancellationToken cancellation) =>
            Results.Ok((await db.Publications.AsNoTracking().Where(p => p.DocumentId == id).OrderByDescending(p => p.Version).ToListAsync(cancellation))
                .Select(p => new PublicationView(p.Version, p.PublishedAt, Downloads.Formats(p).Keys.ToList()))));

        app.MapGet("/api/documents/{id:guid}/published/{format}", async (Guid id, string format, int? version, PipelineDbContext db, IBlobStore blobs, CancellationToken cancellation) =>
        {
            var publication = await db.Publications.AsNoTracking().Where(p => p.DocumentId == id && (version == null || p.Version == version))
                .OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellation);
            if (publication is null) return Results.Problem($"Document {id} has no publication{(version is null ? "" : $" of version {version}")}.", statusCode: 404);
            if (!Downloads.Formats(publication).TryGetValue(format, out var blob) || !Downloads.ContentTypes.TryGetValue(format, out var type))
                return Results.Problem($"There is no \"{format}\" output; there are {string.Join(", ", Downloads.Formats(publication).Keys)}.", statusCode: 404);
            var name = await db.Documents.Where(d => d.Id == id).Select(d => d.FileName).SingleAsync(cancellation);
            return Results.Stream(await blobs.OpenReadAsync(BlobNames.Outputs, blob, cancellation), type, Downloads.FileName(name, publication.Version, blob));
        });

        app.MapGet("/api/ingestion-runs", async (PipelineDbContext db, CancellationToken cancellation) =>
            Results.Ok(await db.IngestionRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(50).ToListAsync(cancellation)));
    }

    /// <summary>A page's processed image (JPEG), as the review page and the IIIF image service show it.</summary>
    internal static async Task<IResult> PageImageAsync(Guid id, int number, HttpContext http, PipelineDbContext db, IBlobStore blobs, CancellationToken cancellation)
    {
        var blob = await db.Pages.Where(p => p.DocumentId == id && p.Number == number).Select(p => p.ImageBlob).SingleOrDefaultAsync(cancellation);
        if (blob is null) return Results.Problem($"Page {number} of document {id} has no image yet.", statusCode: 404);
        http.Response.Headers.CacheControl = "private, max-age=3600"; // a page image never changes under its name
        return Results.Stream(await blobs.OpenReadAsync(BlobNames.Pages, blob, cancellation), "image/jpeg");
    }

    /// <summary>Where a list starts and how many it gives: 50 unless asked, never more than 500.</summary>
    private static (int From, int Count) Paging(int? skip, int? take) => (Math.Max(0, skip ?? 0), Math.Clamp(take ?? 50, 1, MaxTake));

    public const int MaxTake = 500;

    internal static IResult NotFound(Guid id) => Results.Problem($"There is no document {id}.", statusCode: 404);

    internal static IResult NotReady(Guid id) => Results.Problem($"Document {id} has no transcript yet; see its stage at /api/documents/{id}.", statusCode: 409);
}
