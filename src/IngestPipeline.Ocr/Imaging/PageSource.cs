namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// One page's image, taken out of its file once (at split) so that recognising the page reads only this: the scan's
/// own JPEG or PNG when the page is one, else a lossless encoding of the decoded page; and the resolution to read it at
/// (an image inside a PDF does not carry the one its page gives it).
/// </summary>
public sealed record PageSource(byte[] Encoded, int Dpi)
{
    /// <summary>The extension its bytes call for: jpg, png or tif.</summary>
    public string Extension => ScanFormatSniffer.Detect("page", Encoded) switch
    {
        ScanFormat.Jpeg => "jpg",
        ScanFormat.Png => "png",
        ScanFormat.Tiff => "tif",
        var other => throw new InvalidOperationException($"A page source is never a {other}."),
    };

    internal static PageSource Of(PageImage image) => new(image.EncodeLossless(), image.StoredDpi);

    /// <summary>
    /// Decodes page <paramref name="number"/> of <paramref name="name"/> from its stored bytes, checking the size its own
    /// header declares against the limits first (the bytes came from storage, not from this process).
    /// </summary>
    public static PageImage Decode(string name, int number, byte[] encoded, int dpi, ScanLimits limits)
    {
        var (width, height) = ImageHeader.Size(encoded)
            ?? throw new UnreadableScanException(name, $"page {number}'s stored image cannot be read; extract the document again");
        limits.CheckPixels(name, number, width, height);
        try
        {
            return PageImage.Decode(encoded).WithDpi(limits.PlausibleDpi(dpi));
        }
        catch (InvalidOperationException e)
        {
            throw new UnreadableScanException(name, $"page {number}'s stored image cannot be decoded ({e.Message.TrimEnd('.')}); extract the document again", e);
        }
    }
}
