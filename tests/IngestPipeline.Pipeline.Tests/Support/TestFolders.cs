namespace IngestPipeline.Pipeline.Tests.Support;

/// <summary>The repository's sample scans, and folders of its own for each test (deleted when the test process ends).</summary>
internal static class TestFolders
{
    public static string Root { get; } = FindRoot();
    public static IReadOnlyList<string> SamplePages => Directory.GetFiles(Path.Combine(Root, "samples", "scans"), "*.png").Order().ToList();

    private static readonly Lazy<string> RunFolder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("ingest-pipeline-tests-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return folder;
    });

    public static string New() => Directory.CreateDirectory(Path.Combine(RunFolder.Value, Guid.NewGuid().ToString("N")[..12])).FullName;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "IngestPipeline.sln"))) return directory.FullName;
        throw new InvalidOperationException("IngestPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
