using IngestPipeline.Ocr.Imaging;

namespace IngestPipeline.Ocr.Tests;

/// <summary>Every input format opens with the right page count, size and resolution; bad files fail with a reason.</summary>
public sealed class ScanTests : IDisposable
{
    private readonly ScanInputs _inputs = new();

    [Fact]
    public void Png_has_one_page_at_the_resolution_stored_in_the_file()
    {
        using var scan = Scan.Open(TestData.Scan(TestData.Clean));
        Assert.Equal((ScanFormat.Png, 1), (scan.Format, scan.PageCount));
        using var page = scan.DecodePage(0);
        Assert.Equal((2550, 3300, 300), (page.Width, page.Height, page.StoredDpi));
    }

    [Fact]
    public void Jpeg_keeps_its_stated_resolution()
    {
        using var scan = Scan.Open(_inputs.Page("page200", "jpg", "-resize", "66.67%", "-units", "PixelsPerInch", "-density", "200"));
        using var page = scan.DecodePage(0);
        Assert.Equal((ScanFormat.Jpeg, 200, 1700), (scan.Format, page.StoredDpi, page.Width));
    }

    [Fact]
    public void Image_without_a_resolution_is_taken_as_300_dpi()
    {
        using var scan = Scan.Open(_inputs.Page("nodpi", "jpg", "-strip", "-units", "Undefined", "-density", "1"));
        using var page = scan.DecodePage(0);
        Assert.Equal(300, page.StoredDpi);
    }

    [Fact]
    public void Multi_page_lzw_tiff_decodes_every_page()
    {
        var tiff = TestData.Convert(_inputs.Path("multi.tif"),
            TestData.Scan(TestData.Clean), TestData.Scan(TestData.Noisy), TestData.Scan(TestData.Damaged), "-compress", "LZW");
        using var scan = Scan.Open(tiff);
        Assert.Equal((ScanFormat.Tiff, 3), (scan.Format, scan.PageCount));
        for (int i = 0; i < 3; i++)
        {
            using var page = scan.DecodePage(i);
            Assert.Equal((2550, 3300), (page.Width, page.Height));
        }
    }

    [Fact]
    public void Ccitt_g4_tiff_decodes_as_bilevel()
    {
        using var scan = Scan.Open(_inputs.Page("g4", "tif", "-threshold", "55%", "-monochrome", "-compress", "Group4"));
        using var page = scan.DecodePage(0);
        Assert.Equal((1, 2550, 300), (page.Depth, page.Width, page.StoredDpi));
    }

    [Fact]
    public void Scanned_pdf_gives_its_page_images_at_their_resolution()
    {
        var jpeg = _inputs.Page("p1", "jpg", "-quality", "85");
        var g4 = _inputs.Page("p2", "tif", "-threshold", "55%", "-monochrome", "-compress", "Group4");
        using var scan = Scan.Open(_inputs.ImagesToPdf("scanned.pdf", jpeg, g4));
        Assert.Equal((ScanFormat.Pdf, 2), (scan.Format, scan.PageCount));
        for (int i = 0; i < 2; i++)
        {
            using var page = scan.DecodePage(i);
            Assert.Equal((2550, 3300, 300), (page.Width, page.Height, page.StoredDpi));
        }
    }

    [Fact]
    public void Pdf_page_that_is_not_one_image_is_rasterised()
    {
        using var scan = Scan.Open(_inputs.HandWrittenPdf("vector.pdf", pages: 2));
        Assert.Equal(2, scan.PageCount);
        using var page = scan.DecodePage(1);
        Assert.Equal((2550, 3300, 300), (page.Width, page.Height, page.StoredDpi));
    }

    [Fact]
    public void Pdf_rasterising_is_bounded_in_memory_and_a_page_over_the_bound_is_refused_with_it()
    {
        using var scan = Scan.Open(_inputs.HandWrittenPdf("bounded.pdf", pages: 1), ScanLimits.Default with { RasterizeMemoryBytes = 8L * 1024 * 1024 });

        var error = Assert.Throws<UnreadableScanException>(() => scan.DecodePage(0));

        Assert.Contains("page 1 cannot be rasterised", error.Message);
        Assert.Contains("poppler may take at most 8 MB for a page", error.Message);
    }

    [Fact]
    public void Empty_file_is_refused() =>
        AssertRefused(WriteFile("empty.png", []), "empty (0 bytes)");

    [Fact]
    public void Text_file_named_tif_is_refused() =>
        AssertRefused(WriteFile("notes.tif", "This is not a scan, just notes.\n"u8.ToArray()), "plain text");

    [Fact]
    public void Truncated_png_fails_when_decoded()
    {
        using var scan = Scan.Open(_inputs.Truncated(TestData.Scan(TestData.Clean), 20_000));
        var error = Assert.Throws<UnreadableScanException>(() => scan.DecodePage(0));
        Assert.Contains("truncated or corrupt", error.Message);
        Assert.StartsWith("truncated-", error.FileName);
    }

    [Fact]
    public void Truncated_tiff_is_refused()
    {
        var tiff = _inputs.Page("whole", "tif", "-compress", "LZW");
        var path = _inputs.Truncated(tiff, (int)new FileInfo(tiff).Length / 2);
        var error = Record.Exception(() =>
        {
            using var scan = Scan.Open(path);
            scan.DecodePage(0).Dispose();
        });
        Assert.Contains("truncated", Assert.IsType<UnreadableScanException>(error).Message);
    }

    [Fact]
    public void Pdf_without_pages_is_refused() =>
        AssertRefused(_inputs.HandWrittenPdf("nopages.pdf", pages: 0), "no pages");

    [Fact]
    public void Encrypted_pdf_is_refused() =>
        AssertRefused(_inputs.EncryptedPdf(_inputs.HandWrittenPdf("plain.pdf", pages: 1)), "encrypted");

    [Fact]
    public void Page_over_the_pixel_budget_is_refused_before_decoding()
    {
        var limits = ScanLimits.Default with { MaxPixelsPerPage = 5_000_000 };
        var error = Assert.Throws<UnreadableScanException>(() => Scan.Open(TestData.Scan(TestData.Clean), limits));
        Assert.Contains("2550 x 3300 pixels (8.4 megapixels), over the limit of 5 megapixels", error.Message);
    }

    [Fact]
    public void Tiff_page_declaring_50000_pixels_square_is_refused_from_its_header_when_its_page_is_read()
    {
        // A little-endian TIFF whose only directory declares 50,000 x 50,000 pixels and holds no image data.
        var tiff = new byte[8 + 2 + 2 * 12 + 4];
        "II*\0"u8.CopyTo(tiff);
        BitConverter.GetBytes(8).CopyTo(tiff, 4);
        BitConverter.GetBytes((short)2).CopyTo(tiff, 8);
        WriteEntry(10, tag: 256, value: 50_000);
        WriteEntry(22, tag: 257, value: 50_000);
        // The file opens (a TIFF's pages fail alone); the page is refused before anything is decoded.
        using var scan = Scan.Open(WriteFile("huge.tif", tiff));
        Assert.Contains("page 1 is 50000 x 50000 pixels", Assert.Throws<UnreadableScanException>(() => scan.ExtractPage(0)).Message);
        Assert.Contains("page 1 is 50000 x 50000 pixels", Assert.Throws<UnreadableScanException>(() => scan.DecodePage(0)).Message);

        void WriteEntry(int at, short tag, int value)
        {
            BitConverter.GetBytes(tag).CopyTo(tiff, at);
            BitConverter.GetBytes((short)4).CopyTo(tiff, at + 2); // LONG
            BitConverter.GetBytes(1).CopyTo(tiff, at + 4);
            BitConverter.GetBytes(value).CopyTo(tiff, at + 8);
        }
    }

    private string WriteFile(string name, byte[] content)
    {
        var path = _inputs.Path(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static void AssertRefused(string path, string reason)
    {
        var error = Assert.Throws<UnreadableScanException>(() => Scan.Open(path).Dispose());
        Assert.Equal(Path.GetFileName(path), error.FileName);
        Assert.Contains(reason, error.Message);
        Assert.StartsWith(Path.GetFileName(path) + ": ", error.Message);
    }

    public void Dispose() => _inputs.Dispose();
}
