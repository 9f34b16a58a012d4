namespace IngestPipeline.Cli;

/// <summary>Resident memory of this process as the kernel counts it (managed and native together).</summary>
public static class ProcessMemory
{
    /// <summary>Peak resident set size (VmHWM), in bytes; 0 where /proc is not available.</summary>
    public static long PeakResidentBytes() => ReadStatus("VmHWM:");

    private static long ReadStatus(string field)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return 0;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
    }
}
