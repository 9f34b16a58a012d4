namespace IngestPipeline.Infrastructure.Configuration;

/// <summary>
/// Everything that differs between the embedded default and the scale-out, bound from the "Pipeline" section
/// (appsettings.json, environment variables such as <c>Pipeline__Bus__Transport=RabbitMq</c>, command line).
/// The defaults are the embedded setup: SQLite, a local blob folder and the in-memory bus, under <see cref="DataDirectory"/>.
/// </summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Where the embedded default keeps its database, Hangfire storage and blob folder.</summary>
    public string DataDirectory { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();
    public BlobOptions Blobs { get; set; } = new();
    public BusOptions Bus { get; set; } = new();
    public SchedulingOptions Scheduling { get; set; } = new();
    public WorkerOptions Worker { get; set; } = new();
    public LimitOptions Limits { get; set; } = new();
    public RecognitionOptions Ocr { get; set; } = new();
    public IllegibilityDecisionOptions Illegibility { get; set; } = new();
}

/// <summary>How the clean stage decides what cannot be read (<c>Pipeline:Illegibility</c>).</summary>
public sealed class IllegibilityDecisionOptions
{
    /// <summary>Empty or "rules": the hand rules; "learned": the model shipped with the program; else a model file.</summary>
    public string? Model { get; set; }

    /// <summary>The probability from which a candidate is marked; empty: the model's own (chosen for precision 0.9).</summary>
    public double? Threshold { get; set; }

    /// <summary>Per collection (<c>Pipeline:Illegibility:Collections:NAME</c>), a threshold of its own.</summary>
    public Dictionary<string, double> Collections { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The threshold for a document of the collection (null: the model's own).</summary>
    public double? ThresholdFor(string? collection) =>
        collection is not null && Collections.TryGetValue(collection, out var own) ? own : Threshold;
}

/// <summary>How the worker's engines read pages (<c>Pipeline:Ocr</c>).</summary>
public sealed class RecognitionOptions
{
    /// <summary>Tesseract languages of the collection (<c>eng</c>, <c>fra</c>, <c>eng+fra</c>); the cleanup's word lists follow them.</summary>
    public string Language { get; set; } = "eng";

    /// <summary>"tesseract" (alone) or "both" (Tesseract and PP-OCR combined word by word); unset keeps OcrOptions' default.</summary>
    public string? Engines { get; set; }

    /// <summary>With both engines, what PP-OCR reads: "stretches", "doubtful" or "all"; unset keeps OcrOptions' default.</summary>
    public string? SecondReading { get; set; }

    /// <summary>Folder of PP-OCR's model files; unset means the one beside the program.</summary>
    public string? ModelsPath { get; set; }

    // Preprocessing a collection may set against the page's own choice; unset keeps the measured default (docs/preprocessing.md).

    /// <summary>Whether a measured skew is corrected at all.</summary>
    public bool? Deskew { get; set; }

    /// <summary>Skew under this many degrees is left to the engine's own line finding.</summary>
    public float? MinDeskewAngle { get; set; }

    /// <summary>Whether blots and tears are painted over in the image the engines read (they stay evidence of loss).</summary>
    public bool? PaintOverDarkRegions { get; set; }

    /// <summary>Largest speck removed, in pixels at 300 dpi (scaled with the type); 0 keeps every speck.</summary>
    public int? SpeckSizeAt300Dpi { get; set; }

    /// <summary>Specks this many glyph heights from a letter are kept as punctuation; 0 removes them wherever they lie.</summary>
    public double? SpeckReach { get; set; }

    /// <summary>"auto" (the page decides), "remove" (always) or "keep" (never remove): see SpeckTreatment.</summary>
    public string? Specks { get; set; }
}

/// <summary>What one upload may demand before it is refused with its reason (bounds on time, memory and disk).</summary>
public sealed class LimitOptions
{
    /// <summary>Largest file accepted (the upload is spooled to disk, never held in memory).</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Most pages in one file: a longer one is refused before any page is read, and should be split.</summary>
    public int MaxPages { get; set; } = 500;

    /// <summary>Largest page, in pixels; checked from the headers before decoding. 60 MP is a letter page at 900 dpi.</summary>
    public long MaxPixelsPerPage { get; set; } = 60_000_000;

    /// <summary>Most resident memory a PDF's reader process may take before it is killed and the file, or page, refused.</summary>
    public long ReaderMemoryBytes { get; set; } = 768L * 1024 * 1024;
}

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, empty means <c>DataDirectory/pipeline.db</c>; for PostgreSQL a Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "";
}

public enum BlobProvider { Folder, Azure }

public sealed class BlobOptions
{
    public BlobProvider Provider { get; set; } = BlobProvider.Folder;

    /// <summary>For the folder store, empty means <c>DataDirectory/blobs</c>.</summary>
    public string Folder { get; set; } = "";

    /// <summary>An Azure Storage connection string (Azurite's well-known one locally).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Put before every container name ("inbox" becomes "site1-inbox"): installations sharing an account stay apart.</summary>
    public string ContainerPrefix { get; set; } = "";
}

public enum BusTransport { InMemory, RabbitMq }

public sealed class BusOptions
{
    public BusTransport Transport { get; set; } = BusTransport.InMemory;
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
}

public sealed class SchedulingOptions
{
    /// <summary>When the inbox is ingested (cron, in <see cref="TimeZone"/>): 02:00 every night by default.</summary>
    public string NightlyIngestionCron { get; set; } = "0 2 * * *";

    /// <summary>An IANA or Windows time zone id; empty means the machine's local zone.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>How often the sweeper looks for work stuck in a stage (cron).</summary>
    public string SweeperCron { get; set; } = "* * * * *";

    /// <summary>A stage that has not moved on for this long is dispatched again.</summary>
    public TimeSpan StageDeadline { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Hangfire re-runs a job whose worker vanished after this long: above the longest job.</summary>
    public TimeSpan JobInvisibilityTimeout { get; set; } = TimeSpan.FromHours(2);
}

public sealed class WorkerOptions
{
    /// <summary>Whether this process runs the stage consumers and the Hangfire server (the web host runs them in the embedded default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>OCR engines, i.e. pages recognised at once in this process; 0 means one per core.</summary>
    public int Engines { get; set; }

    /// <summary>The engines this process runs: <see cref="Engines"/>, or one per core.</summary>
    public int EngineCount => Engines > 0 ? Engines : Environment.ProcessorCount;

    /// <summary>Most megapixels recognised at once in this process (a larger page runs alone); unset keeps OcrOptions.MaxPixelsAtOnce.</summary>
    public double? MaxMegapixelsAtOnce { get; set; }

    /// <summary>Recognition attempts of one page before it is failed.</summary>
    public int MaxPageAttempts { get; set; } = 3;

    /// <summary>Longest one page may hold an engine; past it the page (and so its document) fails with the reason, alone.</summary>
    public TimeSpan PageDeadline { get; set; } = TimeSpan.FromMinutes(2);
}
