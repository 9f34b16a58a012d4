using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Review;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Pipeline.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IngestPipeline.Pipeline.Tests;

/// <summary>Work given to reviewers, and approval in bulk of what asks nothing of them.</summary>
public sealed class AssignmentTests
{
    [Fact]
    public async Task A_collection_given_to_a_reviewer_brings_them_its_documents_and_those_uploaded_into_it_later()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var before = await pipeline.RegisterAsync(TestFolders.SamplePages[0], "frus-1943");
        var elsewhere = await pipeline.RegisterAsync(TestFolders.SamplePages[1], "frus-1942");

        var count = await pipeline.InScopeAsync(s => s.GetRequiredService<Assignments>().AssignCollectionAsync("frus-1943", "ada", "admin"));
        var after = await pipeline.RegisterAsync(TestFolders.SamplePages[2], "frus-1943");

        Assert.Equal(1, count);
        Assert.Equal(("ada", null, "ada"), (await AssignedAsync(pipeline, before), await AssignedAsync(pipeline, elsewhere), await AssignedAsync(pipeline, after)));

        await pipeline.InScopeAsync(s => s.GetRequiredService<Assignments>().AssignCollectionAsync("frus-1943", null, "admin"));
        var later = await pipeline.RegisterAsync(TestFolders.SamplePages[3], "frus-1943");
        Assert.Equal((null, null, null), (await AssignedAsync(pipeline, before), await AssignedAsync(pipeline, after), await AssignedAsync(pipeline, later)));

        Assert.Equal(2, await pipeline.InScopeAsync(s => s.GetRequiredService<Assignments>().AssignDocumentsAsync([before, elsewhere], "grace")));
        Assert.Equal(("grace", "grace"), (await AssignedAsync(pipeline, before), await AssignedAsync(pipeline, elsewhere)));
    }

    [Fact]
    public async Task Approval_in_bulk_takes_a_document_with_no_open_flag_and_leaves_one_with_flags()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var id = await pipeline.RegisterAsync(TestFolders.SamplePages[0]);
        var read = await pipeline.RunUntilAsync(id, DocumentStage.AwaitingReview);
        Assert.True(read.FlagCount > 0);
        var review = (Func<IServiceProvider, ReviewService>)(s => s.GetRequiredService<ReviewService>());

        var refused = await pipeline.InScopeAsync(s => review(s).ApproveUnflaggedAsync(id, "ada"));
        Assert.Equal(ReviewOutcome.NotReviewable, refused.Outcome);
        Assert.Contains($"has {read.FlagCount} open flag(s)", refused.Message);

        // The reviewer looks at every flag and keeps each word as it is; nothing is left to ask about.
        var sheet = ReviewSheet.Of(JsonExporter.Read(read.TranscriptJson!));
        var kept = sheet.SelectMany(l => l.Flags.Select(f => new KeptWord(l.Page, l.Index, l.Text[..f.Start].Count(c => c == ' ')))).ToList();
        int revision = await pipeline.QueryAsync(db => db.ReviewTasks.Where(t => t.DocumentId == id).Select(t => t.Revision).SingleAsync());
        var saved = await pipeline.InScopeAsync(s => review(s).SubmitAsync(id, "ada", revision,
            new ReviewDraft([], ReviewedMetadata.Of(JsonExporter.Read(read.TranscriptJson!).Metadata)) { Kept = kept }, ReviewDecision.Save, null));
        Assert.Equal(ReviewOutcome.Saved, saved.Outcome);
        Assert.Equal(0, ReviewSheet.OpenFlagCount(JsonExporter.Read((await pipeline.DocumentAsync(id)).TranscriptJson!)));

        var approved = await pipeline.InScopeAsync(s => review(s).ApproveUnflaggedAsync(id, "grace"));

        Assert.Equal(ReviewOutcome.Saved, approved.Outcome);
        var document = await pipeline.DocumentAsync(id);
        Assert.Equal(DocumentStage.Approved, document.Stage);
        var last = await pipeline.QueryAsync(db => db.Versions.Where(v => v.DocumentId == id).OrderByDescending(v => v.Number).FirstAsync());
        Assert.Equal((VersionKind.Approved, "grace", "Approved in bulk: nothing flagged."), (last.Kind, last.Author, last.Comment));
        Assert.Equal(saved.Revision + 1, approved.Revision);
    }

    private static Task<string?> AssignedAsync(PipelineUnderTest pipeline, Guid id) =>
        pipeline.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.AssignedTo).SingleAsync());
}
