using System.Text;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Infrastructure.Storage;
using IngestPipeline.Pipeline.Hosting;
using Microsoft.Extensions.Logging;

namespace IngestPipeline.Pipeline.Intake;

/// <summary>
/// The nightly ingestion: every file in the inbox container is registered (a duplicate of a known document is
/// noted, not registered twice) and removed from the inbox once the pipeline holds it; a file that cannot be
/// taken stays in the inbox for the next run. The run's report (files taken, duplicates, failures, one line per
/// file) is kept in the database and logged; a run that finds files is a batch, whose progress page follows them.
/// </summary>
public sealed class InboxIngestionJob(PipelineDbContext db, IBlobStore blobs, DocumentRegistrar registrar, BatchBook batches, ILogger<InboxIngestionJob> log)
{
    public async Task<Guid> RunAsync(CancellationToken cancellation = default)
    {
        var run = new IngestionRun { Id = Guid.NewGuid(), StartedAt = DateTime.UtcNow };
        var report = new StringBuilder();
        var names = new List<string>();
        await foreach (var name in blobs.ListAsync(BlobNames.Inbox, cancellation)) names.Add(name);
        var batch = names.Count > 0 ? await batches.OpenAsync(BatchKind.Inbox, "inbox", null, cancellation) : null;
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            using var span = PipelineMetrics.Traces.StartActivity("inbox file"); // each file's document is a trace of its own
            try
            {
                Registration registration;
                await using (var content = await blobs.OpenReadAsync(BlobNames.Inbox, name, cancellation))
                {
                    registration = await registrar.RegisterAsync(content, name, new UploadDetails(), cancellation);
                }
                await blobs.DeleteAsync(BlobNames.Inbox, name, cancellation);
                run.FilesTaken++;
                if (registration.Duplicate) run.Duplicates++;
                report.AppendLine($"{name}: {(registration.Duplicate ? "duplicate of" : "registered as")} {registration.Document.Id}");
                await batches.RecordAsync(batch!.Id, name, registration, null, cancellation);
            }
            catch (UploadRejectedException e)
            {
                run.Failures++;
                report.AppendLine($"{name}: refused: {e.Message}");
                await batches.RecordAsync(batch!.Id, name, null, e.Message, cancellation);
                await blobs.DeleteAsync(BlobNames.Inbox, name, cancellation); // it will not become acceptable by waiting
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                run.Failures++;
                report.AppendLine($"{name}: not taken, left in the inbox: {e.Message}");
                log.LogError(e, "Inbox file {Name} could not be taken", name);
            }
        }
        run.FinishedAt = DateTime.UtcNow;
        run.Report = report.ToString();
        db.IngestionRuns.Add(run);
        await db.SaveChangesAsync(cancellation);
        log.LogInformation("Inbox ingestion {RunId}: {Taken} files taken, {Duplicates} duplicates, {Failures} failures", run.Id, run.FilesTaken, run.Duplicates, run.Failures);
        return run.Id;
    }
}
