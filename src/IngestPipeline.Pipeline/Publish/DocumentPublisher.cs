using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Infrastructure.Storage;
using IngestPipeline.Publishing;

namespace IngestPipeline.Pipeline.Publish;

/// <summary>The blobs one publication of a document wrote, by format.</summary>
public sealed record PublishedOutputs(IReadOnlyDictionary<string, string> BlobsByFormat);

/// <summary>
/// Writes a reviewed transcript's outputs into the outputs container, under the document's id: the text in
/// paragraphs, ALTO (reviewed words CS="true"), TEI (gaps and unclear readings), the searchable PDF whose
/// invisible text layer is the reviewed text over the processed page images, and the metadata as JSON.
/// Each publication goes into a folder of its own (<c>DOC/vN/</c>), so an earlier one is never overwritten.
/// </summary>
public sealed class DocumentPublisher(IBlobStore blobs)
{
    public async Task<PublishedOutputs> PublishAsync(Guid documentId, int version, Transcript reviewed, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        var folder = $"{documentId:N}/v{version}";
        var written = new Dictionary<string, string>();
        async Task Put(string format, string name, byte[] content)
        {
            var blob = $"{folder}/{name}";
            using var stream = new MemoryStream(content);
            await blobs.PutAsync(BlobNames.Outputs, blob, stream, overwrite: true, cancellation);
            written[format] = blob;
        }

        var utf8 = new System.Text.UTF8Encoding(false);
        await Put("txt", "transcript.txt", utf8.GetBytes(PlainTextExporter.Write(reviewed, TextLayout.Paragraphs)));
        await Put("alto", "transcript.alto.xml", utf8.GetBytes(AltoExporter.Write(reviewed)));
        await Put("tei", "transcript.tei.xml", utf8.GetBytes(TeiExporter.Write(reviewed)));
        await Put("json", "transcript.json", utf8.GetBytes(JsonExporter.Write(reviewed)));
        await Put("metadata", "metadata.json", utf8.GetBytes(JsonExporter.WriteMetadata(reviewed)));

        var pages = new List<PdfPageContent>();
        foreach (var page in reviewed.Pages)
        {
            await using var image = await blobs.OpenReadAsync(BlobNames.Pages, BlobNames.PageImage(documentId, page.Number), cancellation);
            using var jpeg = new MemoryStream();
            await image.CopyToAsync(jpeg, cancellation);
            pages.Add(new PdfPageContent(jpeg.ToArray(), page.Width, page.Height, page.Dpi, page.Lines.ToList()));
        }
        using var pdf = new MemoryStream();
        SearchablePdfWriter.Write(pdf, pages);
        await Put("pdf", "transcript.pdf", pdf.ToArray());
        return new PublishedOutputs(written);
    }
}
