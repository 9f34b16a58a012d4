using System.Text;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Recognition;
using IngestPipeline.Publishing;

namespace IngestPipeline.Cli.Ingest;

/// <summary>
/// Writes a document's outputs into the output folder: NAME.txt, .json, .hocr, .alto.xml, .tei.xml, .pdf as asked,
/// or NAME.error.txt. Each file is written under a temporary name and moved into place, so a run that
/// is stopped never leaves a half-written output behind.
/// </summary>
public sealed class TranscriptOutputWriter(string directory, OutputFormats formats, TextLayout textLayout = TextLayout.Paragraphs)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string Directory { get; } = System.IO.Directory.CreateDirectory(directory).FullName;

    /// <summary>Keeps page images for the searchable PDF on disk, not in memory, until the document is written.</summary>
    public PageImageStore NewPageImageStore(string name) => new(formats.HasFlag(OutputFormats.Pdf) ? Directory : null, name);

    public void Write(string name, Transcript transcript, PageImageStore images)
    {
        if (formats.HasFlag(OutputFormats.Txt)) WriteText(name + ".txt", PlainTextExporter.Write(transcript, textLayout));
        if (formats.HasFlag(OutputFormats.Json)) WriteText(name + ".json", JsonExporter.Write(transcript));
        if (formats.HasFlag(OutputFormats.Hocr)) WriteText(name + ".hocr", HocrExporter.Write(transcript));
        if (formats.HasFlag(OutputFormats.Alto)) WriteText(name + ".alto.xml", AltoExporter.Write(transcript));
        if (formats.HasFlag(OutputFormats.Tei)) WriteText(name + ".tei.xml", TeiExporter.Write(transcript));
        if (formats.HasFlag(OutputFormats.Pdf))
            WriteAtomically(name + ".pdf", stream => SearchablePdfWriter.Write(stream, transcript.Pages.Select(images.PdfPage)));
        File.Delete(Path.Combine(Directory, name + ".error.txt"));
    }

    public void WriteError(string name, string message) => WriteText(name + ".error.txt", message + "\n");

    private void WriteText(string fileName, string content) =>
        WriteAtomically(fileName, stream =>
        {
            using var text = new StreamWriter(stream, Utf8);
            text.Write(content);
        });

    private void WriteAtomically(string fileName, Action<Stream> write)
    {
        var target = Path.Combine(Directory, fileName);
        var temporary = target + ".partial";
        using (var stream = File.Create(temporary)) write(stream);
        File.Move(temporary, target, overwrite: true);
    }
}

/// <summary>Page images of one document, saved as JPEG in a hidden folder and deleted with the store.</summary>
public sealed class PageImageStore : IDisposable
{
    private readonly string? _folder;

    internal PageImageStore(string? outputDirectory, string name)
    {
        if (outputDirectory is not null)
            _folder = System.IO.Directory.CreateDirectory(Path.Combine(outputDirectory, $".{name}-{Guid.NewGuid():N}.pages")).FullName;
    }

    public void Save(RecognizedPage page)
    {
        if (_folder is null) return;
        File.WriteAllBytes(PathOf(page.Page.Number), page.Image.EncodeJpeg());
    }

    internal PdfPageContent PdfPage(Page page) =>
        new(File.ReadAllBytes(PathOf(page.Number)), page.Width, page.Height, page.Dpi, page.Lines.ToList());

    private string PathOf(int pageNumber) => Path.Combine(_folder!, $"{pageNumber}.jpg");

    public void Dispose()
    {
        if (_folder is not null && System.IO.Directory.Exists(_folder)) System.IO.Directory.Delete(_folder, recursive: true);
    }
}
