namespace IngestPipeline.Ocr.Imaging;

/// <summary>A TIFF of one or many pages (any compression libtiff reads: CCITT G4, LZW, JPEG, none).</summary>
internal sealed class TiffScan : Scan
{
    private readonly byte[] _data;
    private readonly int _pageCount;
    private readonly (long Width, long Height)[] _sizes; // checked page by page, when decoded: one oversized page fails alone

    public TiffScan(string name, byte[] data, ScanLimits limits) : base(name, limits)
    {
        _data = data;
        if (data.Length < 8) throw new UnreadableScanException(name, "the TIFF is truncated (shorter than its header)");
        var pages = TiffDirectory.ReadPageSizes(name, data, limits.MaxPages);
        limits.CheckPageCount(name, pages.Count, countedToLimit: true);
        _pageCount = pages.Count;
        _sizes = pages.Select(p => ((long)p.Width, (long)p.Height)).ToArray();
    }

    public override long PagePixels(int index) => _sizes[index].Width * _sizes[index].Height;

    public override ScanFormat Format => ScanFormat.Tiff;
    public override int PageCount => _pageCount;

    protected override PageImage DecodePageCore(int index)
    {
        Limits.CheckPixels(Name, index + 1, _sizes[index].Width, _sizes[index].Height);
        var image = PageImage.DecodeTiffPage(_data, index);
        image.SetDpi(Limits.PlausibleDpi(image.StoredDpi));
        return image;
    }
}
