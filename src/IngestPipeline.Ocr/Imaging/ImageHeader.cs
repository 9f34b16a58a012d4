using IngestPipeline.Ocr.Native;

namespace IngestPipeline.Ocr.Imaging;

/// <summary>Leptonica's reading of an encoded image's header: what decoding it would produce, before anything is decoded.</summary>
internal sealed record ImageHeader(string Format, int Width, int Height)
{
    // Leptonica's IFF_JFIF_JPEG, IFF_PNG and its TIFF codes (IFF_TIFF to IFF_TIFF_ZIP, and IFF_TIFF_JPEG).
    private const int Jpeg = 2, Png = 3, TiffFirst = 4, TiffLast = 10, TiffJpeg = 17;

    /// <summary>The header of a JPEG, PNG or TIFF; null for any other format or an unreadable header.</summary>
    public static unsafe ImageHeader? Read(ReadOnlySpan<byte> encoded)
    {
        int status, format, width, height;
        fixed (byte* p = encoded)
            status = Leptonica.pixReadHeaderMem(p, (nuint)encoded.Length, out format, out width, out height, out _, out _, out _);
        return status != 0 ? null : format switch
        {
            Jpeg => new ImageHeader("JPEG", width, height),
            Png => new ImageHeader("PNG", width, height),
            >= TiffFirst and <= TiffLast or TiffJpeg => new ImageHeader("TIFF", width, height),
            _ => null,
        };
    }

    public static (int Width, int Height)? Size(ReadOnlySpan<byte> encoded) => Read(encoded) is { } header ? (header.Width, header.Height) : null;
}
