using System.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Filters;
using PdfPage = UglyToad.PdfPig.Content.Page;

namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// A scanned PDF, as read inside the reader process (<see cref="PdfReaderChild"/>; other processes open PDFs as
/// <see cref="IsolatedPdfScan"/>). A page that is one image covering the sheet (what scanners write) gives that image
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
            _document = PdfDocument.Open(data, new ParsingOptions { FilterProvider = new BudgetedFilters(DefaultFilterProvider.Instance, BudgetedFilters.BudgetFor(limits)) });
            PageCount = _document.NumberOfPages;
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new UnreadableScanException(name, "the PDF is encrypted (password-protected); remove the password and upload it again", e);
        }
        catch (StreamBudgetExceededException e)
        {
            throw new UnreadableScanException(name, e.Message, e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
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
        if (ScannedImage(index) is { } scanned)
        {
            try
            {
                return PageImage.Decode(scanned.Encoded).WithDpi(scanned.Dpi); // its header was checked against the budget
            }
            catch (InvalidOperationException)
            {
                // Leptonica could not decode what its header reader accepted: poppler may still draw the page.
            }
        }
        return PageImage.Decode(Rasterize(index)).WithDpi(Limits.DefaultDpi);
    }

    /// <summary>A scanned page keeps its own JPEG or PNG (decoded once here, to prove it reads); a drawn page is poppler's PNG.</summary>
    protected override PageSource ExtractPageCore(int index)
    {
        if (ScannedImage(index) is { } scanned)
        {
            try
            {
                using var _ = PageImage.Decode(scanned.Encoded);
                return scanned;
            }
            catch (InvalidOperationException)
            {
            }
        }
        return new PageSource(Rasterize(index), Limits.DefaultDpi);
    }

    /// <summary>
    /// The page's image as stored, when the page is one image covering the sheet and holding no letters; null for a page
    /// poppler must draw. Checked against the pixel budget, and against its own header.
    /// </summary>
    private PageSource? ScannedImage(int index)
    {
        lock (_gate)
        {
            var page = _document.GetPage(index + 1);
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
            if (ImageHeader.Read(encoded) is not { Format: "JPEG" or "PNG" } header) return null;
            if (header.Width != image.WidthInSamples || header.Height != image.HeightInSamples)
                throw new UnreadableScanException(Name, $"page {index + 1}'s image is {image.WidthInSamples} × {image.HeightInSamples} pixels by the PDF's account " +
                    $"but {header.Width} × {header.Height} by its own {header.Format} header; the file is inconsistent");
            int dpi = (int)Math.Round(image.WidthInSamples / (image.BoundingBox.Width / 72.0));
            return new PageSource(encoded, Limits.PlausibleDpi(dpi));
        }
    }

    /// <summary>Page <paramref name="index"/> drawn by poppler at the default resolution, in gray, as PNG.</summary>
    private byte[] Rasterize(int index)
    {
        double widthInches, heightInches;
        lock (_gate)
        {
            var page = _document.GetPage(index + 1);
            (widthInches, heightInches) = (page.Width / 72.0, page.Height / 72.0);
        }
        Limits.CheckPixels(Name, index + 1, (long)(widthInches * Limits.DefaultDpi), (long)(heightInches * Limits.DefaultDpi));
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
            return File.ReadAllBytes(png);
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
