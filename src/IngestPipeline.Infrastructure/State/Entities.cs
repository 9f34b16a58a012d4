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
    public int FlagCount { get; set; }
    public float MeanConfidence { get; set; }

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
    public string? ImageBlob { get; set; }
    /// <summary>Seconds the page held an OCR engine (preprocessing and recognition), waiting and storage excluded.</summary>
    public double? RecognitionSeconds { get; set; }
}

/// <summary>A document waiting for a reviewer. One per document: the unique key makes "exactly once" hold.</summary>
public sealed class ReviewTask
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public DateTime QueuedAt { get; set; }
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
