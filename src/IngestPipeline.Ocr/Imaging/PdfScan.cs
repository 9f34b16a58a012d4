using System.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;
using PdfPage = UglyToad.PdfPig.Content.Page;

namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// A scanned PDF. A page that is one image covering the sheet (what scanners write) gives that image
/// as stored, at its own resolution; any other page (vector text, several images, codecs Leptonica
/// cannot read such as JBIG2) is rasterised by poppler's pdftoppm.
/// </summary>
internal sealed class PdfScan : Scan
{
    private readonly byte[] _data;
    private readonly PdfDocument _document;
    private readonly Lock _gate = new(); // PdfPig documents are not thread-safe

    public PdfScan(string name, byte[] data, ScanLimits limits) : base(name, limits)
    {
        _data = data;
        try
        {
            _document = PdfDocument.Open(data);
            PageCount = _document.NumberOfPages;
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new UnreadableScanException(name, "the PDF is encrypted (password-protected); remove the password and upload it again", e);
        }
        catch (Exception e)
        {
            throw new UnreadableScanException(name, $"the PDF cannot be read ({e.Message.TrimEnd('.')}); the file is truncated or corrupt", e);
        }
        limits.CheckPageCount(name, PageCount);
    }

    public override ScanFormat Format => ScanFormat.Pdf;
    public override int PageCount { get; }

    public override long PagePixels(int index)
    {
        lock (_gate)
        {
            var page = _document.GetPage(index + 1);
            var images = page.GetImages().Take(2).ToList();
            if (images.Count == 1 && page.Letters.Count == 0) return (long)images[0].WidthInSamples * images[0].HeightInSamples;
            return (long)(page.Width / 72.0 * Limits.DefaultDpi) * (long)(page.Height / 72.0 * Limits.DefaultDpi);
        }
    }

    protected override PageImage DecodePageCore(int index)
    {
        double widthInches, heightInches;
        lock (_gate)
        {
            var page = _document.GetPage(index + 1);
            widthInches = page.Width / 72.0;
            heightInches = page.Height / 72.0;
            var image = TryTakeScannedImage(page, index);
            if (image is not null) return image;
        }
        Limits.CheckPixels(Name, index + 1, (long)(widthInches * Limits.DefaultDpi), (long)(heightInches * Limits.DefaultDpi));
        return Rasterize(index);
    }

    private PageImage? TryTakeScannedImage(PdfPage page, int index)
    {
        var images = page.GetImages().Take(2).ToList();
        if (images.Count != 1 || page.Letters.Count > 0) return null;
        var image = images[0];
        double pageArea = page.Width * page.Height;
        if (pageArea <= 0 || image.BoundingBox.Area < 0.9 * pageArea) return null;

        Limits.CheckPixels(Name, index + 1, image.WidthInSamples, image.HeightInSamples);
        byte[] encoded = image.TryGetPng(out var png) ? png : image.RawMemory.ToArray();
        // Only a JPEG or PNG is decoded here, and only at the size the PDF declared (which the budget checked): the
        // image's own header says what would be decoded. Anything else (JBIG2, JPEG 2000, raw CCITT, and formats a
        // PDF does not hold but Leptonica would read) poppler draws at the page's size.
        if (EmbeddedHeader(encoded) is not { } header) return null;
        if (header.Width != image.WidthInSamples || header.Height != image.HeightInSamples)
            throw new UnreadableScanException(Name, $"page {index + 1}'s image is {image.WidthInSamples} × {image.HeightInSamples} pixels by the PDF's account " +
                $"but {header.Width} × {header.Height} by its own {header.Format} header; the file is inconsistent");
        PageImage decoded;
        try
        {
            decoded = PageImage.Decode(encoded);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        int dpi = (int)Math.Round(image.WidthInSamples / (image.BoundingBox.Width / 72.0));
        decoded.SetDpi(Limits.PlausibleDpi(dpi));
        return decoded;
    }

    private sealed record ImageHeader(string Format, int Width, int Height);

    /// <summary>Leptonica's own reading of a JPEG or PNG header; null for any other format or an unreadable header.</summary>
    private static unsafe ImageHeader? EmbeddedHeader(byte[] encoded)
    {
        // Leptonica's IFF_JFIF_JPEG and IFF_PNG.
        const int Jpeg = 2, Png = 3;
        int status, format, width, height;
        fixed (byte* p = encoded)
            status = Native.Leptonica.pixReadHeaderMem(p, (nuint)encoded.Length, out format, out width, out height, out _, out _, out _);
        return status != 0 ? null : format switch
        {
            Jpeg => new ImageHeader("JPEG", width, height),
            Png => new ImageHeader("PNG", width, height),
            _ => null,
        };
    }

    private PageImage Rasterize(int index)
    {
        var dir = ScratchSpace.NewDirectory("pdf");
        try
        {
            var pdf = Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(pdf, _data);
            var prefix = Path.Combine(dir.FullName, "page");
            // util-linux's prlimit bounds the process's address space (RLIMIT_AS) before it starts pdftoppm.
            var start = new ProcessStartInfo("prlimit")
            {
                ArgumentList = { $"--as={Limits.RasterizeMemoryBytes}", "pdftoppm",
                    "-r", Limits.DefaultDpi.ToString(), "-gray", "-png", "-f", $"{index + 1}", "-l", $"{index + 1}", "-singlefile", pdf, prefix },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("prlimit (pdftoppm) did not start");
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limits.RasterizeTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new UnreadableScanException(Name, $"page {index + 1} took longer than {Limits.RasterizeTimeout.TotalSeconds:0} s to rasterise");
            }
            var png = prefix + ".png";
            if (process.ExitCode != 0 || !File.Exists(png))
                throw new UnreadableScanException(Name, $"page {index + 1} cannot be rasterised ({errors.Result.Trim()}; " +
                    $"poppler may take at most {Limits.RasterizeMemoryBytes / (1024 * 1024)} MB for a page)");
            var image = PageImage.Decode(File.ReadAllBytes(png));
            image.SetDpi(Limits.DefaultDpi);
            return image;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _document.Dispose();
        base.Dispose(disposing);
    }
}
