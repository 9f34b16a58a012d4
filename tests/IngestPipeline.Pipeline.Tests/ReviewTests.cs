using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Review;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Lifecycle;
using IngestPipeline.Pipeline.Learning;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Pipeline.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IngestPipeline.Pipeline.Tests;

/// <summary>A reviewer's text against the pipeline's readings: a re-OCR suggests, it never replaces; any version comes back.</summary>
public sealed class ReviewTests
{
    [Fact]
    public async Task A_collections_re_OCR_after_a_reviewer_saved_is_a_suggestion_beside_their_text_which_a_restore_takes()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var id = await pipeline.RegisterAsync(TestFolders.SamplePages[0], collection: "Chungking 1943");
        var recognized = await pipeline.RunUntilAsync(id, DocumentStage.AwaitingReview);
        var firstLine = ReviewSheet.Of(JsonExporter.Read(recognized.TranscriptJson!))[0];
        int revision = await pipeline.QueryAsync(db => db.ReviewTasks.Where(t => t.DocumentId == id).Select(t => t.Revision).SingleAsync());
        var edit = new ReviewDraft([new LineEdit(firstLine.Page, firstLine.Index, "A line the reviewer wrote")], ReviewedMetadata.Of(null));
        var saved = await pipeline.InScopeAsync(s => s.GetRequiredService<ReviewService>().SubmitAsync(id, "ada", revision, edit, ReviewDecision.Save, null));
        Assert.Equal(ReviewOutcome.Saved, saved.Outcome);

        // The admin's re-OCR of the collection, the Hangfire job: read again with what the collection has learned since.
        await pipeline.InScopeAsync(s => s.GetRequiredService<ReprocessJob>().ReprocessCollectionAsync("Chungking 1943", CancellationToken.None));
        var readAgain = await pipeline.RunUntilAsync(id, DocumentStage.AwaitingReview);

        Assert.Contains("A line the reviewer wrote", readAgain.Text);
        var kinds = await pipeline.QueryAsync(db => db.Versions.Where(v => v.DocumentId == id).OrderBy(v => v.Number).Select(v => v.Kind).ToListAsync());
        Assert.Equal([VersionKind.Recognized, VersionKind.Saved, VersionKind.Suggested], kinds);
        // A page opened before the re-OCR cannot save as if nothing had happened.
        Assert.True(await pipeline.QueryAsync(db => db.ReviewTasks.Where(t => t.DocumentId == id).Select(t => t.Revision).SingleAsync()) > saved.Revision);

        var taken = await pipeline.InScopeAsync(s => s.GetRequiredService<ReviewService>().RestoreAsync(id, "ada", 3));
        Assert.Equal("Restored version 3 as version 4.", taken.Message);
        var document = await pipeline.DocumentAsync(id);
        Assert.DoesNotContain("A line the reviewer wrote", document.Text);
        Assert.Equal(firstLine.Text, ReviewSheet.Of(JsonExporter.Read(document.TranscriptJson!))[0].Text);
    }

    [Fact]
    public async Task Each_saved_version_leaves_the_decisions_its_text_holds_as_the_documents_labelled_examples()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var id = await pipeline.RegisterAsync(TestFolders.SamplePages[0], collection: "Chungking 1943");
        var recognized = await pipeline.RunUntilAsync(id, DocumentStage.AwaitingReview);
        var lines = ReviewSheet.Of(JsonExporter.Read(recognized.TranscriptJson!)).Where(l => l.Flags.Count == 0 && l.Text.Split(' ').Length >= 3).Take(2).ToList();
        var (first, second) = (lines[0], lines[1]);
        var metadata = ReviewedMetadata.Of(null);
        async Task<ReviewResult> SubmitAsync(ReviewDecision decision, params LineEdit[] edits)
        {
            int revision = await pipeline.QueryAsync(db => db.ReviewTasks.Where(t => t.DocumentId == id).Select(t => t.Revision).SingleAsync());
            return await pipeline.InScopeAsync(s => s.GetRequiredService<ReviewService>().SubmitAsync(id, "ada", revision, new ReviewDraft(edits, metadata), decision, null));
        }
        Task<List<ReviewExample>> ExamplesAsync() => pipeline.QueryAsync(db => db.ReviewExamples.Where(e => e.DocumentId == id).OrderBy(e => e.Line).ThenBy(e => e.Word).ToListAsync());

        // A word corrected and a marker typed over the last word of another line.
        var words = second.Text.Split(' ');
        await SubmitAsync(ReviewDecision.Save, new LineEdit(first.Page, first.Index, "Corrected " + first.Text),
            new LineEdit(second.Page, second.Index, string.Join(' ', words[..^1].Append(Word.IllegibleMarker))));
        var saved = await ExamplesAsync();
        Assert.Equal([("WordCorrected", first.Index, 0, "", "Corrected"), ("MarkerInserted", second.Index, words.Length - 1, words[^1], Word.IllegibleMarker)],
            saved.Select(e => (e.Kind, e.Line, e.Word, e.Recognized, e.Reviewed)));
        Assert.All(saved, e => Assert.Equal(("Chungking 1943", 2, 1, "ada"), (e.Collection, e.Version, e.RecognizedVersion, e.Reviewer)));
        Assert.Contains("\"confidence\"", saved[1].EvidenceJson);
        Assert.True(saved[1].Right > saved[1].Left && saved[1].Bottom > saved[1].Top);

        // The correction taken back: the examples are what the text now holds, the correction no longer one of them.
        await SubmitAsync(ReviewDecision.Save, new LineEdit(first.Page, first.Index, first.Text));
        Assert.Equal(["MarkerInserted"], (await ExamplesAsync()).Select(e => e.Kind));

        // Restoring the pipeline's reading takes every decision back.
        await pipeline.InScopeAsync(s => s.GetRequiredService<ReviewService>().RestoreAsync(id, "ada", 1));
        Assert.Empty(await ExamplesAsync());
        Assert.Equal(1, await pipeline.QueryAsync(db => db.Versions.Where(v => v.DocumentId == id && v.Kind == VersionKind.Restored).Select(v => v.RestoredFrom).SingleAsync()));
    }

    [Fact]
    public async Task An_approval_scores_the_pipelines_reading_against_the_approved_text_and_keeps_the_review_time()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var id = await pipeline.RegisterAsync(TestFolders.SamplePages[0], collection: "Chungking 1943");
        var recognized = await pipeline.RunUntilAsync(id, DocumentStage.AwaitingReview);
        var line = ReviewSheet.Of(JsonExporter.Read(recognized.TranscriptJson!)).First(l => l.Flags.Count == 0 && l.Text.Length > 10);
        var service = (IServiceProvider s) => s.GetRequiredService<ReviewService>();
        int Revision() => pipeline.QueryAsync(db => db.ReviewTasks.Where(t => t.DocumentId == id).Select(t => t.Revision).SingleAsync()).GetAwaiter().GetResult();

        var draft = new ReviewDraft([new LineEdit(line.Page, line.Index, line.Text + " Quartermaster")], ReviewedMetadata.Of(null));
        await pipeline.InScopeAsync(s => service(s).SubmitAsync(id, "ada", Revision(), draft, ReviewDecision.Save, null, seconds: 40));
        Assert.Null(await pipeline.QueryAsync(db => db.ApprovalScores.SingleOrDefaultAsync(a => a.DocumentId == id)));
        await pipeline.InScopeAsync(s => service(s).SubmitAsync(id, "ada", Revision(), draft, ReviewDecision.Approve, null, seconds: ReviewService.MaxSecondsPerSave + 100));

        var score = await pipeline.QueryAsync(db => db.ApprovalScores.SingleAsync(a => a.DocumentId == id));
        Assert.Equal(("Chungking 1943", 3, 1, 40 + ReviewService.MaxSecondsPerSave), (score.Collection, score.Version, score.Pages, score.ReviewSeconds));
        // The reviewer added one word of 13 letters and a space: that is the reading's every error against the approved text.
        Assert.Equal((14, 1), (score.CharacterEdits, score.WordEdits));
        Assert.True(score.Characters > 100);
        var quality = await pipeline.QueryAsync(db => QualityReport.OfAsync(db, "Chungking 1943", CancellationToken.None));
        Assert.Equal((1, 1), (quality.All.Documents, quality.Weeks.Count));
        Assert.Equal(14.0 / score.Characters, quality.All.Cer, 9);
        // Approval kept the markers and confirmed the doubtful words left open; the one correction was not flagged.
        Assert.Equal(["WordCorrected"], await pipeline.QueryAsync(db => db.ReviewExamples.Where(e => e.DocumentId == id && e.Kind != "MarkerKept" && e.Kind != "FlagConfirmed").Select(e => e.Kind).ToListAsync()));
        Assert.InRange(quality.All.ErrorsFlagged!.Value, 0, 0.99);
    }

    [Fact]
    public async Task A_published_approval_teaches_its_collection_the_words_a_reviewer_typed_and_no_other_collection_and_a_removed_word_stays_out()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var id = await pipeline.RegisterAsync(TestFolders.SamplePages[0], collection: "Chungking 1943");
        var other = await pipeline.RegisterAsync(TestFolders.SamplePages[1], collection: "Lisbon 1944");
        var recognized = await pipeline.RunUntilAsync(id, DocumentStage.AwaitingReview);
        await pipeline.RunUntilAsync(other, DocumentStage.AwaitingReview);
        var line = ReviewSheet.Of(JsonExporter.Read(recognized.TranscriptJson!)).First(l => l.Flags.Count == 0 && l.Text.Length > 10);
        async Task ApproveAsync(Guid document, ReviewDraft draft)
        {
            int revision = await pipeline.QueryAsync(db => db.ReviewTasks.Where(t => t.DocumentId == document).Select(t => t.Revision).SingleAsync());
            var result = await pipeline.InScopeAsync(s => s.GetRequiredService<ReviewService>().SubmitAsync(document, "ada", revision, draft, ReviewDecision.Approve, null));
            Assert.Equal(ReviewOutcome.Saved, result.Outcome);
            await pipeline.RunUntilAsync(document, DocumentStage.Published);
        }
        Task<IReadOnlyList<string>> WordsAsync(string collection) => pipeline.QueryAsync(db => CollectionLexicon.WordsAsync(db, collection, CancellationToken.None));

        await ApproveAsync(id, new ReviewDraft([new LineEdit(line.Page, line.Index, line.Text + " Wanhsien")], ReviewedMetadata.Of(null)));
        await ApproveAsync(other, new ReviewDraft([], ReviewedMetadata.Of(null)));

        Assert.Contains("Wanhsien", await WordsAsync("Chungking 1943"));
        Assert.DoesNotContain("Wanhsien", await WordsAsync("Lisbon 1944"));
        // Words of one approved text that nobody typed or kept wait for a second document.
        var entries = await pipeline.QueryAsync(db => CollectionLexicon.EntriesAsync(db, "Chungking 1943", CancellationToken.None));
        Assert.All(entries, e => Assert.Equal(e.Confirmed, e.Known));
        Assert.DoesNotContain(entries, e => e.Word is "the" or "Embassy" or "ILLEGIBLE");

        // Removed by an admin, the word is not learned again from the document approved anew.
        Assert.True(await pipeline.QueryAsync(db => CollectionLexicon.RemoveAsync(db, "Chungking 1943", "Wanhsien", "root", CancellationToken.None)));
        Assert.DoesNotContain("Wanhsien", await WordsAsync("Chungking 1943"));
        await pipeline.InScopeAsync(s => s.GetRequiredService<ReviewService>().ReopenAsync(id, "ada"));
        await ApproveAsync(id, new ReviewDraft([], ReviewedMetadata.Of(null)));
        Assert.DoesNotContain("Wanhsien", await WordsAsync("Chungking 1943"));
        // The approval's score is the latest approval's, one per document.
        var latest = await pipeline.QueryAsync(db => db.Versions.Where(v => v.DocumentId == id).MaxAsync(v => v.Number));
        Assert.Equal([latest], await pipeline.QueryAsync(db => db.ApprovalScores.Where(a => a.DocumentId == id).Select(a => a.Version).ToListAsync()));
        Assert.Contains(await pipeline.QueryAsync(db => CollectionLexicon.EntriesAsync(db, "Chungking 1943", CancellationToken.None)),
            e => e is { Word: "Wanhsien", Known: false, RemovedBy: "root" });
    }
}
