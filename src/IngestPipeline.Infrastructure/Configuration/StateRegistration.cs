using IngestPipeline.Infrastructure.Search;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IngestPipeline.Infrastructure.Configuration;

/// <summary>Registers the options, the blob store and the database the configuration asks for.</summary>
public static class StateRegistration
{
    public static PipelineOptions AddPipelineState(this IServiceCollection services, IConfiguration configuration)
    {
        // Bound once, here, because what is registered depends on it (the database, the blob store, the bus); checked at
        // once, so a host with a wrong setting does not start.
        var options = configuration.GetSection(PipelineOptions.Section).Get<PipelineOptions>() ?? new PipelineOptions();
        PipelineOptionsValidation.Validate(options);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(options);

        services.AddSingleton<IBlobStore>(options.Blobs.Provider switch
        {
            BlobProvider.Azure => AzureBlobStore.FromConnectionString(Required(options.Blobs.ConnectionString, "Pipeline:Blobs:ConnectionString"), options.Blobs.ContainerPrefix),
            _ => new FolderBlobStore(string.IsNullOrEmpty(options.Blobs.Folder) ? Path.Combine(options.DataDirectory, "blobs") : options.Blobs.Folder),
        });

        if (options.Database.Provider == DatabaseProvider.Postgres)
        {
            var connection = Required(options.Database.ConnectionString, "Pipeline:Database:ConnectionString");
            services.AddDbContext<PostgresPipelineDbContext>(o => o.UseNpgsql(connection, n => n.EnableRetryOnFailure(6, TimeSpan.FromSeconds(5), null)));
            services.AddScoped<PipelineDbContext>(sp => sp.GetRequiredService<PostgresPipelineDbContext>());
            services.AddScoped<IDocumentSearch, PostgresDocumentSearch>();
        }
        else
        {
            var connection = SqliteConnectionString(options);
            services.AddDbContext<SqlitePipelineDbContext>(o => o.UseSqlite(connection));
            services.AddScoped<PipelineDbContext>(sp => sp.GetRequiredService<SqlitePipelineDbContext>());
            services.AddScoped<IDocumentSearch, SqliteDocumentSearch>();
        }
        return options;
    }

    /// <summary>
    /// The SQLite connection: a file under the data directory unless configured; a 30 s busy timeout, because
    /// the consumers of one process write at once and SQLite lets one writer in at a time.
    /// </summary>
    public static string SqliteConnectionString(PipelineOptions options) =>
        string.IsNullOrEmpty(options.Database.ConnectionString)
            ? $"Data Source={Path.Combine(options.DataDirectory, "pipeline.db")};Default Timeout=30"
            : options.Database.ConnectionString;

    /// <summary>Creates the data directory, applies the migrations and creates the blob containers. Safe to run in every process at start.</summary>
    public static async Task PreparePipelineStateAsync(this IServiceProvider services, CancellationToken cancellation = default)
    {
        var options = services.GetRequiredService<PipelineOptions>();
        Directory.CreateDirectory(options.DataDirectory);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
            await db.Database.MigrateAsync(cancellation);
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellation); // readers do not wait for the writer
        }
        await services.GetRequiredService<IBlobStore>().EnsureContainersAsync(cancellation);
    }

    private static string Required(string value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"The configuration needs {key}.") : value;
}
