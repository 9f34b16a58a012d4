using IngestPipeline.Ocr.Imaging;

namespace IngestPipeline.Ocr.Tests;

/// <summary>
/// A page taken out of its file (at split) is what its recognition reads: the same pixels at the same resolution as
/// decoding the page from the file, the scan's own JPEG kept as it is, and a page over the budget refused alone.
/// </summary>
public sealed class PageSourceTests : IDisposable
{
    private readonly ScanInputs _inputs = new();

    [Fact]
    public void A_scanned_pdf_page_keeps_its_own_jpeg_and_the_resolution_its_page_gives_it()
    {
        var jpeg = _inputs.Page("p1", "jpg", "-quality", "85", "-units", "PixelsPerInch", "-density", "72");
        using var scan = Scan.Open(_inputs.ImagesToPdf("scanned.pdf", jpeg));

        var source = scan.ExtractPage(0);

        Assert.Equal(("jpg", 300), (source.Extension, source.Dpi)); // the JPEG says 72; its page is 8.5 inches wide
        Assert.Equal(File.ReadAllBytes(jpeg), source.Encoded);
        AssertSamePage(scan, 0, source);
    }

    [Fact]
    public void A_bitonal_tiff_page_is_kept_as_g4_and_a_gray_one_as_png_each_losslessly()
    {
        var g4 = _inputs.Page("g4", "tif", "-threshold", "55%", "-monochrome", "-compress", "Group4");
        var gray = _inputs.Page("gray", "tif", "-colorspace", "Gray", "-compress", "LZW", "-resize", "50%", "-units", "PixelsPerInch", "-density", "150");
        using var tiff = Scan.Open(TestData.Convert(_inputs.Path("two.tif"), g4, gray));

        var bitonal = tiff.ExtractPage(0);
        var eightBit = tiff.ExtractPage(1);

        Assert.Equal(("tif", 300), (bitonal.Extension, bitonal.Dpi));
        Assert.True(bitonal.Encoded.Length < 100_000, $"a G4 page of a letter takes {bitonal.Encoded.Length} bytes");
        Assert.Equal(("png", 150), (eightBit.Extension, eightBit.Dpi));
        AssertSamePage(tiff, 0, bitonal);
        AssertSamePage(tiff, 1, eightBit);
    }

    [Fact]
    public void A_page_over_the_pixel_budget_fails_alone_and_the_pages_around_it_are_taken_out()
    {
        var small = _inputs.Page("small", "png", "-resize", "10%");
        var large = _inputs.Page("large", "png", "-resize", "40%");
        var limits = ScanLimits.Default with { MaxPixelsPerPage = 500_000 }; // 255 x 330 fits; 1020 x 1320 does not
        using var scan = Scan.Open(TestData.Convert(_inputs.Path("three.tif"), small, large, small, "-compress", "LZW"), limits);

        Assert.Equal(3, scan.PageCount);
        var error = Assert.Throws<UnreadableScanException>(() => scan.ExtractPage(1));
        Assert.Contains("page 2 is 1020 x 1320 pixels (1.3 megapixels), over the limit of 0.5 megapixels", error.Message);
        Assert.Equal("png", scan.ExtractPage(0).Extension);
        Assert.Equal("png", scan.ExtractPage(2).Extension);
    }

    [Fact]
    public void A_stored_page_is_checked_against_the_budget_from_its_own_header_before_it_is_decoded()
    {
        using var scan = Scan.Open(TestData.Scan(TestData.Clean));
        var source = scan.ExtractPage(0);

        var error = Assert.Throws<UnreadableScanException>(() =>
            PageSource.Decode("cable.png", 4, source.Encoded, source.Dpi, ScanLimits.Default with { MaxPixelsPerPage = 1_000_000 }));
        Assert.Equal("cable.png: page 4 is 2550 x 3300 pixels (8.4 megapixels), over the limit of 1 megapixels per page", error.Message);
        Assert.Contains("stored image cannot be decoded",
            Assert.Throws<UnreadableScanException>(() => PageSource.Decode("cable.png", 4, source.Encoded[..40], 300, ScanLimits.Default)).Message);
    }

    private static void AssertSamePage(Scan scan, int index, PageSource source)
    {
        using var fromFile = scan.DecodePage(index);
        using var fromSource = PageSource.Decode("page", index + 1, source.Encoded, source.Dpi, ScanLimits.Default);
        Assert.Equal((fromFile.Width, fromFile.Height, fromFile.Depth, fromFile.StoredDpi),
            (fromSource.Width, fromSource.Height, fromSource.Depth, fromSource.StoredDpi));
        Assert.Equal(fromFile.EncodeLossless(), fromSource.EncodeLossless());
    }

    public void Dispose() => _inputs.Dispose();
}
