namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// An opened scan file: its pages are known (count and size checked against the limits) but decoded
/// one at a time, on demand, so a 1,000-page TIFF never sits in memory whole.
/// </summary>
public abstract class Scan : IDisposable
{
    protected Scan(string name, ScanLimits limits)
    {
        Name = name;
        Limits = limits;
    }

    /// <summary>The name used in messages (the file name as given by the user; never used as a path).</summary>
    public string Name { get; }
    protected ScanLimits Limits { get; }
    public abstract ScanFormat Format { get; }
    public abstract int PageCount { get; }

    /// <summary>Decodes page <paramref name="index"/> (0-based) with its resolution set.</summary>
    public PageImage DecodePage(int index) => Guarded(index, () => DecodePageCore(index));

    /// <summary>
    /// Takes page <paramref name="index"/> (0-based) out of the file as an image of its own, checked as decoding it would
    /// check it: what the page's recognition reads later, in place of the whole file.
    /// </summary>
    public PageSource ExtractPage(int index) => Guarded(index, () => ExtractPageCore(index));

    private T Guarded<T>(int index, Func<T> read)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, PageCount);
        try
        {
            return read();
        }
        catch (StreamBudgetExceededException e)
        {
            throw new UnreadableScanException(Name, $"page {index + 1}: {e.Message}", e);
        }
        catch (Exception e) when (e is not (UnreadableScanException or OutOfMemoryException))
        {
            throw new UnreadableScanException(Name, $"page {index + 1} cannot be decoded ({e.Message.TrimEnd('.')}); the file may be truncated or corrupt", e);
        }
    }

    /// <summary>By default the decoded page, encoded losslessly; a format that holds the page's own image returns it as it is.</summary>
    protected virtual PageSource ExtractPageCore(int index)
    {
        using var image = DecodePageCore(index);
        return PageSource.Of(image);
    }

    protected abstract PageImage DecodePageCore(int index);

    /// <summary>
    /// How many pixels page <paramref name="index"/> (0-based) holds once decoded, known before decoding (for a PDF page
    /// drawn rather than scanned, at the default resolution): what recognising it will cost in memory.
    /// </summary>
    public abstract long PagePixels(int index);

    protected virtual void Dispose(bool disposing) { }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens a scan from a file on disk.</summary>
    public static Scan Open(string path, ScanLimits? limits = null) =>
        Open(Path.GetFileName(path), File.ReadAllBytes(path), limits);

    /// <summary>Opens a scan from its bytes; <paramref name="name"/> is only used in messages.</summary>
    public static Scan Open(string name, byte[] data, ScanLimits? limits = null)
    {
        limits ??= ScanLimits.Default;
        return ScanFormatSniffer.Detect(name, data) switch
        {
            ScanFormat.Pdf => new IsolatedPdfScan(name, data, limits),
            ScanFormat.Tiff => new TiffScan(name, data, limits),
            var format => new SingleImageScan(name, data, format, limits),
        };
    }
}
