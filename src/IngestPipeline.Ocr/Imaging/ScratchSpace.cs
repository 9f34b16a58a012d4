namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// The temporary files and folders of this process, under the system's temp folder and named
/// <c>ingestpipeline-PID-PURPOSE-…</c>: each is deleted when its work ends, and what a killed process left behind is
/// deleted by the next process to start on the machine (<see cref="SweepLeftovers"/>), which knows them by their
/// process id. Processes sharing the machine leave each other's alone.
/// </summary>
public static class ScratchSpace
{
    private const string Prefix = "ingestpipeline-";

    public static DirectoryInfo NewDirectory(string purpose) =>
        Directory.CreateTempSubdirectory($"{Prefix}{Environment.ProcessId}-{purpose}-");

    public static string NewFilePath(string purpose) =>
        Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{purpose}-{Guid.NewGuid():N}");

    /// <summary>Deletes the scratch files and folders of processes that are gone; returns how many.</summary>
    public static int SweepLeftovers()
    {
        int swept = 0;
        foreach (var path in Directory.EnumerateFileSystemEntries(Path.GetTempPath(), Prefix + "*"))
        {
            var name = Path.GetFileName(path).AsSpan(Prefix.Length);
            int dash = name.IndexOf('-');
            if (dash <= 0 || !int.TryParse(name[..dash], out int pid) || pid == Environment.ProcessId || IsRunning(pid)) continue;
            try
            {
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
                else File.Delete(path);
                swept++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process sweeping at the same time, or not ours to delete: left as it is.
            }
        }
        return swept;
    }

    private static bool IsRunning(int pid) => OperatingSystem.IsLinux() ? Directory.Exists($"/proc/{pid}") : ProcessExists(pid);

    private static bool ProcessExists(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
