using IngestPipeline.Contracts;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Intake;
using IngestPipeline.Pipeline.Lifecycle;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Pipeline.Tests.Support;
using IngestPipeline.Domain.Review;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IngestPipeline.Pipeline.Tests;

/// <summary>Each stage, delivered twice, does its work once; the sweeper; two reviewers saving at once.</summary>
public sealed class StageTests
{
    [Fact]
    public async Task A_document_goes_from_upload_to_review_and_every_stage_delivered_again_changes_nothing()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var id = await pipeline.RegisterAsync(TestFolders.SamplePages[0]);
        var reviewed = await pipeline.RunUntilAsync(id, DocumentStage.AwaitingReview);
        var page = Assert.Single(reviewed.Pages);
        Assert.Equal(PageStatus.Recognized, page.Status);

        await pipeline.DeliverAsync(new SplitDocument(id));
        await pipeline.DeliverAsync(new RecognizePage(id, 1));
        await pipeline.DeliverAsync(new CleanDocument(id));
        await pipeline.Harness.InactivityTask;
        Assert.Equal(2, pipeline.Harness.Consumed.Select<SplitDocument>().Count());
        Assert.Equal(2, pipeline.Harness.Consumed.Select<RecognizePage>().Count());
        Assert.Equal(2, pipeline.Harness.Consumed.Select<CleanDocument>().Count());

        var after = await pipeline.DocumentAsync(id);
        Assert.Equal(DocumentStage.AwaitingReview, after.Stage);
        Assert.Equal(reviewed.StageChangedAt, after.StageChangedAt);
        Assert.Equal(page.Attempts, Assert.Single(after.Pages).Attempts);
        Assert.Empty(await pipeline.OutboxAsync());
        Assert.Equal(1, await pipeline.QueryAsync(db => db.ReviewTasks.CountAsync(t => t.DocumentId == id)));
        Assert.Equal(1, await pipeline.QueryAsync(db => db.Versions.CountAsync(v => v.DocumentId == id)));
    }

    [Fact]
    public async Task A_file_that_is_no_scan_fails_at_the_split_with_its_name_and_the_problem()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var path = Path.Combine(TestFolders.New(), "notes.png");
        await File.WriteAllTextAsync(path, "these are not the pixels of a page");
        var id = await pipeline.RegisterAsync(path);

        var failed = await pipeline.RunUntilAsync(id, DocumentStage.Failed);

        Assert.StartsWith("notes.png: ", failed.FailureReason);
        Assert.Empty(await pipeline.OutboxAsync());
    }

    [Fact]
    public async Task The_sweeper_sends_again_the_work_of_a_worker_that_died_in_mid_stage_and_leaves_live_work_alone()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync(settings: new Dictionary<string, string?> { ["Pipeline:Scheduling:StageDeadline"] = "00:05:00" });
        var stuck = await pipeline.RegisterAsync(TestFolders.SamplePages[0]);
        var live = await pipeline.RegisterAsync(TestFolders.SamplePages[1]);
        await pipeline.QueryAsync(async db =>
        {
            await db.Outbox.ExecuteDeleteAsync(); // both splits were sent and taken by workers
            var longAgo = DateTime.UtcNow.AddHours(-1);
            await db.Documents.Where(d => d.Id == stuck).ExecuteUpdateAsync(s => s.SetProperty(d => d.Stage, DocumentStage.Splitting).SetProperty(d => d.StageChangedAt, longAgo));
            return await db.Documents.Where(d => d.Id == live).ExecuteUpdateAsync(s => s.SetProperty(d => d.Stage, DocumentStage.Splitting));
        });

        int sent = await pipeline.InScopeAsync(s => s.GetRequiredService<StuckWorkSweeper>().RunAsync());

        Assert.Equal(1, sent);
        var row = await pipeline.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.Equal(nameof(SplitDocument), row.Type);
        Assert.Contains(stuck.ToString(), row.Body);
    }

    [Fact]
    public async Task Of_two_reviewers_saving_the_same_revision_one_saves_and_the_other_is_told_who_saved_first()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var id = await pipeline.RegisterAsync(TestFolders.SamplePages[0]);
        await pipeline.RunUntilAsync(id, DocumentStage.AwaitingReview);
        int revision = await pipeline.QueryAsync(db => db.ReviewTasks.Where(t => t.DocumentId == id).Select(t => t.Revision).SingleAsync());

        var noChange = new ReviewDraft([], new ReviewedMetadata(null, null, null, null, null, null));
        var results = await Task.WhenAll(new[] { "ada", "ben" }.Select(reviewer => pipeline.InScopeAsync(s =>
            s.GetRequiredService<ReviewService>().SubmitAsync(id, reviewer, revision, noChange, ReviewDecision.Save, null))));

        var saved = Assert.Single(results, r => r.Outcome == ReviewOutcome.Saved);
        var refused = Assert.Single(results, r => r.Outcome == ReviewOutcome.Conflict);
        Assert.Matches("^(ada|ben) saved version 2 of this document", refused.Message);
        Assert.Equal(DocumentStage.AwaitingReview, (await pipeline.DocumentAsync(id)).Stage);
        Assert.Empty(await pipeline.OutboxAsync());

        var approval = await pipeline.InScopeAsync(s => s.GetRequiredService<ReviewService>().SubmitAsync(id, "ada", saved.Revision, noChange, ReviewDecision.Approve, null));
        Assert.Equal(ReviewOutcome.Saved, approval.Outcome);
        Assert.Equal(DocumentStage.Approved, (await pipeline.DocumentAsync(id)).Stage);
        Assert.Equal([nameof(PublishDocument)], await pipeline.OutboxAsync());

        var published = await pipeline.RunUntilAsync(id, DocumentStage.Published);
        Assert.Equal(1, await pipeline.QueryAsync(db => db.Publications.CountAsync(p => p.DocumentId == id)));
        Assert.True(published.StageChangedAt >= published.CreatedAt);
    }
}
