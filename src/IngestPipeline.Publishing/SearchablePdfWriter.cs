namespace IngestPipeline.Publishing;

/// <summary>
/// Writes a searchable PDF: every page shows its scan, with the recognised words as invisible text on top.
/// </summary>
public static class SearchablePdfWriter
{
    public const string Producer = "IngestPipeline";

    /// <summary>
    /// Writes the pages to <paramref name="output"/> one at a time: <paramref name="pages"/> is enumerated lazily
    /// and each page is written out before the next is asked for, so only one JPEG needs to be in memory at once.
    /// The output stream needs to be writable only, not seekable, and is left open.
    /// </summary>
    /// <param name="creationDate">Recorded in the document information; now if not given.</param>
    /// <exception cref="ArgumentException">
    /// There are no pages, or a page is invalid (its image is not an 8-bit grayscale or RGB JPEG of the stated size,
    /// or its size or resolution is not positive). Pages are checked as they are reached: if a page after the first is
    /// invalid, the output holds the incomplete file written so far.
    /// </exception>
    public static void Write(Stream output, IEnumerable<PdfPageContent> pages, DateTimeOffset? creationDate = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(pages);
        if (!output.CanWrite)
            throw new ArgumentException("The output stream is not writable.", nameof(output));

        PdfObjectWriter? pdf = null;
        DocumentObjects document = default;
        var kids = new List<int>();
        foreach (var page in pages)
        {
            // Each page is checked before any of it is written, and the file is only begun once the first page has
            // passed, so an empty or bad single-page document leaves the output untouched.
            var colorSpace = Validate(page, kids.Count + 1);
            if (pdf is null)
            {
                pdf = new PdfObjectWriter(output);
                document = BeginDocument(pdf, creationDate ?? DateTimeOffset.UtcNow);
            }
            kids.Add(WritePage(pdf, document, page, colorSpace));
        }
        if (pdf is null)
            throw new ArgumentException("A PDF needs at least one page; none were given.", nameof(pages));

        var kidReferences = string.Join('\n', kids.Select(k => PdfObjectWriter.Invariant($"{k} 0 R")));
        pdf.WriteObject(document.PageTree,
            PdfObjectWriter.Invariant($"<< /Type /Pages /Count {kids.Count} /Kids [\n{kidReferences}\n] >>"));
        pdf.WriteTrailer(document.Catalog, document.Info);
    }

    private readonly record struct DocumentObjects(int Catalog, int PageTree, int Info, int Font);

    private static DocumentObjects BeginDocument(PdfObjectWriter pdf, DateTimeOffset creationDate)
    {
        pdf.WriteHeader();
        var document = new DocumentObjects(
            Catalog: pdf.ReserveObjectNumber(),
            // The page tree lists every page, so it is written last; its number is reserved now because every
            // page has to point to it.
            PageTree: pdf.ReserveObjectNumber(),
            Info: pdf.ReserveObjectNumber(),
            Font: pdf.ReserveObjectNumber());

        pdf.WriteObject(document.Catalog, PdfObjectWriter.Invariant($"<< /Type /Catalog /Pages {document.PageTree} 0 R >>"));
        pdf.WriteObject(document.Info, $"<< /Producer ({Producer}) /CreationDate {PdfObjectWriter.Date(creationDate)} >>");
        // Courier is one of the standard fonts every PDF reader has, so nothing needs embedding.
        pdf.WriteObject(document.Font, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>");
        return document;
    }

    /// <returns>The object number of the page.</returns>
    private static int WritePage(PdfObjectWriter pdf, DocumentObjects document, PdfPageContent page, string colorSpace)
    {
        var scale = 72.0 / page.Dpi;
        var width = page.PixelWidth * scale;
        var height = page.PixelHeight * scale;

        var pageObject = pdf.ReserveObjectNumber();
        var image = pdf.ReserveObjectNumber();
        var contents = pdf.ReserveObjectNumber();

        var mediaBox = $"[0 0 {PdfObjectWriter.Number(width)} {PdfObjectWriter.Number(height)}]";
        pdf.WriteObject(pageObject, PdfObjectWriter.Invariant(
            $"<< /Type /Page /Parent {document.PageTree} 0 R /MediaBox {mediaBox} /Resources << /XObject << /Im0 {image} 0 R >> /Font << /{InvisibleTextLayer.FontResource} {document.Font} 0 R >> >> /Contents {contents} 0 R >>"));

        // DCTDecode takes the JPEG file as it is: no decoding or recompression, so no loss and little work.
        pdf.WriteStreamObject(image, PdfObjectWriter.Invariant(
            $"/Type /XObject /Subtype /Image /Width {page.PixelWidth} /Height {page.PixelHeight} /ColorSpace {colorSpace} /BitsPerComponent 8 /Filter /DCTDecode"), page.Jpeg);

        var content = new PdfContentBuilder();
        // An image is drawn into the unit square, so scaling it to the page size makes it cover the whole page.
        content.Operator("q")
            .Number(width).Number(0).Number(0).Number(height).Number(0).Number(0).Operator("cm")
            .Name("Im0").Operator("Do")
            .Operator("Q");
        InvisibleTextLayer.Write(content, page.Lines, scale, height);
        pdf.WriteStreamObject(contents, "/Filter /FlateDecode", content.ToFlateEncoded());

        return pageObject;
    }

    /// <returns>The PDF colour space of the page's JPEG.</returns>
    private static string Validate(PdfPageContent? page, int pageNumber)
    {
        const string param = "pages";
        if (page is null)
            throw new ArgumentException($"Page {pageNumber} is null.", param);
        if (page.Jpeg is null || page.Lines is null)
            throw new ArgumentException($"Page {pageNumber} has no {(page.Jpeg is null ? "JPEG" : "lines")} (null).", param);
        if (page.PixelWidth <= 0 || page.PixelHeight <= 0 || page.Dpi <= 0)
            throw new ArgumentException(
                $"Page {pageNumber}: size {page.PixelWidth}x{page.PixelHeight} pixels at {page.Dpi} dpi; all three must be positive.", param);

        JpegFrame frame;
        try
        {
            frame = JpegFrame.Read(page.Jpeg);
        }
        catch (InvalidDataException e)
        {
            throw new ArgumentException($"Page {pageNumber}: the image is not a usable JPEG: {e.Message}.", param, e);
        }

        if (frame.BitsPerSample != 8)
            throw new ArgumentException(
                $"Page {pageNumber}: the JPEG has {frame.BitsPerSample} bits per sample; PDF readers decode only 8-bit JPEGs.", param);
        var colorSpace = frame.Components switch
        {
            1 => "/DeviceGray",
            3 => "/DeviceRGB",
            _ => throw new ArgumentException(
                $"Page {pageNumber}: the JPEG has {frame.Components} colour components; only grayscale (1) and RGB (3) are supported.", param),
        };
        // Word boxes are in the pixels of this image; if its size differs they would not line up with the scan.
        if (frame.Width != page.PixelWidth || frame.Height != page.PixelHeight)
            throw new ArgumentException(
                $"Page {pageNumber}: the JPEG is {frame.Width}x{frame.Height} pixels but the page says {page.PixelWidth}x{page.PixelHeight}.", param);
        return colorSpace;
    }
}
