using IngestPipeline.Contracts;
using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Review;
using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Ocr.Illegibility;
using IngestPipeline.Pipeline.Learning;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Pipeline.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IngestPipeline.Pipeline.Tests;

/// <summary>A collection's [ILLEGIBLE] decision retrained from its approved documents, put in force, and rolled back.</summary>
public sealed class CollectionLearningTests
{
    private const string Collection = "Chungking 1943";

    [Fact]
    public async Task A_model_retrained_from_approved_documents_decides_the_collection_once_in_force_and_a_rollback_brings_the_earlier_reading_back_exactly()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var id = await pipeline.RegisterAsync(TestFolders.SamplePages[0], Collection);
        await pipeline.RunUntilAsync(id, DocumentStage.AwaitingReview);
        int revision = await pipeline.QueryAsync(db => db.ReviewTasks.Where(t => t.DocumentId == id).Select(t => t.Revision).SingleAsync());
        var approved = await pipeline.InScopeAsync(s => s.GetRequiredService<ReviewService>()
            .SubmitAsync(id, "ada", revision, new ReviewDraft([], ReviewedMetadata.Of(null)), ReviewDecision.Approve, null));
        Assert.Equal(ReviewOutcome.Saved, approved.Outcome);
        // Three more approved documents of the collection: copies of the first, as a cable office's repeated forms are.
        await pipeline.InScopeAsync(s => CopyApprovedAsync(s.GetRequiredService<PipelineDbContext>(), id, copies: 3));
        Task<int> RetrainAsync(string collection) => pipeline.InScopeAsync(s => s.GetRequiredService<CollectionRetrainingJob>()
            .RetrainAsync(collection, "root", activateIfBetter: false, CancellationToken.None));
        Task<T> DecisionsAsync<T>(Func<CollectionDecisions, Task<T>> work) => pipeline.InScopeAsync(s => work(s.GetRequiredService<CollectionDecisions>()));

        Assert.Equal(1, await RetrainAsync(Collection));

        var model = Assert.Single(await DecisionsAsync(d => d.ModelsAsync(Collection, CancellationToken.None)));
        Assert.Equal((1, 4, 4, false), (model.Number, model.Documents, model.Pages, model.InForce));
        Assert.Equal(IllegibilityModelFiles.Choose(IllegibilityModelFiles.Learned)!.Version, model.StartVersion);
        Assert.NotEqual(model.StartVersion, model.Version);
        // Approved as read: the pipeline's own markers are the approved ones.
        Assert.Equal(0, model.Before.FalseMarkers);
        Assert.Equal(model.Before.Spans, model.Before.FoundSpans);
        Assert.Equal(model.Before.Spans, model.After.Spans);
        Assert.Null(await DecisionsAsync(d => d.InForceAsync(Collection, CancellationToken.None)));

        // In force, the model marks the collection's next reading, which names it.
        var change = await DecisionsAsync(d => d.ActivateAsync(Collection, 1, "root", CancellationToken.None));
        Assert.Equal(model.Threshold, change.Threshold);
        var learned = await CleanAgainAsync(pipeline, id);
        Assert.Equal(model.Version, JsonExporter.Read(learned.TranscriptJson).IllegibilityModel);

        // A stricter target precision is a change of its own, with a threshold no lower.
        var stricter = await DecisionsAsync(d => d.SetTargetPrecisionAsync(Collection, 0.99, "root", CancellationToken.None));
        Assert.True(stricter.Threshold >= change.Threshold);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => DecisionsAsync(d => d.SetTargetPrecisionAsync(Collection, 1.5, "root", CancellationToken.None)));

        // Two rollbacks: the stricter threshold, then the model, undone; the pipeline's own decision reads as it did.
        await DecisionsAsync(d => d.RollbackAsync(Collection, "root", CancellationToken.None));
        Assert.Equal(change.Threshold, (await DecisionsAsync(d => d.InForceAsync(Collection, CancellationToken.None)))!.Threshold);
        await DecisionsAsync(d => d.RollbackAsync(Collection, "root", CancellationToken.None));
        Assert.Null(await DecisionsAsync(d => d.InForceAsync(Collection, CancellationToken.None)));
        var own = await CleanAgainAsync(pipeline, id);
        Assert.Null(JsonExporter.Read(own.TranscriptJson).IllegibilityModel);
        var first = await pipeline.QueryAsync(db => db.Versions.SingleAsync(v => v.DocumentId == id && v.Number == 1));
        Assert.Equal(first.LineText, own.LineText);
        Assert.Equal(first.TranscriptJson, own.TranscriptJson);
        var history = (await DecisionsAsync(d => d.ViewAsync(Collection, CancellationToken.None))).History;
        Assert.Equal(["target precision", "activated"], history.Select(h => h.Reason));
        Assert.All(history, h => Assert.Equal("root", h.UndoneBy));

        // A collection of too few approved documents is refused with its reason; no model is recorded.
        var error = await Assert.ThrowsAsync<ArgumentException>(() => RetrainAsync("Lisbon 1944"));
        Assert.Contains("\"Lisbon 1944\" has 0 approved documents", error.Message);
        Assert.Empty(await DecisionsAsync(d => d.ModelsAsync("Lisbon 1944", CancellationToken.None)));
    }

    [Fact]
    public async Task The_confusions_reviewers_corrected_in_approved_documents_correct_the_collections_next_documents_and_no_others()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        // A typewriter whose 's' strikes too light to see: reviewers typed the letter back, in two approved documents.
        await pipeline.QueryAsync(db => AddReviewedAsync(db, Collection, VersionKind.Approved, ("Wahington", "Washington"), ("ituation", "situation")));
        await pipeline.QueryAsync(db => AddReviewedAsync(db, Collection, VersionKind.Approved, ("pre", "press"), ("SECRET,", "SECRET.")));
        // The same corrections in a draft of another collection's document, and in a document that was only saved.
        await pipeline.QueryAsync(db => AddReviewedAsync(db, "Lisbon 1944", VersionKind.Approved, ("Wahington", "Washington"), ("ituation", "situation"), ("pres", "press")));
        await pipeline.QueryAsync(db => AddReviewedAsync(db, "Lisbon 1944", VersionKind.Saved, ("ditance", "distance")));
        // Learned as the publication of an approved document learns them, by the words cleanup knows.
        var words = new Lexicon(["# ordinary words", "washington situation press distance will mission"]);
        Task<CollectionConfusionSet> LearnedAsync(string collection) => pipeline.QueryAsync(async db =>
        {
            await CollectionConfusions.LearnAsync(db, collection, words, CancellationToken.None);
            await db.SaveChangesAsync();
            return await CollectionConfusions.OfAsync(db, collection, CancellationToken.None);
        });

        // "pre" for "press" is two letters lost, not one confusion; three words in two documents teach the weak 's'.
        Assert.Empty((await LearnedAsync(Collection)).Confusions);
        await pipeline.QueryAsync(db => AddReviewedAsync(db, Collection, VersionKind.Approved, ("wi", "will"), ("pres", "press")));
        Assert.Equal([new Confusion("", "s")], (await LearnedAsync(Collection)).Confusions);
        // One approved document of its own teaches the other collection nothing, and a draft nothing at all.
        Assert.Empty((await LearnedAsync("Lisbon 1944")).Confusions);

        // A word misread alike in two documents is learned as such, unless the collection's approved texts hold it as typed.
        Assert.Empty((await LearnedAsync(Collection)).Readings);
        await pipeline.QueryAsync(db => AddReviewedAsync(db, Collection, VersionKind.Approved, ("wi", "will"), ("Kiangtow", "Kiangtsun")));
        Assert.Equal(new Dictionary<string, string> { ["wi"] = "will" }, (await LearnedAsync(Collection)).Readings);
        await pipeline.QueryAsync(db => AddReviewedAsync(db, Collection, VersionKind.Approved, ("Kiangtow", "Kiangtsun")));
        Assert.Equal(["Kiangtow", "wi"], (await LearnedAsync(Collection)).Readings.Keys.Order(StringComparer.Ordinal));
        await pipeline.QueryAsync(db => AddReviewedAsync(db, Collection, VersionKind.Approved, ("Kiangtow", "Kiangtow")));
        Assert.Equal(["wi"], (await LearnedAsync(Collection)).Readings.Keys);

        var cleanup = await pipeline.InScopeAsync(s => s.GetRequiredService<CollectionDecisions>()
            .CleanupForAsync(Collection, new CleanupOptions(), new IllegibilityDecisionOptions(), CancellationToken.None));
        Assert.Equal([new Confusion("", "s")], cleanup.Confusions.Learned);
        Assert.Equal("will", cleanup.Confusions.LearnedReadings["wi"]);

        // An admin takes the lost 's' out: the collection's cleanup no longer corrects by it, however often it is corrected again.
        Task<bool> RemoveAsync(string fault) => pipeline.QueryAsync(db => CollectionConfusions.RemoveAsync(db, Collection, fault, "root", CancellationToken.None));
        Assert.True(await RemoveAsync(CollectionConfusionSet.FaultOf(new Confusion("", "s"))));
        Assert.False(await RemoveAsync(CollectionConfusionSet.FaultOf(new Confusion("", "e"))));
        Assert.False(await RemoveAsync("word:never-read"));
        await pipeline.QueryAsync(db => AddReviewedAsync(db, Collection, VersionKind.Approved, ("ditance", "distance"), ("mi ion", "mission")));
        Assert.Empty((await LearnedAsync(Collection)).Confusions);
        Assert.Equal(["wi"], (await LearnedAsync(Collection)).Readings.Keys);
        Assert.True(await RemoveAsync("word:wi"));
        Assert.Empty((await LearnedAsync(Collection)).Readings);
    }

    /// <summary>A document of the collection with one version of this kind, whose reviewer corrected these words (read, reviewed).</summary>
    private static async Task<int> AddReviewedAsync(PipelineDbContext db, string collection, VersionKind kind, params (string Read, string Reviewed)[] words)
    {
        var id = Guid.NewGuid();
        db.Documents.Add(new Document
        {
            Id = id, Sha256 = Convert.ToHexStringLower(id.ToByteArray()) + new string('0', 32), FileName = $"{id:N}.png", Collection = collection,
            Stage = DocumentStage.Published, StageChangedAt = DateTime.UtcNow, PageCount = 1, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        });
        // The approved text holds the reviewed words.
        db.Versions.Add(new DocumentVersion
        {
            DocumentId = id, Number = 2, Kind = kind, Author = "ada", CreatedAt = DateTime.UtcNow, TranscriptJson = "{}",
            LineText = "[page 1]\n" + string.Join(' ', words.Select(w => w.Reviewed)) + "\n",
        });
        foreach (var (read, reviewed) in words.Where(w => w.Read != w.Reviewed))
            db.ReviewExamples.Add(new ReviewExample
            {
                DocumentId = id, Collection = collection, Version = 2, RecognizedVersion = 1, Kind = nameof(DecisionKind.WordCorrected),
                Page = 1, Line = 1, Recognized = read, Reviewed = reviewed, Reviewer = "ada", DecidedAt = DateTime.UtcNow,
            });
        return await db.SaveChangesAsync();
    }

    /// <summary>The collection's decision applied to the document's stored reading, as a redelivered clean command would: its newest version.</summary>
    private static async Task<DocumentVersion> CleanAgainAsync(PipelineUnderTest pipeline, Guid id)
    {
        await pipeline.QueryAsync(db => db.Documents.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Stage, DocumentStage.Recognizing)));
        int before = await pipeline.QueryAsync(db => db.Versions.Where(v => v.DocumentId == id).MaxAsync(v => v.Number));
        await pipeline.DeliverAsync(new CleanDocument(id));
        await pipeline.RunUntilAsync(id, DocumentStage.AwaitingReview);
        return await pipeline.QueryAsync(db => db.Versions.Where(v => v.DocumentId == id && v.Number > before).SingleAsync());
    }

    /// <summary>Copies of an approved document (its pages' readings and its approved version), each a document of its own.</summary>
    private static async Task<int> CopyApprovedAsync(PipelineDbContext db, Guid id, int copies)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Pages).SingleAsync(d => d.Id == id);
        var version = await db.Versions.AsNoTracking().Where(v => v.DocumentId == id && v.Kind == VersionKind.Approved).SingleAsync();
        for (int copy = 1; copy <= copies; copy++)
        {
            var copyId = Guid.NewGuid();
            db.Documents.Add(new Document
            {
                Id = copyId, Sha256 = $"{document.Sha256[..^2]}{copy:x2}", FileName = $"copy{copy}-{document.FileName}", Collection = document.Collection,
                Stage = DocumentStage.Published, StageChangedAt = DateTime.UtcNow, PageCount = document.PageCount, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                Pages = [.. document.Pages.Select(p => new DocumentPage { DocumentId = copyId, Number = p.Number, Status = p.Status, OcrJson = p.OcrJson, UpdatedAt = DateTime.UtcNow })],
            });
            db.Versions.Add(new DocumentVersion
            {
                DocumentId = copyId, Number = 1, Kind = VersionKind.Approved, Author = "ada", CreatedAt = DateTime.UtcNow,
                TranscriptJson = version.TranscriptJson, LineText = version.LineText,
            });
        }
        return await db.SaveChangesAsync();
    }
}
