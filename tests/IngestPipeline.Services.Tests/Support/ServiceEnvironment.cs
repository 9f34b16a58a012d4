namespace IngestPipeline.Services.Tests.Support;

/// <summary>
/// The connection settings of the services that infra/services.sh started (its env file), and a fresh, private
/// corner of each for one test: its own PostgreSQL database, RabbitMQ virtual host and blob container prefix.
/// </summary>
internal static class ServiceEnvironment
{
    public static string EnvFile => Environment.GetEnvironmentVariable("INGESTPIPELINE_SERVICES_ENV") is { Length: > 0 } path
        ? path
        : Path.Combine(Environment.GetEnvironmentVariable("SERVICES_DIR") ?? "/tmp/ingestpipeline-services", "env");

    /// <summary>The scale-out settings for a test run named <paramref name="run"/> (lowercase letters and digits).</summary>
    public static Dictionary<string, string> ScaleOut(string run)
    {
        var settings = Settings();
        settings["Pipeline__Database__ConnectionString"] = PostgresDatabase(run);
        settings["Pipeline__Bus__VirtualHost"] = $"test-{run}";
        settings["Pipeline__Blobs__ContainerPrefix"] = $"t{run}-";
        Repository.Run(Path.Combine(Repository.Root, "infra", "services.sh"), "vhost", $"test-{run}");
        return settings;
    }

    /// <summary>The connection string of a PostgreSQL database of the run's own (created by the first migration).</summary>
    public static string PostgresDatabase(string run) =>
        Settings()["Pipeline__Database__ConnectionString"].Replace("Database=ingestpipeline", $"Database=test_{run}");

    private static Dictionary<string, string> Settings()
    {
        if (!File.Exists(EnvFile))
            throw new InvalidOperationException($"{EnvFile} is missing: start the services with infra/services.sh start (infra/test.sh does).");
        return File.ReadAllLines(EnvFile)
            .Where(l => l.Contains('='))
            .ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..].Trim('\''));
    }

    public static string NewRunName() => Guid.NewGuid().ToString("N")[..12];
}
