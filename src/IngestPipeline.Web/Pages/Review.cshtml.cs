using System.Text.Json;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Review;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Pages;

/// <summary>
/// The review page: the scan beside the editable lines, every flag one key away. A save names the revision the
/// page was opened at, so a save over someone else's is refused (<see cref="ReviewService"/>).
/// </summary>
[Authorize(Policy = Policies.Review)]
[RequestFormLimits(ValueCountLimit = MaxFormValues)]
public sealed class ReviewModel(PipelineDbContext db, ReviewService review, CommentBook comments) : PageModel
{
    /// <summary>
    /// A field a line, so a long document's form has thousands (the default stops at 1,024); the request's own limit
    /// (<see cref="Security.RequestBodyLimits.DefaultBytes"/>) bounds what they may hold.
    /// </summary>
    public const int MaxFormValues = 50_000;

    /// <summary>Form field names of the lines: <c>line:PAGE:INDEX</c>.</summary>
    public const string LinePrefix = "line:";

    /// <summary>A page of the scan and the marks on it that are not text, outlined faintly so a reviewer can still read them.</summary>
    public sealed record PageView(int Number, int Width, int Height, IReadOnlyList<PageRegion> Regions)
    {
        public static string TitleOf(PageRegion region) =>
            region.Reading.Length == 0 ? RegionKinds.Name(region.Kind) : $"{RegionKinds.Name(region.Kind)}, read as: {region.Reading}";
    }

    public Guid Id { get; private set; }
    public string FileName { get; private set; } = "";
    public DocumentStage Stage { get; private set; }
    public IReadOnlyList<PageView> Pages { get; private set; } = [];
    public IReadOnlyList<ReviewLine> Lines { get; private set; } = [];

    /// <summary>Pages that could not be read (they have no lines), with the reason: the reviewer must know text is missing.</summary>
    public IReadOnlyList<(int Number, string Reason)> FailedPages { get; private set; } = [];

    /// <summary>The text each line shows: the saved one, or the reviewer's draft or posted text.</summary>
    public Dictionary<(int Page, int Index), string> Texts { get; } = [];

    public ReviewedMetadata Extracted { get; private set; } = new(null, null, null, null, null, null);
    [BindProperty] public ReviewedMetadata Metadata { get; set; } = new(null, null, null, null, null, null);
    [BindProperty] public int Revision { get; set; }

    /// <summary>The version the page shows, against which a save made after someone else's is merged.</summary>
    [BindProperty] public int? OpenedVersion { get; set; }
    [BindProperty] public string? Comment { get; set; }

    /// <summary>The seconds the page was visible and in use before this post (counted by the page).</summary>
    [BindProperty] public int Seconds { get; set; }
    public string? ClaimedBy { get; private set; }

    /// <summary>The number of the document's newest version (read once, with the suggestion below).</summary>
    private int? LatestVersion { get; set; }

    /// <summary>A reading by the pipeline newer than the reviewer's text (a re-OCR), offered beside it: its version and when.</summary>
    public (int Number, DateTime At)? Suggestion { get; private set; }

    /// <summary>The suggestion's reading of each line it reads differently (<see cref="SuggestedLines"/>), to take line by line.</summary>
    public IReadOnlyDictionary<(int Page, int Line), string> SuggestedTexts { get; private set; } = new Dictionary<(int, int), string>();
    public string? Notice { get; private set; }
    public string? Error { get; private set; }
    [TempData] public string? Saved { get; set; }

    /// <summary>A conflict met by the last save, shown once when the page is opened again after it.</summary>
    [TempData] public string? Conflict { get; set; }
    public bool Editable => Stage is DocumentStage.AwaitingReview or DocumentStage.Rejected;
    public int FlagCount => Lines.Sum(l => l.Flags.Count);

    /// <summary>The reviewers' comments, by the line they are about ((null, null) for the whole document).</summary>
    public ILookup<(int? Page, int? Line), CommentBook.CommentView> Comments { get; private set; } = Array.Empty<CommentBook.CommentView>().ToLookup(c => (c.Page, c.Line));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        if (!await LoadAsync(id, cancellation))
            // Being read (again): its page says where it is, and the review page opens once it awaits review.
            return await db.Documents.AnyAsync(d => d.Id == id, cancellation) ? Redirect($"/documents/{id}") : NotFound();
        var task = await db.ReviewTasks.AsNoTracking().SingleAsync(t => t.DocumentId == id, cancellation);
        await comments.MarkSeenAsync(User.Identity!.Name!, id, cancellation); // the comments naming this reviewer are read
        Revision = task.Revision;
        OpenedVersion = LatestVersion;
        Error = Conflict;
        if (task.DraftBy == User.Identity!.Name && ReviewService.ReadDraft(task.DraftJson) is { } draft)
        {
            Use(draft);
            Notice = $"Your unsaved draft from {task.DraftSavedAt:yyyy-MM-dd HH:mm} UTC is restored. Save to keep it as a version.";
        }
        else if (task.DraftBy is { } other && task.DraftJson is not null)
            Notice = $"{other} has unsaved changes to this document (autosaved {task.DraftSavedAt:HH:mm} UTC).";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string decision, CancellationToken cancellation)
    {
        var draft = Posted();
        var kind = decision switch { "approve" => ReviewDecision.Approve, "reject" => ReviewDecision.Reject, _ => ReviewDecision.Save };
        var result = await review.SubmitAsync(id, User.Identity!.Name!, Revision, draft, kind, Comment, cancellation, OpenedVersion, Seconds);
        if (result.Outcome == ReviewOutcome.Saved)
        {
            Saved = result.Message;
            if (kind != ReviewDecision.Approve) return Redirect(kind == ReviewDecision.Save ? $"/review/{id}" : $"/documents/{id}");
            // Approved: on to the next cable of the queue, as a reviewer works through a batch.
            var next = await NextInQueueAsync(id, cancellation);
            var approved = await db.Documents.Where(d => d.Id == id).Select(d => d.FileName).SingleAsync(cancellation);
            if (next is null)
            {
                Saved = null;
                TempData["Message"] = $"{approved}: {result.Message} Nothing else awaits review.";
                return Redirect("/queue");
            }
            Saved = $"{approved}: {result.Message} This is the next cable in the queue.";
            return Redirect($"/review/{next}");
        }
        if (result.Outcome == ReviewOutcome.Conflict)
        {
            // The reviewer's text is their draft now (ReviewService kept it): the page is opened again by GET, so
            // reloading it sends nothing again.
            Conflict = result.Message;
            return Redirect($"/review/{id}");
        }
        // The page is built only when it is shown again, with what the reviewer typed: nothing is lost.
        if (result.Outcome == ReviewOutcome.NotFound || !await LoadAsync(id, cancellation)) return NotFound();
        Use(draft);
        Error = result.Message;
        Response.StatusCode = result.Outcome == ReviewOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The oldest other document awaiting review that nobody else has claimed; null when there is none.</summary>
    private async Task<Guid?> NextInQueueAsync(Guid after, CancellationToken cancellation)
    {
        var me = User.Identity!.Name;
        return await db.ReviewTasks.AsNoTracking()
            .Join(db.Documents, t => t.DocumentId, d => d.Id, (t, d) => new { t, d })
            .Where(x => x.d.Id != after && (x.d.Stage == DocumentStage.AwaitingReview || x.d.Stage == DocumentStage.Rejected)
                && (x.t.ClaimedBy == null || x.t.ClaimedBy == me))
            .OrderBy(x => x.t.QueuedAt).Select(x => (Guid?)x.d.Id).FirstOrDefaultAsync(cancellation);
    }

    /// <summary>Takes the pipeline's suggestion (or any version) as the document's text, as a new version.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(Guid id, int version, CancellationToken cancellation)
    {
        var result = await review.RestoreAsync(id, User.Identity!.Name!, version, cancellation);
        if (result.Outcome == ReviewOutcome.NotFound) return NotFound();
        if (result.Outcome == ReviewOutcome.Saved) Saved = result.Message;
        else Conflict = result.Message;
        return Redirect($"/review/{id}");
    }

    /// <summary>Autosave: the page posts its state every few seconds while it has unsaved changes.</summary>
    public async Task<IActionResult> OnPostDraftAsync(Guid id, CancellationToken cancellation)
    {
        if (!await review.SaveDraftAsync(id, User.Identity!.Name!, Posted(), cancellation)) return NotFound();
        return new JsonResult(new { savedAt = DateTime.UtcNow.ToString("HH:mm:ss") });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellation)
    {
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.FileName, d.Stage, d.TranscriptJson }).SingleOrDefaultAsync(cancellation);
        if (document?.TranscriptJson is null) return false;
        Id = id;
        FileName = document.FileName;
        Stage = document.Stage;
        ClaimedBy = await db.ReviewTasks.Where(t => t.DocumentId == id).Select(t => t.ClaimedBy).SingleOrDefaultAsync(cancellation);
        var latest = await db.Versions.AsNoTracking().Where(v => v.DocumentId == id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Kind, v.CreatedAt }).FirstOrDefaultAsync(cancellation);
        LatestVersion = latest?.Number;
        Suggestion = latest?.Kind == VersionKind.Suggested ? (latest.Number, latest.CreatedAt) : null;
        FailedPages = (await db.Pages.AsNoTracking().Where(p => p.DocumentId == id && p.Status == PageStatus.Failed).OrderBy(p => p.Number)
            .Select(p => new { p.Number, p.FailureReason }).ToListAsync(cancellation)).Select(p => (p.Number, p.FailureReason ?? "")).ToList();
        var transcript = JsonExporter.Read(document.TranscriptJson);
        Pages = transcript.Pages.Select(p => new PageView(p.Number, p.Width, p.Height, p.Regions)).ToList();
        Lines = ReviewSheet.Of(transcript);
        foreach (var line in Lines) Texts[(line.Page, line.Index)] = line.Text;
        Extracted = ReviewedMetadata.Of(transcript.Metadata);
        if (HttpMethods.IsGet(Request.Method)) Metadata = Extracted; // a post brings the reviewer's own
        Comments = (await comments.OfDocumentAsync(id, cancellation)).ToLookup(c => (c.Page, c.Line));
        if (Suggestion is { } suggestion && Editable)
        {
            var suggested = await db.Versions.AsNoTracking().Where(v => v.DocumentId == id && v.Number == suggestion.Number).Select(v => v.TranscriptJson).SingleAsync(cancellation);
            SuggestedTexts = SuggestedLines.Pair(Lines, ReviewSheet.Of(JsonExporter.Read(suggested)));
        }
        return true;
    }

    private ReviewDraft Posted()
    {
        var edits = new List<LineEdit>();
        foreach (var (key, value) in Request.Form)
        {
            if (!key.StartsWith(LinePrefix, StringComparison.Ordinal)) continue;
            var parts = key[LinePrefix.Length..].Split(':');
            if (parts.Length == 2 && int.TryParse(parts[0], out var page) && int.TryParse(parts[1], out var index))
                edits.Add(new LineEdit(page, index, value.ToString()));
        }
        // "kept": the flagged words the reviewer kept, as PAGE:LINE:WORD separated by commas (the page's script writes it).
        var kept = new List<KeptWord>();
        foreach (var item in Request.Form["kept"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries))
            if (item.Split(':') is [var p, var l, var m] && int.TryParse(p, out var page) && int.TryParse(l, out var line) && int.TryParse(m, out var word))
                kept.Add(new KeptWord(page, line, word));
        return new ReviewDraft(edits, Metadata) { Kept = kept };
    }

    private void Use(ReviewDraft draft)
    {
        foreach (var edit in draft.Lines)
            if (Texts.ContainsKey((edit.Page, edit.Line))) Texts[(edit.Page, edit.Line)] = edit.Text;
        Metadata = draft.Metadata;
    }

    /// <summary>
    /// What the backdrop behind a line's field holds: the line's text with each flag in a <c>mark</c>, all text encoded.
    /// Built as one piece because the backdrop keeps white space: markup between the marks would add line breaks.
    /// </summary>
    public static IHtmlContent Backdrop(string text, IReadOnlyList<ReviewFlag> flags)
    {
        var html = new HtmlContentBuilder();
        int at = 0;
        foreach (var flag in flags.OrderBy(f => f.Start))
        {
            if (flag.Start < at || flag.Start + flag.Length > text.Length) continue;
            html.Append(text[at..flag.Start]);
            html.AppendHtml($"<mark class=\"{KindName(flag.Kind)}{(flag.Kept ? " kept" : "")}\">");
            html.Append(text.Substring(flag.Start, flag.Length));
            html.AppendHtml("</mark>");
            at = flag.Start + flag.Length;
        }
        return html.Append(text[at..]);
    }

    /// <summary>"No flags", "1 flag", "3 flags".</summary>
    public static string CountOf(int count, string noun) => count switch { 0 => $"No {noun}s", 1 => $"1 {noun}", _ => $"{count} {noun}s" };

    /// <summary>The flag kind as the page's classes and script name it.</summary>
    public static string KindName(FlagKind kind) => kind switch
    {
        FlagKind.Illegible => "illegible",
        FlagKind.Disputed => "disputed",
        _ => "low",
    };

    /// <summary>A line's flags for the page's script: kind, characters, box on the scan, guess, confidence, the model's probability (if any).</summary>
    public static string FlagsJson(ReviewLine line) => JsonSerializer.Serialize(line.Flags.Select(f => new
    {
        k = KindName(f.Kind),
        s = f.Start,
        l = f.Length,
        b = new[] { f.Box.Left, f.Box.Top, f.Box.Width, f.Box.Height },
        g = f.Guess,
        c = Math.Round(f.Confidence),
        p = f.Probability,
        x = f.Kept,
    }));
}
