using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Review;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Lifecycle;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Pipeline.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IngestPipeline.Pipeline.Tests;

/// <summary>A reviewer's text against the pipeline's readings: a re-OCR suggests, it never replaces; any version comes back.</summary>
public sealed class ReviewTests
{
    [Fact]
    public async Task A_re_OCR_after_a_reviewer_saved_is_a_suggestion_beside_their_text_which_a_restore_takes()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var id = await pipeline.RegisterAsync(TestFolders.SamplePages[0]);
        var recognized = await pipeline.RunUntilAsync(id, DocumentStage.AwaitingReview);
        var firstLine = ReviewSheet.Of(JsonExporter.Read(recognized.TranscriptJson!))[0];
        int revision = await pipeline.QueryAsync(db => db.ReviewTasks.Where(t => t.DocumentId == id).Select(t => t.Revision).SingleAsync());
        var edit = new ReviewDraft([new LineEdit(firstLine.Page, firstLine.Index, "A line the reviewer wrote")], ReviewedMetadata.Of(null));
        var saved = await pipeline.InScopeAsync(s => s.GetRequiredService<ReviewService>().SubmitAsync(id, "ada", revision, edit, ReviewDecision.Save, null));
        Assert.Equal(ReviewOutcome.Saved, saved.Outcome);

        await pipeline.InScopeAsync(s => s.GetRequiredService<DocumentLifecycle>().ReprocessAsync(id, CancellationToken.None));
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
}
