namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// A PDF opened, parsed and taken apart in a child process under a memory bound (<see cref="PdfReaderProcess"/>); this
/// process only decodes the page images it hands back, whose headers are checked against the pixel budget first. A
/// request that kills the child fails that page (or, at opening, the file) with the bound; the next starts a new child.
/// </summary>
internal sealed class IsolatedPdfScan : Scan
{
    private readonly DirectoryInfo _folder;
    private readonly PdfReaderProcess _reader;
    private readonly Lock _gate = new(); // one request at a time: the child answers in order

    public IsolatedPdfScan(string name, byte[] data, ScanLimits limits) : base(name, limits)
    {
        _folder = ScratchSpace.NewDirectory("pdfreader");
        try
        {
            var pdf = Path.Combine(_folder.FullName, "in.pdf");
            File.WriteAllBytes(pdf, data);
            _reader = new PdfReaderProcess(pdf, _folder.FullName, name, limits);
            var greeting = _reader.Ask(null, "opening the PDF");
            if (greeting.TryGetProperty("error", out var error)) throw new UnreadableScanException(name, error.GetString()!);
            PageCount = greeting.GetProperty("pages").GetInt32();
        }
        catch
        {
            Dispose(true);
            throw;
        }
    }

    public override ScanFormat Format => ScanFormat.Pdf;
    public override int PageCount { get; }

    /// <summary>The page's size as the child reads it; a page the child cannot size weighs the most a page may.</summary>
    public override long PagePixels(int index)
    {
        try
        {
            var reply = Ask($"pixels {index}", $"sizing page {index + 1}");
            return reply.TryGetProperty("pixels", out var pixels) ? pixels.GetInt64() : Limits.MaxPixelsPerPage;
        }
        catch (UnreadableScanException)
        {
            return Limits.MaxPixelsPerPage; // reading the page will fail with the reason
        }
    }

    protected override PageImage DecodePageCore(int index)
    {
        var source = ExtractPageCore(index);
        return PageSource.Decode(Name, index + 1, source.Encoded, source.Dpi, Limits);
    }

    protected override PageSource ExtractPageCore(int index)
    {
        var reply = Ask($"extract {index}", $"reading page {index + 1}");
        if (reply.TryGetProperty("error", out var error)) throw new UnreadableScanException(Name, error.GetString()!);
        var file = reply.GetProperty("file").GetString()!;
        if (Path.GetDirectoryName(Path.GetFullPath(file)) != _folder.FullName.TrimEnd(Path.DirectorySeparatorChar))
            throw new InvalidOperationException($"The PDF reader wrote outside its folder: {file}");
        try
        {
            return new PageSource(File.ReadAllBytes(file), reply.GetProperty("dpi").GetInt32());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private System.Text.Json.JsonElement Ask(string request, string what)
    {
        lock (_gate) return _reader.Ask(request, what);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader?.Dispose();
            try
            {
                _folder.Delete(recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
        base.Dispose(disposing);
    }
}
