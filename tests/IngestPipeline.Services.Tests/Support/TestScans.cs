namespace IngestPipeline.Services.Tests.Support;

/// <summary>Scans made for the tests from the repository's sample pages, with ImageMagick (independent of the code under test).</summary>
internal static class TestScans
{
    public static IReadOnlyList<string> SamplePages => Directory.GetFiles(Repository.Scans, "*.png").Order().ToList();

    /// <summary>
    /// <paramref name="count"/> different four-page TIFFs (LZW, 8-bit grey): the four sample pages in a different
    /// order each, so each file has bytes of its own.
    /// </summary>
    public static IReadOnlyList<string> FourPageTiffs(string directory, int count)
    {
        var pages = SamplePages;
        var orders = Permutations(Enumerable.Range(0, pages.Count).ToList()).Take(count).ToList();
        return orders.Select((order, i) =>
        {
            var path = Path.Combine(directory, $"cable-{i + 1:D2}.tif");
            Repository.Run("convert", order.Select(p => pages[p]).Concat(["-compress", "lzw", path]).ToArray());
            return path;
        }).ToList();
    }

    /// <summary>
    /// COUNT single-page documents made from the given PNG pages in turn, each with a text chunk of its own after
    /// the header: the same image under a new name and new bytes, so none is taken for a duplicate.
    /// </summary>
    public static IReadOnlyList<string> UniqueCopies(IReadOnlyList<string> pages, int count, string directory)
    {
        var sources = pages.Select(File.ReadAllBytes).ToList();
        var files = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            var source = sources[i % sources.Count];
            using var png = new MemoryStream();
            png.Write(source.AsSpan(0, 33)); // signature and IHDR
            BadInputs.Chunk(png, "tEXt", System.Text.Encoding.Latin1.GetBytes($"Comment\0copy {i:D5}"));
            png.Write(source.AsSpan(33));
            var path = Path.Combine(directory, $"copy-{i:D5}-{Path.GetFileName(pages[i % pages.Count])}");
            File.WriteAllBytes(path, png.ToArray());
            files.Add(path);
        }
        return files;
    }

    /// <summary>The first half of a sample page: a PNG cut short, as a broken transfer leaves it.</summary>
    public static string TruncatedPng(string directory)
    {
        var bytes = File.ReadAllBytes(SamplePages[0]);
        var path = Path.Combine(directory, "cut-short.png");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        return path;
    }

    private static IEnumerable<List<int>> Permutations(List<int> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }
        for (int i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest)) yield return [items[i], .. tail];
        }
    }
}
