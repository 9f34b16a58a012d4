using System.Text;

namespace IngestPipeline.Ocr.Imaging;

public enum ScanFormat { Png, Jpeg, Tiff, Pdf }

/// <summary>Tells a file's format from its first bytes; the file name's extension is never trusted.</summary>
public static class ScanFormatSniffer
{
    public static ScanFormat Detect(string name, ReadOnlySpan<byte> data)
    {
        if (data.Length == 0) throw new UnreadableScanException(name, "the file is empty (0 bytes)");
        if (data.StartsWith<byte>([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return ScanFormat.Png;
        if (data.StartsWith<byte>([0xFF, 0xD8, 0xFF])) return ScanFormat.Jpeg;
        if (data.StartsWith<byte>("II*\0"u8) || data.StartsWith<byte>("MM\0*"u8)) return ScanFormat.Tiff;
        if (data.StartsWith<byte>("II+\0"u8) || data.StartsWith<byte>("MM\0+"u8))
            throw new UnreadableScanException(name, "BigTIFF files are not supported; save the scan as an ordinary TIFF");
        // The PDF header may be preceded by junk; readers accept it within the first kilobyte.
        if (data[..Math.Min(data.Length, 1024)].IndexOf("%PDF-"u8) >= 0) return ScanFormat.Pdf;

        var kind = LooksLikeText(data) ? "it contains plain text" : "its content is not a known image format";
        throw new UnreadableScanException(name, $"the file is not a PNG, JPEG, TIFF or PDF scan ({kind})");
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> data)
    {
        var head = data[..Math.Min(data.Length, 4096)];
        if (head.IndexOf((byte)0) >= 0) return false;
        try
        {
            _ = new UTF8Encoding(false, true).GetString(head);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
