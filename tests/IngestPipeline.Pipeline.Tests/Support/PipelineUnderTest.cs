using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Hosting;
using IngestPipeline.Pipeline.Lifecycle;
using IngestPipeline.Pipeline.Intake;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IngestPipeline.Pipeline.Tests.Support;

/// <summary>
/// One process of the pipeline, in this one: the production wiring (<see cref="PipelineServices.AddPipeline"/>) on a
/// SQLite file and a blob folder of its own, with MassTransit's test harness as its bus (in memory, the stage consumers
/// kept). Two of them on the same data directory are two workers sharing a database. The outbox is drained by the
/// test (<see cref="DrainOutboxAsync"/>), so a "process that died after saving" is one whose outbox is never drained.
/// </summary>
internal sealed class PipelineUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private PipelineUnderTest(ServiceProvider provider, string dataDirectory)
    {
        _provider = provider;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }
    public ITestHarness Harness => _provider.GetRequiredService<ITestHarness>();
    public PipelineOptions Options => _provider.GetRequiredService<PipelineOptions>();

    /// <summary>A pipeline process on <paramref name="dataDirectory"/> (a new one when null), its bus started.</summary>
    public static async Task<PipelineUnderTest> StartAsync(string? dataDirectory = null, IDictionary<string, string?>? settings = null)
    {
        dataDirectory ??= TestFolders.New();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pipeline:DataDirectory"] = dataDirectory,
            ["Pipeline:Worker:Engines"] = "1",
            ["Pipeline:Ocr:Engines"] = "tesseract",
        }.Concat(settings ?? new Dictionary<string, string?>())).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPipeline(configuration);
        // The harness starts the host's services with the bus: only the bus's own are kept. The outbox is drained by
        // the test, or by a dispatcher it starts; no Hangfire server runs (so no sweeper), no engine warm-up.
        foreach (var hosted in services.Where(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType?.Assembly != typeof(IBus).Assembly).ToList())
            services.Remove(hosted);
        services.AddMassTransitTestHarness(harness => harness.SetKebabCaseEndpointNameFormatter());
        var provider = services.BuildServiceProvider();
        await provider.PreparePipelineStateAsync();
        var pipeline = new PipelineUnderTest(provider, dataDirectory);
        await pipeline.Harness.Start();
        return pipeline;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async s => { await work(s); return 0; });

    public Task<T> QueryAsync<T>(Func<PipelineDbContext, Task<T>> query) => InScopeAsync(s => query(s.GetRequiredService<PipelineDbContext>()));

    /// <summary>Registers a file as an upload would (original stored, document recorded, its split saved in the outbox).</summary>
    public Task<Guid> RegisterAsync(string path, string? collection = null) => InScopeAsync(async s =>
    {
        await using var file = File.OpenRead(path);
        return (await s.GetRequiredService<DocumentRegistrar>().RegisterAsync(file, Path.GetFileName(path), new UploadDetails(collection))).Document.Id;
    });

    /// <summary>Sends what this process's outbox holds, as its dispatcher does when woken; returns how many it sent.</summary>
    public async Task<int> DrainOutboxAsync()
    {
        var dispatcher = _provider.GetRequiredService<OutboxDispatcher>();
        int sent = 0, batch;
        while ((batch = await dispatcher.SendBatchAsync(CancellationToken.None)) > 0) sent += batch;
        return sent;
    }

    /// <summary>Starts this process's outbox dispatcher as its host would: woken by its saves, looking every second.</summary>
    public Task StartDispatcherAsync() => _provider.GetRequiredService<OutboxDispatcher>().StartAsync(CancellationToken.None);

    /// <summary>Sends a command to its stage's queue on this process's bus, as a redelivery would.</summary>
    public async Task DeliverAsync<T>(T command) where T : class
    {
        var endpoint = await Harness.Bus.GetSendEndpoint(CommandQueues.For(typeof(T)));
        await endpoint.Send(command);
    }

    /// <summary>The commands waiting in the outbox, by contract name.</summary>
    public Task<List<string>> OutboxAsync() => QueryAsync(db => db.Outbox.OrderBy(m => m.Id).Select(m => m.Type).ToListAsync());

    public Task<Document> DocumentAsync(Guid id) => QueryAsync(db => db.Documents.AsNoTracking().Include(d => d.Pages).SingleAsync(d => d.Id == id));

    /// <summary>Drains the outbox and lets the consumers work until the document reaches <paramref name="stage"/>.</summary>
    public async Task<Document> RunUntilAsync(Guid id, DocumentStage stage, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            await DrainOutboxAsync();
            var document = await DocumentAsync(id);
            if (document.Stage == stage) return document;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Document {id} is {document.Stage}, not {stage}, after the timeout");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.GetRequiredService<OutboxDispatcher>().StopAsync(CancellationToken.None);
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
