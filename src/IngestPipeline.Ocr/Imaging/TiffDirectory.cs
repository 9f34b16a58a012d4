using System.Buffers.Binary;

namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// Walks a classic TIFF's chain of image directories to learn how many pages it has and how large
/// each is, without decoding anything: a page that declares 50,000 x 50,000 pixels is refused here.
/// </summary>
internal static class TiffDirectory
{
    public static IReadOnlyList<(int Width, int Height)> ReadPageSizes(string name, ReadOnlySpan<byte> data, int maxPages)
    {
        bool little = data[0] == (byte)'I';
        var pages = new List<(int, int)>();
        var seen = new HashSet<long>();
        long offset = U32(data, 4, little);
        while (offset != 0)
        {
            if (!seen.Add(offset)) throw new UnreadableScanException(name, "the TIFF's page directory loops back on itself (corrupt file)");
            if (offset + 2 > data.Length) throw new UnreadableScanException(name, "the TIFF is truncated (a page directory lies past the end of the file)");
            int count = U16(data, (int)offset, little);
            long next = offset + 2 + 12L * count;
            if (next + 4 > data.Length) throw new UnreadableScanException(name, "the TIFF is truncated (a page directory is cut off)");
            int? width = null, height = null;
            for (int i = 0; i < count; i++)
            {
                int entry = (int)offset + 2 + 12 * i;
                int tag = U16(data, entry, little), type = U16(data, entry + 2, little);
                if (tag is not (256 or 257)) continue;
                // SHORT (3) values sit in the first two bytes of the value field, LONG (4) in all four.
                int value = type == 3 ? U16(data, entry + 8, little) : (int)Math.Min(U32(data, entry + 8, little), int.MaxValue);
                // libtiff decodes with the first of two values; a budget checked on another would not bound it.
                ref int? field = ref tag == 256 ? ref width : ref height;
                if (field is { } first)
                    throw new UnreadableScanException(name, $"page {pages.Count + 1} of the TIFF declares its {(tag == 256 ? "width" : "height")} twice ({first} and {value}); the file is inconsistent");
                field = value;
            }
            pages.Add((width ?? 0, height ?? 0));
            if (pages.Count > maxPages) break;
            offset = U32(data, (int)next, little);
        }
        return pages;
    }

    private static int U16(ReadOnlySpan<byte> d, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt16BigEndian(d[at..]);

    private static long U32(ReadOnlySpan<byte> d, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt32BigEndian(d[at..]);
}
