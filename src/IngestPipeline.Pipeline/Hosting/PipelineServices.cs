using System.Diagnostics.Metrics;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Ocr.Imaging;
using IngestPipeline.Ocr.Illegibility;
using IngestPipeline.Ocr.Languages;
using IngestPipeline.Ocr.Lexicon;
using IngestPipeline.Ocr.Paddle;
using IngestPipeline.Ocr.Recognition;
using IngestPipeline.Pipeline.Clean;
using IngestPipeline.Pipeline.Intake;
using IngestPipeline.Pipeline.Learning;
using IngestPipeline.Pipeline.Lifecycle;
using IngestPipeline.Pipeline.Publish;
using IngestPipeline.Pipeline.Recognize;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Pipeline.Split;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IngestPipeline.Pipeline.Hosting;

/// <summary>
/// Wires the pipeline into a host. Every host gets the state, the bus (to publish) and the Hangfire client; a
/// host that works (the worker, or the web host in the embedded default) also gets the stage consumers, the OCR
/// engine pool and the Hangfire server with the recurring jobs.
/// </summary>
public static class PipelineServices
{
    public static PipelineOptions AddPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddPipelineState(configuration);
        bool worker = options.Worker.Enabled;
        services.AddMetrics();
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton(provider => new PipelineGauges(provider.GetRequiredService<IMeterFactory>(), provider.GetRequiredService<IServiceScopeFactory>(),
            worker ? provider.GetRequiredService<EnginePool>() : null));
        services.AddHostedService<GaugesStart>();
        services.AddScoped<DocumentLifecycle>();
        services.AddScoped<DocumentRegistrar>();
        services.AddScoped<BatchBook>();
        services.AddScoped<Assignments>();
        services.AddScoped<CommentBook>();
        services.AddScoped<FailedDocumentRemover>();
        services.AddScoped<InboxIngestionJob>();
        services.AddScoped<StuckWorkSweeper>();
        services.AddScoped<ReprocessJob>();
        services.AddScoped<ReviewService>();
        services.AddScoped<CollectionDecisions>();
        services.AddSingleton(new ScanLimits
        {
            MaxPages = options.Limits.MaxPages, MaxPixelsPerPage = options.Limits.MaxPixelsPerPage, ReaderMemoryBytes = options.Limits.ReaderMemoryBytes,
        });
        services.AddScoped<DocumentPublisher>();
        int engines = options.Worker.EngineCount;
        if (worker)
        {
            // A language without its model fails the host on start, naming the package, not the first page.
            var languages = OcrLanguages.Parse(options.Ocr.Language);
            OcrLanguages.RequireModels(languages);
            var ocr = options.Ocr;
            var defaults = new OcrOptions();
            // Read on start: a missing or damaged model file fails the host with its path, not the first document.
            var illegibilityModel = IllegibilityModelFiles.Choose(options.Illegibility.Model);
            var specks = ocr.Specks is null ? defaults.Specks : SpeckTreatments.Parse(ocr.Specks, "Pipeline:Ocr:Specks");
            var secondReading = ocr.SecondReading is null ? defaults.SecondReading : SecondReadings.Parse(ocr.SecondReading, "Pipeline:Ocr:SecondReading");
            var recognizers = ocr.Engines is null ? defaults.Recognizers : RecognizerChoices.Parse(ocr.Engines, "Pipeline:Ocr:Engines");
            // Like a missing language, missing PP-OCR models fail the host on start with how to install them.
            if (recognizers == RecognizerChoice.Both) PaddleModels.Open(ocr.ModelsPath);
            services.AddSingleton(provider => new EnginePool(defaults with
            {
                Engines = engines, PageDeadline = options.Worker.PageDeadline, Language = string.Join('+', languages),
                MaxPixelsAtOnce = options.Worker.MaxMegapixelsAtOnce is { } budget ? (long)(budget * 1e6) : defaults.MaxPixelsAtOnce,
                Deskew = ocr.Deskew ?? defaults.Deskew,
                MinDeskewAngle = ocr.MinDeskewAngle ?? defaults.MinDeskewAngle,
                PaintOverDarkRegions = ocr.PaintOverDarkRegions ?? defaults.PaintOverDarkRegions,
                SpeckSizeAt300Dpi = ocr.SpeckSizeAt300Dpi ?? defaults.SpeckSizeAt300Dpi,
                SpeckReach = ocr.SpeckReach ?? defaults.SpeckReach,
                Specks = specks,
                Recognizers = recognizers,
                SecondReading = secondReading,
                // A model that weighs every stretch the layout proposes needs them proposed and re-read.
                AllStretches = illegibilityModel?.WeighsStretchesBeyondTheRules ?? false,
                ModelsPath = ocr.ModelsPath,
                Lexicon = provider.GetRequiredService<Lexicon>(),
            }));
            services.AddSingleton<Lexicon>(_ => LexiconFiles.Load(languages: languages));
            services.AddSingleton(CleanupOptions.Default with { Model = illegibilityModel });
            services.AddScoped<CollectionRetrainingJob>();
            services.AddHostedService<WorkerWarmUp>();
        }
        services.AddHostedService<ScratchSweep>();
        AddBus(services, options, worker);
        AddScheduling(services, options, worker);
        return options;
    }

    private static void AddBus(IServiceCollection services, PipelineOptions options, bool worker)
    {
        CommandQueues.Map();
        // Every host that saves commands (an upload, an approval, a stage) sends them from the outbox.
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            if (worker)
            {
                // Each stage's concurrency, retry and timeout are in its definition.
                bus.AddConsumer<SplitDocumentConsumer, SplitDocumentConsumerDefinition>();
                bus.AddConsumer<RecognizePageConsumer, RecognizePageConsumerDefinition>();
                bus.AddConsumer<CleanDocumentConsumer, CleanDocumentConsumerDefinition>();
                bus.AddConsumer<PublishDocumentConsumer, PublishDocumentConsumerDefinition>();
            }
            if (options.Bus.Transport == BusTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(options.Bus.Host, options.Bus.Port, options.Bus.VirtualHost, host =>
                    {
                        host.Username(options.Bus.Username);
                        host.Password(options.Bus.Password);
                    });
                    rabbit.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, memory) => memory.ConfigureEndpoints(context));
            }
        });
    }

    private static void AddScheduling(IServiceCollection services, PipelineOptions options, bool worker)
    {
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (options.Database.Provider == DatabaseProvider.Postgres)
            {
                hangfire.UsePostgreSqlStorage(
                    bootstrap => bootstrap.UseNpgsqlConnection(options.Database.ConnectionString),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", InvisibilityTimeout = options.Scheduling.JobInvisibilityTimeout, PrepareSchemaIfNecessary = true });
            }
            else
            {
                Directory.CreateDirectory(options.DataDirectory);
                hangfire.UseSQLiteStorage(Path.Combine(options.DataDirectory, "hangfire.db"),
                    new SQLiteStorageOptions { InvisibilityTimeout = options.Scheduling.JobInvisibilityTimeout });
            }
        });
        if (!worker) return;
        services.AddHangfireServer(server =>
        {
            server.WorkerCount = 2; // the jobs only register files and send messages: OCR runs on the bus
            server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        services.AddHostedService<RecurringJobsRegistration>();
    }
}

/// <summary>
/// Loads the lexicon and starts the engines when the worker starts, not when the first document arrives: the first
/// upload after a quiet night is then as quick as any other.
/// </summary>
internal sealed class WorkerWarmUp(EnginePool engines, IServiceProvider services) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        services.GetRequiredService<Lexicon>();
        await Task.WhenAll(Enumerable.Range(0, engines.Options.Engines).Select(_ => engines.RunAsync(_ => 0, stoppingToken)));
    }
}

/// <summary>Creates the gauges when the host starts.</summary>
internal sealed class GaugesStart(PipelineGauges gauges) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        gauges.Register();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>At start, the scratch files of processes that were killed on this machine are deleted (<see cref="ScratchSpace"/>).</summary>
internal sealed class ScratchSweep(ILogger<ScratchSweep> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        int swept = ScratchSpace.SweepLeftovers();
        if (swept > 0) log.LogInformation("Deleted {Count} scratch files and folders left by processes that are gone", swept);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Registers (or updates) the recurring jobs when the host starts, from the current configuration.</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager jobs, PipelineOptions options) : IHostedService
{
    public const string NightlyIngestion = "nightly-ingestion";
    public const string Sweeper = "stuck-work-sweeper";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var zone = string.IsNullOrEmpty(options.Scheduling.TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(options.Scheduling.TimeZone);
        jobs.AddOrUpdate<InboxIngestionJob>(NightlyIngestion, job => job.RunAsync(CancellationToken.None), options.Scheduling.NightlyIngestionCron,
            new RecurringJobOptions { TimeZone = zone });
        jobs.AddOrUpdate<StuckWorkSweeper>(Sweeper, job => job.RunAsync(CancellationToken.None), options.Scheduling.SweeperCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
