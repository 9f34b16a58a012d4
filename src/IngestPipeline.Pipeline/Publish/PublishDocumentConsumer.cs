using System.Text.Json;
using IngestPipeline.Contracts;
using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Export;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Hosting;
using IngestPipeline.Pipeline.Lifecycle;
using IngestPipeline.Pipeline.Learning;
using IngestPipeline.Pipeline.Review;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IngestPipeline.Pipeline.Publish;

/// <summary>
/// Writes the outputs of an approved version, records the publication and, with it, what the approved text teaches
/// its collection's lexicon (<see cref="CollectionLexicon"/>). Idempotent: the outputs of a version go to their own
/// folder (rewritten whole on a redelivery), and the record has the version in its key.
/// </summary>
public sealed class PublishDocumentConsumer(PipelineDbContext db, DocumentLifecycle lifecycle, DocumentPublisher publisher, Lexicon lexicon, PipelineMetrics metrics,
    ILogger<PublishDocumentConsumer> log)
    : IConsumer<PublishDocument>
{
    public async Task Consume(ConsumeContext<PublishDocument> context)
    {
        using var timer = metrics.Time("publish");
        var (id, number) = context.Message;
        var cancellation = context.CancellationToken;
        var version = await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.DocumentId == id && v.Number == number, cancellation);
        if (version is null || version.Kind != VersionKind.Approved)
        {
            log.LogWarning("Document {DocumentId} has no approved version {Version}; nothing to publish", id, number);
            return;
        }
        if (!await db.Publications.AnyAsync(p => p.DocumentId == id && p.Version == number, cancellation))
            await RecordPublicationAsync(id, number, version.TranscriptJson, cancellation);
        // The stage changes only once the publication is recorded, so whoever sees "Published" finds its outputs;
        // a redelivery after a crash between the two steps finishes the change.
        await lifecycle.MarkPublishedAsync(id, cancellation);
        log.LogInformation("Document {DocumentId} version {Version} published", id, number);
    }

    private async Task RecordPublicationAsync(Guid id, int number, string transcriptJson, CancellationToken cancellation)
    {
        var approved = JsonExporter.Read(transcriptJson);
        var outputs = await publisher.PublishAsync(id, number, approved, cancellation);
        await CollectionLexicon.LearnAsync(db, id, number, approved, lexicon, cancellation);
        var collection = await db.Documents.Where(d => d.Id == id).Select(d => d.Collection).SingleAsync(cancellation);
        await CollectionConfusions.LearnAsync(db, collection, lexicon.With(await CollectionLexicon.WordsAsync(db, collection, cancellation)), cancellation);
        db.Publications.Add(new Infrastructure.State.Publication
        {
            DocumentId = id,
            Version = number,
            PublishedAt = DateTime.UtcNow,
            BlobsJson = JsonSerializer.Serialize(outputs.BlobsByFormat),
        });
        try
        {
            await db.SaveChangesAsync(cancellation);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<Infrastructure.State.Publication>().Any())
        {
            // Another delivery recorded the same publication first; its outputs are the same bytes.
            db.ChangeTracker.Clear();
            if (!await db.Publications.AnyAsync(p => p.DocumentId == id && p.Version == number, cancellation)) throw;
        }
    }
}
