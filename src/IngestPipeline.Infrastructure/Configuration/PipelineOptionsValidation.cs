namespace IngestPipeline.Infrastructure.Configuration;

/// <summary>
/// The settings checked when a host starts, before anything is wired: a wrong value fails the start with every
/// problem named by its key (<c>Pipeline:Worker:Engines</c>), not the first document hours later.
/// </summary>
public static class PipelineOptionsValidation
{
    public static IReadOnlyList<string> Problems(PipelineOptions options)
    {
        var problems = new List<string>();
        void Require(bool ok, string key, string what)
        {
            if (!ok) problems.Add($"{PipelineOptions.Section}:{key} {what}");
        }

        Require(!string.IsNullOrWhiteSpace(options.DataDirectory), "DataDirectory", "is empty");
        Require(options.Database.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(options.Database.ConnectionString),
            "Database:ConnectionString", "is needed for PostgreSQL");
        Require(options.Blobs.Provider != BlobProvider.Azure || !string.IsNullOrWhiteSpace(options.Blobs.ConnectionString),
            "Blobs:ConnectionString", "is needed for Azure Blob Storage");
        Require(options.Bus.Transport != BusTransport.RabbitMq || !string.IsNullOrWhiteSpace(options.Bus.Host), "Bus:Host", "is needed for RabbitMQ");
        Require(!string.IsNullOrWhiteSpace(options.Scheduling.NightlyIngestionCron), "Scheduling:NightlyIngestionCron", "is empty");
        Require(!string.IsNullOrWhiteSpace(options.Scheduling.SweeperCron), "Scheduling:SweeperCron", "is empty");
        Require(options.Scheduling.StageDeadline > TimeSpan.Zero, "Scheduling:StageDeadline", "must be longer than zero");
        Require(options.Scheduling.JobInvisibilityTimeout > TimeSpan.Zero, "Scheduling:JobInvisibilityTimeout", "must be longer than zero");
        Require(string.IsNullOrEmpty(options.Scheduling.TimeZone) || TimeZoneInfo.TryFindSystemTimeZoneById(options.Scheduling.TimeZone, out _),
            "Scheduling:TimeZone", $"\"{options.Scheduling.TimeZone}\" is not a time zone this machine knows");
        Require(options.Worker.Engines is >= 0 and <= 256, "Worker:Engines", "must be between 0 (one per core) and 256");
        Require(options.Worker.MaxMegapixelsAtOnce is null or > 0, "Worker:MaxMegapixelsAtOnce", "must be more than zero");
        Require(options.Worker.MaxPageAttempts >= 1, "Worker:MaxPageAttempts", "must be at least 1");
        Require(options.Worker.PageDeadline > TimeSpan.Zero, "Worker:PageDeadline", "must be longer than zero");
        Require(options.Limits.MaxUploadBytes > 0, "Limits:MaxUploadBytes", "must be more than zero");
        Require(options.Limits.MaxPages >= 1, "Limits:MaxPages", "must be at least 1");
        Require(options.Limits.MaxPixelsPerPage > 0, "Limits:MaxPixelsPerPage", "must be more than zero");
        Require(options.Limits.ReaderMemoryBytes > 0, "Limits:ReaderMemoryBytes", "must be more than zero");
        Require(options.Ocr.SpeckSizeAt300Dpi is null or >= 0, "Ocr:SpeckSizeAt300Dpi", "cannot be negative");
        Require(options.Ocr.SpeckReach is null or >= 0, "Ocr:SpeckReach", "cannot be negative");
        Require(options.Ocr.MinDeskewAngle is null or >= 0, "Ocr:MinDeskewAngle", "cannot be negative");
        Require(options.Illegibility.Threshold is null or >= 0 and <= 1, "Illegibility:Threshold", "is a probability between 0 and 1");
        foreach (var (collection, threshold) in options.Illegibility.Collections)
            Require(threshold is >= 0 and <= 1, $"Illegibility:Collections:{collection}", "is a probability between 0 and 1");
        return problems;
    }

    /// <exception cref="InvalidOperationException">Some settings are wrong; the message names each.</exception>
    public static void Validate(PipelineOptions options)
    {
        var problems = Problems(options);
        if (problems.Count > 0) throw new InvalidOperationException($"The configuration is not valid: {string.Join("; ", problems)}.");
    }
}
