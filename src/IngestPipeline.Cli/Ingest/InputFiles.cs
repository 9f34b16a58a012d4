namespace IngestPipeline.Cli.Ingest;

/// <summary>Expands the command line's inputs into the files to ingest and the output name of each.</summary>
public static class InputFiles
{
    private static readonly HashSet<string> ScanExtensions =
        new([".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Files named on the command line are taken whatever their extension (a bad one fails with a reason);
    /// folders contribute the scans they hold, recursively, in name order.
    /// </summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> inputs)
    {
        var paths = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                paths.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => ScanExtensions.Contains(Path.GetExtension(f)))
                    .Order(StringComparer.Ordinal));
            else if (File.Exists(input))
                paths.Add(input);
            else
                throw new FileNotFoundException($"{input}: no such file or folder");
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<InputFile>();
        foreach (var path in paths.Distinct())
        {
            var name = Path.GetFileNameWithoutExtension(path);
            // Two inputs with the same stem (a.png, a.tif) must not overwrite each other's outputs.
            for (int n = 2; !used.Add(name); n++) name = $"{Path.GetFileNameWithoutExtension(path)}-{n}";
            files.Add(new InputFile(path, name));
        }
        return files;
    }
}

/// <summary>A scan to ingest and the stem of its output files.</summary>
public sealed record InputFile(string Path, string OutputName);
