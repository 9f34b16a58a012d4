namespace IngestPipeline.Ocr.Imaging;

/// <summary>What a scan may demand before it is refused. Checked from headers, before any pixel is decoded.</summary>
public sealed record ScanLimits
{
    /// <summary>Largest page accepted, in pixels (width x height). 60 MP is a letter page at 900 dpi in colour.</summary>
    public long MaxPixelsPerPage { get; init; } = 60_000_000;

    /// <summary>Most pages accepted in one file.</summary>
    public int MaxPages { get; init; } = 5_000;

    /// <summary>Resolution assumed when the file does not state a plausible one.</summary>
    public int DefaultDpi { get; init; } = 300;

    /// <summary>Longest a PDF page may take to rasterise.</summary>
    public TimeSpan RasterizeTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Most address space poppler's pdftoppm may take for one page (its process's limit): a page of 75 megapixels
    /// at 900 dpi rasterised in 100 MB here, so a PDF that makes it ask for more is hostile, and costs a refused
    /// page, never the worker.
    /// </summary>
    public long RasterizeMemoryBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// Most resident memory the PDF reader process may take (<see cref="PdfReaderProcess"/>); half of it is its managed
    /// heap's limit. A letter PDF is read in about 100 MB.
    /// </summary>
    public long ReaderMemoryBytes { get; init; } = 768L * 1024 * 1024;

    public static ScanLimits Default { get; } = new();

    internal int PlausibleDpi(int stored) => stored is >= 50 and <= 2400 ? stored : DefaultDpi;

    internal void CheckPixels(string name, int page, long width, long height)
    {
        if (width <= 0 || height <= 0)
            throw new UnreadableScanException(name, $"page {page} declares an empty size ({width} x {height} pixels)");
        if (width * height > MaxPixelsPerPage)
            throw new UnreadableScanException(name,
                $"page {page} is {width} x {height} pixels ({width * height / 1_000_000.0:0.#} megapixels), " +
                $"over the limit of {MaxPixelsPerPage / 1_000_000.0:0.#} megapixels per page");
    }

    /// <param name="countedToLimit">The count stopped one past the limit (a TIFF is not walked further), so it is a lower bound.</param>
    internal void CheckPageCount(string name, int count, bool countedToLimit = false)
    {
        if (count == 0) throw new UnreadableScanException(name, "the file has no pages");
        if (count > MaxPages)
            throw new UnreadableScanException(name,
                $"the file has {(countedToLimit ? $"more than {MaxPages}" : count.ToString())} pages, over the limit of {MaxPages}; split it into smaller files");
    }
}
