using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Review;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Infrastructure.Storage;
using IngestPipeline.Ocr.Imaging;
using IngestPipeline.Ocr.Lexicon;
using IngestPipeline.Ocr.Recognition;
using IngestPipeline.Pipeline.Publish;
using IngestPipeline.Services.Tests.Support;

namespace IngestPipeline.Services.Tests;

[Collection(PipelineRuns.Name)]
public sealed class PublicationTests
{
    [Fact]
    public async Task A_reviewed_cable_is_published_with_the_correction_in_the_text_alto_tei_metadata_and_the_pdf_text_layer()
    {
        var root = Repository.NewTempDirectory();
        var blobs = new FolderBlobStore(Path.Combine(root, "blobs"));
        await blobs.EnsureContainersAsync();
        var id = Guid.NewGuid();
        var scanPath = TestScans.SamplePages.Single(p => p.Contains("dev02"));

        // A real page: recognised here, its processed image stored as the recognise stage stores it.
        Transcript transcript;
        using (var pool = new EnginePool(new OcrOptions { Engines = 1 }))
        using (var scan = Scan.Open(Path.GetFileName(scanPath), await File.ReadAllBytesAsync(scanPath)))
        using (var raw = scan.DecodePage(0))
        using (var result = await pool.RunAsync(engine => PageRecognizer.Recognize(engine, pool.Options, raw, 1)))
        {
            await blobs.PutAsync(BlobNames.Pages, BlobNames.PageImage(id, 1), new MemoryStream(result.Image.EncodeJpeg()), overwrite: true);
            transcript = TranscriptCleaner.Clean(new Transcript(Path.GetFileName(scanPath), [result.Page]), LexiconFiles.Load(), CleanupOptions.Default);
        }
        var layout = PageLayout.Of(transcript.Pages[0]);
        int line = Enumerable.Range(0, layout.Lines.Count).MaxBy(i => layout.Lines[i].Words.Count);
        var words = layout.Lines[line].Words.Select(w => w.Text).ToList();
        words[1] = "Quetzalcoatl";                 // the reviewer's correction
        words[^1] = "{" + words[^1] + "}";         // and an uncertain reading
        var reviewed = ReviewApplier.Apply(transcript, [new LineEdit(1, line, string.Join(' ', words))]);

        var published = await new DocumentPublisher(blobs).PublishAsync(id, 1, reviewed);

        string Read(string format) => File.ReadAllText(Path.Combine(root, "blobs", BlobNames.Outputs, published.BlobsByFormat[format]));
        Assert.Contains("Quetzalcoatl", Read("txt"));
        Assert.Contains("CONTENT=\"Quetzalcoatl\"", Read("alto"));
        Assert.Matches("CONTENT=\"Quetzalcoatl\"[^>]*CS=\"true\"", Read("alto"));
        Assert.Contains("<unclear>", Read("tei"));
        Assert.Contains("\"metadata\"", Read("metadata"));
        var pdfText = Repository.Run("pdftotext", Path.Combine(root, "blobs", BlobNames.Outputs, published.BlobsByFormat["pdf"]), "-");
        Assert.Contains("Quetzalcoatl", pdfText);
        Assert.Equal($"{id:N}/v1/transcript.pdf", published.BlobsByFormat["pdf"]);
    }
}
