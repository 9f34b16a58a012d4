using IngestPipeline.Infrastructure.State;
using IngestPipeline.Infrastructure.Storage;
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

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/documents", async (PipelineDbContext db, DocumentStage? stage, string? collection, int? minFlags, int? skip, int? take, CancellationToken cancellation) =>
        {
            var query = db.Documents.AsNoTracking();
            if (stage is { } s) query = query.Where(d => d.Stage == s);
            if (!string.IsNullOrEmpty(collection)) query = query.Where(d => d.Collection == collection);
            if (minFlags is { } f) query = query.Where(d => d.FlagCount >= f);
            int from = Math.Max(0, skip ?? 0), count = Math.Clamp(take ?? 50, 1, 500);
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

        app.MapGet("/api/documents/{id:guid}/pages/{number:int}/image", async (Guid id, int number, PipelineDbContext db, IBlobStore blobs, CancellationToken cancellation) =>
        {
            var blob = await db.Pages.Where(p => p.DocumentId == id && p.Number == number).Select(p => p.ImageBlob).SingleOrDefaultAsync(cancellation);
            if (blob is null) return Results.Problem($"Page {number} of document {id} has no image yet.", statusCode: 404);
            return Results.Stream(await blobs.OpenReadAsync(BlobNames.Pages, blob, cancellation), "image/jpeg");
        });

        app.MapGet("/api/review-queue", async (PipelineDbContext db, CancellationToken cancellation) =>
            Results.Ok(await db.ReviewTasks.AsNoTracking().OrderBy(r => r.QueuedAt)
                .Join(db.Documents, r => r.DocumentId, d => d.Id, (r, d) => new { r.Id, r.DocumentId, d.FileName, r.QueuedAt, d.FlagCount, d.MeanConfidence })
                .ToListAsync(cancellation)));

        app.MapGet("/api/ingestion-runs", async (PipelineDbContext db, CancellationToken cancellation) =>
            Results.Ok(await db.IngestionRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(50).ToListAsync(cancellation)));
    }

    private static IResult NotFound(Guid id) => Results.Problem($"There is no document {id}.", statusCode: 404);

    private static IResult NotReady(Guid id) => Results.Problem($"Document {id} has no transcript yet; see its stage at /api/documents/{id}.", statusCode: 409);
}
