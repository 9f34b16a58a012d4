namespace IngestPipeline.Ocr.Imaging;

/// <summary>A TIFF of one or many pages (any compression libtiff reads: CCITT G4, LZW, JPEG, none).</summary>
internal sealed class TiffScan : Scan
{
    private readonly byte[] _data;
    private readonly int _pageCount;
    private readonly long[] _pixels;

    public TiffScan(string name, byte[] data, ScanLimits limits) : base(name, limits)
    {
        _data = data;
        if (data.Length < 8) throw new UnreadableScanException(name, "the TIFF is truncated (shorter than its header)");
        var pages = TiffDirectory.ReadPageSizes(name, data, limits.MaxPages);
        limits.CheckPageCount(name, pages.Count, countedToLimit: true);
        for (int i = 0; i < pages.Count; i++) limits.CheckPixels(name, i + 1, pages[i].Width, pages[i].Height);
        _pageCount = pages.Count;
        _pixels = pages.Select(p => (long)p.Width * p.Height).ToArray();
    }

    public override long PagePixels(int index) => _pixels[index];

    public override ScanFormat Format => ScanFormat.Tiff;
    public override int PageCount => _pageCount;

    protected override PageImage DecodePageCore(int index)
    {
        var image = PageImage.DecodeTiffPage(_data, index);
        image.SetDpi(Limits.PlausibleDpi(image.StoredDpi));
        return image;
    }
}
