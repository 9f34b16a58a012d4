using IngestPipeline.Ocr.Native;

namespace IngestPipeline.Ocr.Imaging;

/// <summary>A PNG or JPEG: one page.</summary>
internal sealed unsafe class SingleImageScan : Scan
{
    private readonly byte[] _data;
    private readonly long _pixels;

    public SingleImageScan(string name, byte[] data, ScanFormat format, ScanLimits limits) : base(name, limits)
    {
        _data = data;
        Format = format;
        int status, width, height;
        fixed (byte* p = data)
            status = Leptonica.pixReadHeaderMem(p, (nuint)data.Length, out _, out width, out height, out _, out _, out _);
        if (status != 0)
            throw new UnreadableScanException(name, $"the {format.ToString().ToUpperInvariant()} header cannot be read; the file is truncated or corrupt");
        limits.CheckPixels(name, 1, width, height);
        _pixels = (long)width * height;
    }

    public override long PagePixels(int index) => _pixels;

    public override ScanFormat Format { get; }
    public override int PageCount => 1;

    protected override PageImage DecodePageCore(int index)
    {
        var image = PageImage.Decode(_data);
        image.SetDpi(Limits.PlausibleDpi(image.StoredDpi));
        return image;
    }

    /// <summary>The file is the page: it is decoded once to prove it reads, and kept as it came.</summary>
    protected override PageSource ExtractPageCore(int index)
    {
        using var image = DecodePageCore(index);
        return new PageSource(_data, image.StoredDpi);
    }
}
