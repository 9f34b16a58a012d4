using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Review;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Api;

/// <summary>
/// Review by a program (a script that takes a collection's texts from elsewhere, a second review tool): the lines as
/// the review page shows them, and a save, approval or rejection with the page's rules (a save names the revision it
/// was made against; another save in between is a conflict, nothing is overwritten).
/// </summary>
public static class ReviewEndpoints
{
    public sealed record FlagView(FlagKind Kind, int Start, int Length, int[] Box, string? Guess, float Confidence, float? Probability, bool Kept);

    public sealed record LineView(int Page, int Line, string Text, int[] Box, IReadOnlyList<FlagView> Flags);

    public sealed record ReviewSheetView(Guid Document, DocumentStage Stage, int Revision, int Version, IReadOnlyList<LineView> Lines);

    /// <param name="Lines">The lines whose text changes (page from 1, line as <see cref="LineView.Line"/>); the others stay.</param>
    /// <param name="Decision">save, approve or reject (a rejection says why in <paramref name="Comment"/>).</param>
    /// <param name="Kept">Flagged words kept as they are: page, line and the word's place in the line (from 0).</param>
    public sealed record ReviewPost(int Revision, IReadOnlyList<LineEdit>? Lines, string Decision, string? Comment, IReadOnlyList<KeptWord>? Kept, int Seconds = 0);

    public static void MapReviewEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/documents/{id:guid}/review", async (Guid id, PipelineDbContext db, CancellationToken cancellation) =>
        {
            var document = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Stage, d.TranscriptJson }).SingleOrDefaultAsync(cancellation);
            var task = await db.ReviewTasks.AsNoTracking().Where(t => t.DocumentId == id).Select(t => new { t.Revision }).SingleOrDefaultAsync(cancellation);
            if (document?.TranscriptJson is null || task is null) return Results.Problem($"Document {id} is not in the review queue.", statusCode: 404);
            int version = await db.Versions.Where(v => v.DocumentId == id).MaxAsync(v => v.Number, cancellation);
            var lines = ReviewSheet.Of(JsonExporter.Read(document.TranscriptJson)).Select(l => new LineView(l.Page, l.Index, l.Text, Box(l.Box),
                l.Flags.Select(f => new FlagView(f.Kind, f.Start, f.Length, Box(f.Box), f.Guess, f.Confidence, f.Probability, f.Kept)).ToList())).ToList();
            return Results.Ok(new ReviewSheetView(id, document.Stage, task.Revision, version, lines));
        })
        .RequireAuthorization(Policies.Review);

        routes.MapPost("/api/documents/{id:guid}/review", async (Guid id, ReviewPost post, HttpContext http, PipelineDbContext db, ReviewService review, CancellationToken cancellation) =>
        {
            ReviewDecision? decision = post.Decision switch { "save" => ReviewDecision.Save, "approve" => ReviewDecision.Approve, "reject" => ReviewDecision.Reject, _ => null };
            if (decision is null) return Results.Problem($"The decision \"{post.Decision}\" is none of save, approve and reject.", statusCode: 400);
            var transcript = await db.Documents.Where(d => d.Id == id).Select(d => d.TranscriptJson).SingleOrDefaultAsync(cancellation);
            if (transcript is null) return Results.Problem($"Document {id} is not in the review queue.", statusCode: 404);
            // The metadata as it stands: this API edits the text.
            var draft = new ReviewDraft(post.Lines ?? [], ReviewedMetadata.Of(JsonExporter.Read(transcript).Metadata)) { Kept = post.Kept ?? [] };
            var result = await review.SubmitAsync(id, http.User.Identity!.Name!, post.Revision, draft, decision.Value, post.Comment, cancellation, seconds: post.Seconds);
            var body = new { outcome = result.Outcome.ToString(), revision = result.Revision, message = result.Message };
            return result.Outcome switch
            {
                ReviewOutcome.Saved => Results.Ok(body),
                ReviewOutcome.Conflict => Results.Json(body, statusCode: 409),
                ReviewOutcome.NotFound => Results.Json(body, statusCode: 404),
                _ => Results.Json(body, statusCode: 400),
            };
        })
        .RequireAuthorization(Policies.Review)
        .RequireAntiforgeryForCookies();
    }

    private static int[] Box(Domain.Transcripts.BoundingBox box) => [box.Left, box.Top, box.Right, box.Bottom];
}
