using IngestPipeline.Contracts;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Lifecycle;
using IngestPipeline.Pipeline.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IngestPipeline.Infrastructure.State.DocumentStage;

namespace IngestPipeline.Pipeline.Tests;

public sealed class LifecycleTests
{
    [Theory]
    [InlineData(Registered, Splitting, true)]
    [InlineData(Splitting, Recognizing, true)]
    [InlineData(Recognizing, Cleaning, true)]
    [InlineData(Cleaning, AwaitingReview, true)]
    [InlineData(AwaitingReview, Approved, true)]
    [InlineData(Rejected, Approved, true)]
    [InlineData(Approved, Published, true)]
    [InlineData(Published, Registered, true)]  // re-OCR, from anywhere
    [InlineData(Published, AwaitingReview, true)]  // reopened for a correction
    [InlineData(Failed, Registered, true)]
    [InlineData(Registered, Recognizing, false)] // no page is read before the split
    [InlineData(Recognizing, AwaitingReview, false)] // nor reviewed before it is cleaned
    [InlineData(AwaitingReview, Published, false)] // nor published unapproved
    [InlineData(Published, Approved, false)]
    [InlineData(Failed, Recognizing, false)]
    [InlineData(Approved, Failed, false)]
    public void Only_the_moves_of_the_lifecycle_are_allowed(DocumentStage from, DocumentStage to, bool allowed) =>
        Assert.Equal(allowed, DocumentLifecycle.CanMove(from, to));

    [Fact]
    public async Task A_move_the_lifecycle_does_not_allow_is_refused_and_nothing_is_saved()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var id = await pipeline.RegisterAsync(TestFolders.SamplePages[0]);
        await pipeline.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PipelineDbContext>();
            var document = await db.Documents.SingleAsync(d => d.Id == id);
            var error = Assert.Throws<InvalidOperationException>(() => s.GetRequiredService<DocumentLifecycle>().AwaitReview(document));
            Assert.Contains("cannot go from Registered to AwaitingReview", error.Message);
        });
        Assert.Equal(Registered, (await pipeline.DocumentAsync(id)).Stage);
    }

    [Fact]
    public async Task A_registration_saves_the_document_and_its_split_together()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var id = await pipeline.RegisterAsync(TestFolders.SamplePages[0]);

        Assert.Equal(Registered, (await pipeline.DocumentAsync(id)).Stage);
        Assert.Equal([nameof(SplitDocument)], await pipeline.OutboxAsync());
    }

    [Fact]
    public async Task The_last_two_pages_finishing_at_once_ask_for_one_cleaning()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var id = await RecognizingAsync(pipeline, "two-pages.tif",
            new DocumentPage { Number = 1, Status = PageStatus.Recognizing }, new DocumentPage { Number = 2, Status = PageStatus.Recognizing });

        // Two workers, each finishing one of the pages in its own transaction, at the same moment.
        await Task.WhenAll(new[] { 1, 2 }.Select(number => pipeline.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PipelineDbContext>();
            var document = await db.Documents.SingleAsync(d => d.Id == id);
            var page = await db.Pages.SingleAsync(p => p.DocumentId == id && p.Number == number);
            await s.GetRequiredService<DocumentLifecycle>().FinishPageAsync(document, () =>
            {
                page.Status = PageStatus.Recognized;
                return Task.CompletedTask;
            }, CancellationToken.None);
        })));

        Assert.Equal([nameof(CleanDocument)], await pipeline.OutboxAsync());
    }

    [Fact]
    public async Task A_document_none_of_whose_pages_could_be_read_fails_with_their_reasons()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync();
        var id = await RecognizingAsync(pipeline, "blank.tif",
            new DocumentPage { Number = 1, Status = PageStatus.Failed, FailureReason = "blank.tif: page 1 is empty" }, new DocumentPage { Number = 2, Status = PageStatus.Recognizing });

        await pipeline.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PipelineDbContext>();
            var document = await db.Documents.SingleAsync(d => d.Id == id);
            var page = await db.Pages.SingleAsync(p => p.DocumentId == id && p.Number == 2);
            await s.GetRequiredService<DocumentLifecycle>().FinishPageAsync(document, () =>
            {
                page.Status = PageStatus.Failed;
                page.FailureReason = "blank.tif: page 2 is cut off";
                return Task.CompletedTask;
            }, CancellationToken.None);
        });

        var failed = await pipeline.DocumentAsync(id);
        Assert.Equal(Failed, failed.Stage);
        Assert.Equal("none of its 2 pages could be read: blank.tif: page 1 is empty; blank.tif: page 2 is cut off", failed.FailureReason);
        Assert.Empty(await pipeline.OutboxAsync());
    }

    /// <summary>A document in recognition with the given pages, as a split leaves it.</summary>
    private static async Task<Guid> RecognizingAsync(PipelineUnderTest pipeline, string fileName, params DocumentPage[] pages)
    {
        var id = Guid.NewGuid();
        await pipeline.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.Documents.Add(new Document
            {
                Id = id, Sha256 = Convert.ToHexStringLower(id.ToByteArray()).PadRight(64, '0'), FileName = fileName,
                Stage = Recognizing, StageChangedAt = now, CreatedAt = now, UpdatedAt = now, Pages = [.. pages],
            });
            return await db.SaveChangesAsync();
        });
        return id;
    }
}
