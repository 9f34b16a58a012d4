namespace IngestPipeline.Infrastructure.State;

/// <summary>Where a document is on its way from upload to the review queue.</summary>
public enum DocumentStage
{
    /// <summary>Original stored and recorded; splitting not started.</summary>
    Registered,
    Splitting,
    Recognizing,
    Cleaning,
    AwaitingReview,
    /// <summary>A reviewer approved it; its outputs are being written.</summary>
    Approved,
    /// <summary>Approved and its outputs are in the outputs container.</summary>
    Published,
    /// <summary>A reviewer sent it back (the comment says why); an admin may re-OCR it.</summary>
    Rejected,
    Failed,
}

public enum PageStatus
{
    Pending,
    Recognizing,
    Recognized,
    Failed,
}

/// <summary>One uploaded scan: its original, where it is in the pipeline, and (once cleaned) its transcript.</summary>
public sealed class Document
{
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the original's bytes, lowercase hex: the same bytes uploaded twice are one document.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The name it was uploaded under: shown to people, never used to name anything.</summary>
    public string FileName { get; set; } = "";

    public long SizeBytes { get; set; }
    public string? Collection { get; set; }
    public string? SourceArchive { get; set; }
    public string? RecordId { get; set; }

    public DocumentStage Stage { get; set; }
    public DateTime StageChangedAt { get; set; }
    public string? FailureReason { get; set; }
    public int PageCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The cleaned transcript (JsonExporter's format), with spans, flags and metadata.</summary>
    public string? TranscriptJson { get; set; }
    public string? Text { get; set; }
    /// <summary>The places a reviewer is asked to look at: markers, low-confidence and disputed words (ReviewSheet.FlagCount).</summary>
    public int FlagCount { get; set; }
    public float MeanConfidence { get; set; }

    /// <summary>The cable's date as extracted or reviewed (yyyy-mm-dd where known), for lists and filters.</summary>
    public string? Dated { get; set; }

    /// <summary>Who sent it, as extracted or reviewed.</summary>
    public string? Sender { get; set; }

    /// <summary>Its addressees, as extracted or reviewed, joined by "; ".</summary>
    public string? Recipients { get; set; }

    /// <summary>Its classification ("SECRET", ...), as extracted or reviewed.</summary>
    public string? Classification { get; set; }

    /// <summary>What it is about: the reviewer's title, else the opening words of its body.</summary>
    public string? Subject { get; set; }

    /// <summary>The reviewer an admin gave it to (their "mine" list); anyone may still review it.</summary>
    public string? AssignedTo { get; set; }

    public List<DocumentPage> Pages { get; set; } = [];
}

/// <summary>One page of a document and its recognition.</summary>
public sealed class DocumentPage
{
    public Guid DocumentId { get; set; }
    public int Number { get; set; }
    public PageStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? FailureReason { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The raw recognised page (JsonExporter's format, one page), before cleanup.</summary>
    public string? OcrJson { get; set; }
    /// <summary>The cleaned page image shown to reviewers and published.</summary>
    public string? ImageBlob { get; set; }

    /// <summary>The page's own image, taken out of the original at split; recognition reads only this.</summary>
    public string? SourceBlob { get; set; }
    /// <summary>The resolution <see cref="SourceBlob"/> is read at (an image inside a PDF does not carry its page's).</summary>
    public int SourceDpi { get; set; }
    /// <summary>Seconds the page held an OCR engine (preprocessing and recognition), waiting and storage excluded.</summary>
    public double? RecognitionSeconds { get; set; }
}

/// <summary>
/// A document's place in the review queue. One per document: the unique key makes "exactly once" hold.
/// <see cref="Revision"/> is the optimistic-concurrency token: every save bumps it, and a save made against an
/// older revision is refused, so two reviewers never overwrite each other.
/// </summary>
public sealed class ReviewTask
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public DateTime QueuedAt { get; set; }

    public int Revision { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedAt { get; set; }

    /// <summary>Unsaved lines and metadata the review page autosaved (<c>ReviewDraft</c> as JSON), and whose.</summary>
    public string? DraftJson { get; set; }
    public string? DraftBy { get; set; }
    public DateTime? DraftSavedAt { get; set; }

    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionComment { get; set; }

    /// <summary>The seconds reviewers spent on the review page with it (visible and in use), summed over their saves.</summary>
    public int ReviewSeconds { get; set; }
}

public enum VersionKind
{
    /// <summary>What the pipeline made of the scan.</summary>
    Recognized,
    Saved,
    Approved,
    Rejected,

    /// <summary>The pipeline's reading of a document a reviewer had already worked on: offered beside their text, never put in its place.</summary>
    Suggested,

    /// <summary>An earlier version (or a suggestion) made the current text again by a reviewer.</summary>
    Restored,
}

/// <summary>One version of a document's transcript: who made it, when, and what changed against the one before.</summary>
public sealed class DocumentVersion
{
    public Guid DocumentId { get; set; }
    public int Number { get; set; }
    public VersionKind Kind { get; set; }
    public string Author { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? Comment { get; set; }

    /// <summary>The whole transcript (JsonExporter's format), so any version can be shown or published again.</summary>
    public string TranscriptJson { get; set; } = "";

    /// <summary>The text one typed line per line, as the review page edits it and the diff compares it.</summary>
    public string LineText { get; set; } = "";

    /// <summary>The change against the previous version (LineDiff's unified rendering, changed lines only).</summary>
    public string Diff { get; set; } = "";

    /// <summary>For a <see cref="VersionKind.Restored"/> version: the number of the version it made current again.</summary>
    public int? RestoredFrom { get; set; }
}

/// <summary>
/// One reviewer decision on the pipeline's reading of a document, as a labelled example of its evidence (a marker kept
/// or replaced, a marker inserted, a doubtful word confirmed or corrected, an unflagged word corrected). A document's
/// examples are those its current text holds against the reading it was made from: each save replaces them.
/// </summary>
public sealed class ReviewExample
{
    public long Id { get; set; }
    public Guid DocumentId { get; set; }

    /// <summary>The document's collection when the decision was saved; examples never mix collections.</summary>
    public string? Collection { get; set; }

    /// <summary>The version that holds the decision, and the pipeline's version it was made against.</summary>
    public int Version { get; set; }
    public int RecognizedVersion { get; set; }

    /// <summary>The decision's kind (MarkerKept, MarkerReplaced, MarkerInserted, FlagConfirmed, FlagCorrected, WordCorrected).</summary>
    public string Kind { get; set; } = "";

    /// <summary>What the review page flagged there (Illegible, LowConfidence, Disputed), or null.</summary>
    public string? Flag { get; set; }

    /// <summary>Page (from 1), line as the review page numbers it, and the place in the pipeline's line.</summary>
    public int Page { get; set; }
    public int Line { get; set; }
    public int Word { get; set; }

    /// <summary>The place on the page image, in its pixels.</summary>
    public int Left { get; set; }
    public int Top { get; set; }
    public int Right { get; set; }
    public int Bottom { get; set; }

    /// <summary>What the pipeline read there (a marker's guess) and what the reviewer's text says.</summary>
    public string Recognized { get; set; } = "";
    public string Reviewed { get; set; } = "";

    /// <summary>For a replaced marker: whether the reviewer's text was the engine's guess.</summary>
    public bool? MatchesGuess { get; set; }

    /// <summary>The engine's lowest confidence over the words (0-100), and a learned marker's probability.</summary>
    public float? Confidence { get; set; }
    public float? Probability { get; set; }

    /// <summary>The model that decided the markers of the reading (null: the hand rules).</summary>
    public string? Model { get; set; }

    /// <summary>The words' measured evidence as JSON: ink, each recogniser's reading, the second reading.</summary>
    public string EvidenceJson { get; set; } = "[]";

    public string Reviewer { get; set; } = "";
    public DateTime DecidedAt { get; set; }
}

/// <summary>
/// How the pipeline's reading of an approved document compares with the approved text, as the corpus scorer measures
/// a page against its truth (the reviewer's markers are the truth's unreadable spans), and what its review cost.
/// One per document: approving it again after a correction replaces it.
/// </summary>
public sealed class ApprovalScore
{
    public Guid DocumentId { get; set; }
    public string? Collection { get; set; }
    public int Version { get; set; }
    public DateTime ApprovedAt { get; set; }
    public string Reviewer { get; set; } = "";
    public int Pages { get; set; }

    /// <summary>The places the review page flagged in the pipeline's reading.</summary>
    public int Flags { get; set; }

    public int Characters { get; set; }
    public int CharacterEdits { get; set; }
    public int Words { get; set; }
    public int WordEdits { get; set; }

    /// <summary>Markers in the approved text, those the pipeline's markers recalled, the pipeline's markers, and those credited.</summary>
    public int ReviewedMarkers { get; set; }
    public int RecalledMarkers { get; set; }
    public int PipelineMarkers { get; set; }
    public int CreditedMarkers { get; set; }

    public int ReviewSeconds { get; set; }
}

/// <summary>
/// A word the general lexicon does not know, in a document's approved text: what the collection's lexicon is learned
/// from (a word confirmed by a reviewer, or seen in enough documents). Replaced when the document is approved again.
/// </summary>
public sealed class LexiconSighting
{
    public string Collection { get; set; } = "";
    public string Word { get; set; } = "";
    public Guid DocumentId { get; set; }

    /// <summary>A reviewer typed the word or kept it on a flag.</summary>
    public bool Confirmed { get; set; }
}

/// <summary>
/// A typewriter fault a collection learned from its approved corrections, as its cleanup corrects by it: a confusion
/// (<see cref="Fault"/> <c>confusion:FROM→TO</c>, <see cref="From"/> read for <see cref="To"/>; an empty From a letter
/// lost) or a misread word (<c>word:READ</c>, From the word read, To the word typed). Replaced for the whole collection
/// at each publication of one of its documents.
/// </summary>
public sealed class CollectionFault
{
    public string Collection { get; set; } = "";
    public string Fault { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
}

/// <summary>
/// A typewriter fault an admin took out of what a collection learned (a confusion, <c>confusion:FROM→TO</c>, or a
/// misread word, <c>word:READ</c>): it is not learned again from the same corrections or later ones.
/// </summary>
public sealed class FaultRemoval
{
    public string Collection { get; set; } = "";
    public string Fault { get; set; } = "";
    public string RemovedBy { get; set; } = "";
    public DateTime RemovedAt { get; set; }
}

/// <summary>A word an admin took out of a collection's lexicon: it is not learned again from the same sightings.</summary>
public sealed class LexiconRemoval
{
    public string Collection { get; set; } = "";
    public string Word { get; set; } = "";
    public string RemovedBy { get; set; } = "";
    public DateTime RemovedAt { get; set; }
}

/// <summary>
/// An [ILLEGIBLE] decision retrained for a collection from its reviewed documents (trees grown on from the model it
/// started from), with how its markers compared with the approved ones before and after. Written once, never changed:
/// a rollback goes back to a row, it does not edit one.
/// </summary>
public sealed class CollectionModel
{
    public Guid Id { get; set; }
    public string Collection { get; set; } = "";

    /// <summary>1, 2, ... within the collection, in the order they were trained.</summary>
    public int Number { get; set; }

    /// <summary>The model's version (a digest of its weights), written into each transcript it marks, and the version it started from.</summary>
    public string Version { get; set; } = "";
    public string StartVersion { get; set; } = "";

    public DateTime TrainedAt { get; set; }
    public string TrainedBy { get; set; } = "";

    /// <summary>The model file's text (IllegibilityModel.ToJson).</summary>
    public string ModelJson { get; set; } = "";

    /// <summary>The precision the threshold was chosen for, and that threshold.</summary>
    public double TargetPrecision { get; set; }
    public double Threshold { get; set; }

    /// <summary>Each candidate's probability from trees not trained on its document, and its label, as JSON [[p, 0|1], ...]: thresholds for other precisions.</summary>
    public string HeldOutJson { get; set; } = "[]";

    public int Documents { get; set; }
    public int Pages { get; set; }
    public int Cases { get; set; }
    public int UnreadableCases { get; set; }

    /// <summary>The decision in force when it was trained, on all the reviewed documents: markers, those right, approved markers, those found.</summary>
    public int BeforeMarkers { get; set; }
    public int BeforeRightMarkers { get; set; }
    public int BeforeSpans { get; set; }
    public int BeforeFoundSpans { get; set; }

    /// <summary>The same for the retrained decision, each document marked by trees not trained on it.</summary>
    public int AfterMarkers { get; set; }
    public int AfterRightMarkers { get; set; }
    public int AfterSpans { get; set; }
    public int AfterFoundSpans { get; set; }
}

/// <summary>
/// A change of how a collection's documents are decided: a retrained model at a threshold, or none (the pipeline's
/// own decision), and the target precision the admin set. The latest change not undone is in force; a rollback undoes
/// the latest, which puts the one before it back exactly as it was.
/// </summary>
public sealed class CollectionDecision
{
    public Guid Id { get; set; }
    public string Collection { get; set; } = "";

    /// <summary>The retrained model in force, or null for the pipeline's own decision.</summary>
    public Guid? ModelId { get; set; }

    /// <summary>The model's operating threshold (null with no model).</summary>
    public double? Threshold { get; set; }

    public double TargetPrecision { get; set; }

    /// <summary>Why: "activated", "target precision", "retrained".</summary>
    public string Reason { get; set; } = "";

    public DateTime ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTime? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }
}

/// <summary>The outputs written for one approved version.</summary>
public sealed class Publication
{
    public Guid DocumentId { get; set; }
    public int Version { get; set; }
    public DateTime PublishedAt { get; set; }

    /// <summary>Blob names in the outputs container, by format (txt, alto, tei, json, metadata, pdf), as JSON.</summary>
    public string BlobsJson { get; set; } = "{}";
}

/// <summary>A key a script or scanner station sends in the <c>X-Api-Key</c> header. Only its SHA-256 is kept.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public string Role { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>
/// A command saved in the same transaction as the change of state that calls for it. The outbox dispatcher sends it
/// to its queue and deletes it; a process that dies after saving leaves it for the dispatcher of any other.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The queue it goes to (as the consumers' endpoints are named, e.g. <c>recognize-page</c>).</summary>
    public string Queue { get; set; } = "";

    /// <summary>The message's contract (its type's name) and its JSON.</summary>
    public string Type { get; set; } = "";
    public string Body { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// From when a dispatcher may take it: at once when saved; moved on while a dispatcher sends it (a lease), so a
    /// dispatcher that dies in mid-send leaves it to another once the lease is over.
    /// </summary>
    public DateTime AvailableAt { get; set; }

    /// <summary>The dispatcher that holds the lease (a fresh id per batch), so each knows which rows it took.</summary>
    public Guid? Claim { get; set; }

    public int Attempts { get; set; }

    /// <summary>The W3C trace context of the span that saved it, so the stage it starts joins the document's trace.</summary>
    public string? TraceParent { get; set; }
}

/// <summary>A note a reviewer left on a document, on one of its lines or a flagged word of it, for the others.</summary>
public sealed class Comment
{
    public const int MaxLength = 2000;

    public long Id { get; set; }
    public Guid DocumentId { get; set; }

    /// <summary>The line it is about (page from 1, line from 0 as the review page numbers them less one); null for the whole document.</summary>
    public int? Page { get; set; }
    public int? Line { get; set; }

    /// <summary>The flagged word of the line it is about (its place in the line, from 0), when it is about one.</summary>
    public int? Word { get; set; }
    public string Author { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string Text { get; set; } = "";
    public List<Mention> Mentions { get; set; } = [];
}

/// <summary>A user named with @ in a comment: shown on their queue until they open the document.</summary>
public sealed class Mention
{
    public long CommentId { get; set; }
    public string UserName { get; set; } = "";
    public DateTime? SeenAt { get; set; }
}

/// <summary>A collection given to one reviewer: its documents are theirs, those uploaded later too.</summary>
public sealed class CollectionAssignment
{
    public string Collection { get; set; } = "";
    public string Reviewer { get; set; } = "";
    public string AssignedBy { get; set; } = "";
    public DateTime AssignedAt { get; set; }
}

public enum BatchKind
{
    /// <summary>The files one person sent together from the upload page, or in one request to the API.</summary>
    Upload,

    /// <summary>The files one run of the inbox ingestion found.</summary>
    Inbox,
}

/// <summary>Files that arrived together, so their progress can be followed, and found again, as one.</summary>
public sealed class Batch
{
    public Guid Id { get; set; }
    public BatchKind Kind { get; set; }

    /// <summary>Who sent it: a user or API key's name, or "inbox".</summary>
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? Collection { get; set; }
    public List<BatchEntry> Entries { get; set; } = [];
}

/// <summary>One file of a batch and what became of it: a document (perhaps one already there), or a refusal.</summary>
public sealed class BatchEntry
{
    public long Id { get; set; }
    public Guid BatchId { get; set; }
    public string FileName { get; set; } = "";

    /// <summary>The document the file became or already was; null when it was refused, or its document was deleted.</summary>
    public Guid? DocumentId { get; set; }

    /// <summary>The same bytes were there already: the document is the earlier one.</summary>
    public bool Duplicate { get; set; }

    /// <summary>Why the file was refused (too large, empty ...), as the uploader was told.</summary>
    public string? Error { get; set; }
    public DateTime AddedAt { get; set; }
}

/// <summary>One run of the inbox ingestion and what it found.</summary>
public sealed class IngestionRun
{
    public Guid Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int FilesTaken { get; set; }
    public int Duplicates { get; set; }
    public int Failures { get; set; }

    /// <summary>One line per file: its inbox name and what became of it.</summary>
    public string Report { get; set; } = "";
}
