using Hangfire;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Intake;
using IngestPipeline.Pipeline.Lifecycle;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Web.Api;
using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Pages;

/// <summary>One document: where it is, its pages, its published outputs, its history and any earlier version.</summary>
[Authorize(Policy = Policies.View)]
public sealed class DocumentModel(PipelineDbContext db, CommentBook comments) : PageModel
{
    public sealed record VersionRow(int Number, VersionKind Kind, string Author, DateTime CreatedAt, string? Comment, int Added, int Removed);

    public Document Document { get; private set; } = null!;
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public IReadOnlyList<(Publication Publication, IReadOnlyList<string> Formats)> Publications { get; private set; } = [];
    public DocumentVersion? Shown { get; private set; }
    public ReviewTask? Task { get; private set; }
    public IReadOnlyList<CommentBook.CommentView> Comments { get; private set; } = [];
    [TempData] public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? version, CancellationToken cancellation)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Pages).SingleOrDefaultAsync(d => d.Id == id, cancellation);
        if (document is null) return NotFound();
        Document = document;
        Task = await db.ReviewTasks.AsNoTracking().SingleOrDefaultAsync(t => t.DocumentId == id, cancellation);
        var versions = await db.Versions.AsNoTracking().Where(v => v.DocumentId == id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Kind, v.Author, v.CreatedAt, v.Comment, v.Diff }).ToListAsync(cancellation);
        Versions = versions.Select(v => new VersionRow(v.Number, v.Kind, v.Author, v.CreatedAt, v.Comment,
            v.Diff.Split('\n').Count(l => l.StartsWith("+ ", StringComparison.Ordinal)),
            v.Diff.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)))).ToList();
        Publications = (await db.Publications.AsNoTracking().Where(p => p.DocumentId == id).OrderByDescending(p => p.Version).ToListAsync(cancellation))
            .Select(p => (p, (IReadOnlyList<string>)Downloads.Formats(p).Keys.ToList())).ToList();
        if (version is { } n) Shown = await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.DocumentId == id && v.Number == n, cancellation);
        Comments = await comments.OfDocumentAsync(id, cancellation);
        await comments.MarkSeenAsync(User.Identity!.Name!, id, cancellation);
        return Page();
    }

    /// <summary>Makes an earlier version the text again, as a new version (reviewers; while the document can be edited).</summary>
    public async Task<IActionResult> OnPostRestoreAsync(Guid id, int version, [FromServices] ReviewService review, CancellationToken cancellation)
    {
        if (!User.IsInRole(Roles.Reviewer) && !User.IsInRole(Roles.Admin)) return Forbid();
        var result = await review.RestoreAsync(id, User.Identity!.Name!, version, cancellation);
        if (result.Outcome == ReviewOutcome.NotFound) return NotFound();
        Saved = result.Message;
        return Redirect($"/documents/{id}");
    }

    /// <summary>Reopens a published document for a correction (reviewers), and opens its review page.</summary>
    public async Task<IActionResult> OnPostReopenAsync(Guid id, [FromServices] ReviewService review, CancellationToken cancellation)
    {
        if (!User.IsInRole(Roles.Reviewer) && !User.IsInRole(Roles.Admin)) return Forbid();
        var result = await review.ReopenAsync(id, User.Identity!.Name!, cancellation);
        if (result.Outcome == ReviewOutcome.NotFound) return NotFound();
        Saved = result.Message;
        return Redirect(result.Outcome == ReviewOutcome.Saved ? $"/review/{id}" : $"/documents/{id}");
    }

    /// <summary>Replaces a failed document with the mended file (staff, admins): in its place in its batch, then on to the new one's page.</summary>
    public async Task<IActionResult> OnPostReplaceAsync(Guid id, IFormFile? file, [FromServices] FailedDocumentRemover remover, CancellationToken cancellation)
    {
        if (!User.IsInRole(Roles.Staff) && !User.IsInRole(Roles.Admin)) return Forbid();
        if (file is null || file.Length == 0)
        {
            Saved = "Choose the mended file first.";
            return Redirect($"/documents/{id}");
        }
        await using var content = file.OpenReadStream();
        var (outcome, message, registration) = await remover.ReplaceAsync(id, content, file.FileName, cancellation);
        if (outcome == FailedDocumentRemover.Outcome.NotFound) return NotFound();
        Saved = message;
        return Redirect($"/documents/{(outcome == FailedDocumentRemover.Outcome.Removed ? registration!.Document.Id : id)}");
    }

    /// <summary>Deletes a failed document (staff, admins), so the mended file can be uploaded again.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, [FromServices] FailedDocumentRemover remover, CancellationToken cancellation)
    {
        if (!User.IsInRole(Roles.Staff) && !User.IsInRole(Roles.Admin)) return Forbid();
        var (outcome, message) = await remover.RemoveAsync(id, cancellation);
        if (outcome == FailedDocumentRemover.Outcome.NotFound) return NotFound();
        if (outcome == FailedDocumentRemover.Outcome.NotFailed)
        {
            Saved = message;
            return Redirect($"/documents/{id}");
        }
        TempData["Message"] = message;
        return Redirect("/queue?status=all");
    }

    public IActionResult OnPostReprocess(Guid id, [FromServices] IBackgroundJobClient jobs)
    {
        if (!User.IsInRole(Roles.Admin)) return Forbid();
        jobs.Enqueue<ReprocessJob>(j => j.ReprocessDocumentAsync(id, CancellationToken.None));
        Saved = "Re-OCR queued: the document goes through the stages again and comes back to the review queue.";
        return Redirect($"/documents/{id}");
    }
}
