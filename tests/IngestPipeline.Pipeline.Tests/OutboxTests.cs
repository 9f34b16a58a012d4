using System.Diagnostics;
using IngestPipeline.Contracts;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Tests.Support;

namespace IngestPipeline.Pipeline.Tests;

/// <summary>Commands saved with the change that calls for them, and sent even when the process that saved them died.</summary>
public sealed class OutboxTests
{
    [Fact]
    public async Task A_worker_that_dies_between_saving_a_page_and_sending_the_cleaning_holds_nothing_up()
    {
        var data = TestFolders.New();
        Guid id;
        await using (var dying = await PipelineUnderTest.StartAsync(data))
        {
            id = await dying.RegisterAsync(TestFolders.SamplePages[0]);
            await dying.DrainOutboxAsync(); // the split goes out
            await WaitForAsync(async () => (await dying.OutboxAsync()).Contains(nameof(RecognizePage)), TimeSpan.FromSeconds(30));
            await dying.DrainOutboxAsync(); // the page goes out and is recognised on this worker
            await WaitForAsync(async () => (await dying.OutboxAsync()).Contains(nameof(CleanDocument)), TimeSpan.FromSeconds(60));
            // The page and the request to clean are saved; the worker dies before its dispatcher sends.
        }
        Assert.Equal(DocumentStage.Recognizing, (await ReadDocumentAsync(data, id)).Stage);

        await using var survivor = await PipelineUnderTest.StartAsync(data);
        var clock = Stopwatch.StartNew();
        await survivor.StartDispatcherAsync(); // no sweeper runs: the stage deadline is minutes away
        await WaitForAsync(async () => (await survivor.DocumentAsync(id)).Stage == DocumentStage.AwaitingReview, TimeSpan.FromSeconds(30));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the document went on after {clock.Elapsed}");
        Assert.Empty(await survivor.OutboxAsync());
    }

    [Fact]
    public async Task An_upload_whose_process_dies_before_sending_the_split_is_split_by_another()
    {
        var data = TestFolders.New();
        Guid id;
        await using (var dying = await PipelineUnderTest.StartAsync(data)) id = await dying.RegisterAsync(TestFolders.SamplePages[1]);

        await using var survivor = await PipelineUnderTest.StartAsync(data);
        await survivor.StartDispatcherAsync();
        await WaitForAsync(async () => (await survivor.DocumentAsync(id)).Stage != DocumentStage.Registered, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Two_dispatchers_on_one_outbox_send_each_command_once()
    {
        var data = TestFolders.New();
        await using var first = await PipelineUnderTest.StartAsync(data, new Dictionary<string, string?> { ["Pipeline:Worker:Enabled"] = "false" });
        await using var second = await PipelineUnderTest.StartAsync(data, new Dictionary<string, string?> { ["Pipeline:Worker:Enabled"] = "false" });
        foreach (var page in TestFolders.SamplePages) await first.RegisterAsync(page);

        var sent = await Task.WhenAll(first.DrainOutboxAsync(), second.DrainOutboxAsync());

        Assert.Equal(TestFolders.SamplePages.Count, sent.Sum());
        Assert.Empty(await first.OutboxAsync());
    }

    private static async Task<Document> ReadDocumentAsync(string data, Guid id)
    {
        await using var reader = await PipelineUnderTest.StartAsync(data, new Dictionary<string, string?> { ["Pipeline:Worker:Enabled"] = "false" });
        return await reader.DocumentAsync(id);
    }

    internal static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"not so after {timeout}");
            await Task.Delay(50);
        }
    }
}
