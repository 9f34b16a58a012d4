using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Publishing;

/// <summary>
/// One page of a searchable PDF: the scan as an 8-bit grayscale or RGB JPEG of exactly
/// <paramref name="PixelWidth"/> x <paramref name="PixelHeight"/> pixels, its resolution, and the recognised
/// lines whose boxes are in the pixels of that same image.
/// </summary>
public sealed record PdfPageContent(byte[] Jpeg, int PixelWidth, int PixelHeight, int Dpi, IReadOnlyList<Line> Lines);
