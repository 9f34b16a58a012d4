using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace IngestPipeline.Services.Tests.Support;

/// <summary>What should become of an input: read and queued for review, refused with a reason, or either.</summary>
internal enum Expect { Processed, Refused, ProcessedOrRefused }

/// <summary>One hostile or broken input: the name it is uploaded under, its bytes, and what the reason must say.</summary>
internal sealed record BadInput(string UploadName, string Path, Expect Expect, string? ReasonSays = null);

/// <summary>
/// Makes the bad-input suite's files from the sample pages: broken, lying, huge, encrypted, scripted, exotic
/// pixel formats and hostile names. Made with ImageMagick and qpdf where they can, by hand where they cannot.
/// </summary>
internal static class BadInputs
{
    /// <summary>A six-page PDF whose third page is too large: the one multi-page input whose pages fail alone.</summary>
    public const string SixPagesOneHuge = "six-pages-one-huge.pdf";

    public static IReadOnlyList<BadInput> Make(string dir)
    {
        var sample = TestScans.SamplePages[0];
        string P(string name) => System.IO.Path.Combine(dir, name);
        byte[] Cut(string file, double fraction) { var b = File.ReadAllBytes(file); return b[..(int)(b.Length * fraction)]; }
        string Convert(string output, params string[] args) => ConvertAs("", output, args);
        string ConvertAs(string format, string output, params string[] args) { Repository.Run("convert", [.. args, format + P(output)]); return P(output); }

        var jpeg = Convert("page.jpg", sample, "-colorspace", "Gray", "-quality", "85");
        var tiff = Convert("page.tif", sample, "-compress", "lzw");
        var (w, h) = Size(sample);
        var pageJpeg = $"/Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode";
        (double, double) Letter() => (w * 72.0 / 300, h * 72.0 / 300);

        MiniPdf.Pages(P("page.pdf"), [(Letter().Item1, Letter().Item2, pageJpeg, File.ReadAllBytes(jpeg))]);
        MiniPdf.Pages(P("wide.pdf"), [(200 * 72, 11 * 72, null, null)]);
        // The page's JPEG under a dictionary that declares 100 x 100: what is decoded is what the JPEG's header says.
        MiniPdf.Pages(P("lying-jpeg.pdf"), [(Letter().Item1, Letter().Item2, "/Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", File.ReadAllBytes(jpeg))]);
        // Five letter pages and, third, one of 200 x 11 inches (198 megapixels to draw): the five go on to review without it.
        MiniPdf.Pages(P(SixPagesOneHuge), Enumerable.Range(1, 6).Select(n => n == 3
            ? (200.0 * 72, 11.0 * 72, (string?)null, (byte[]?)null)
            : (Letter().Item1, Letter().Item2, pageJpeg, File.ReadAllBytes(jpeg))));
        // A JPEG 2000 page: never given to Leptonica (only JPEG and PNG are), drawn by poppler under its bounds.
        MiniPdf.Pages(P("jpeg2000.pdf"), [(Letter().Item1, Letter().Item2, $"/Width {w} /Height {h} /Filter /JPXDecode",
            File.ReadAllBytes(Convert("page.jp2", sample, "-colorspace", "Gray", "-quality", "40")))]);
        // A content stream of two Flate filters: 2 KB that inflate to 1 GB (PdfPig would hold it all, twice over).
        MiniPdf.Pages(P("flate-bomb.pdf"), [(612.0, 792.0, null, null)], contentFilters: "/Filter [/FlateDecode /FlateDecode]", blankContent: FlateBomb(1L << 30, times: 2));
        MiniPdf.Pages(P("blank-2000.pdf"), Enumerable.Range(0, 2000).Select(_ => (612.0, 792.0, (string?)null, (byte[]?)null)));
        MiniPdf.Pages(P("scripted.pdf"), [(Letter().Item1, Letter().Item2, pageJpeg, File.ReadAllBytes(jpeg))],
            "/OpenAction << /S /JavaScript /JS (app.alert\\('opened'\\);) >> /AcroForm << /Fields [] /NeedAppearances true >> " +
            "/Names << /JavaScript << /Names [(print) << /S /JavaScript /JS (this.print\\(\\);) >>] >> >>");
        MiniPdf.Pages(P("jbig2.pdf"), [(Letter().Item1, Letter().Item2,
            $"/Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode", Jbig2(Convert("g4.tif", sample, "-threshold", "60%", "-compress", "Group4", "-define", $"tiff:rows-per-strip={h}"), w, h))]);
        Repository.Run("qpdf", "--encrypt", "reader-password", "owner-password", "256", "--", P("page.pdf"), P("encrypted.pdf"));

        File.WriteAllBytes(P("lying.png"), LyingPng(sample));
        File.WriteAllBytes(P("huge.png"), Png(50_000, 50_000));
        File.WriteAllBytes(P("huge.tif"), BilevelTiff(50_000, 50_000));
        // Width declared twice: libtiff decodes the first (20,000), a check that kept the last saw 100 x 20,000.
        File.WriteAllBytes(P("twice-wide.tif"), BilevelTiff(20_000, 20_000, secondWidth: 100));
        var tiny = Convert("tiny.png", "-size", "10x10", "xc:white");
        Repository.Run("convert", "-size", "64x64", "xc:white", "-duplicate", "999", "-compress", "Group4", P("pages-1000.tif"));

        File.WriteAllBytes(P("empty.png"), []);
        File.WriteAllBytes(P("cut.png"), Cut(sample, 0.4));
        File.WriteAllBytes(P("cut.jpg"), Cut(jpeg, 0.5));
        File.WriteAllBytes(P("cut.tif"), Cut(tiff, 0.5));
        File.WriteAllBytes(P("cut.pdf"), Cut(P("page.pdf"), 0.5));
        File.WriteAllText(P("notes.tif"), "Minutes of the meeting, typed up later.\nNot a scan at all.\n");

        const string broken = "cannot be decoded|cannot be read|truncated|corrupt|is not a PNG, JPEG, TIFF or PDF";
        var inputs = new List<BadInput>
        {
            new("empty.png", P("empty.png"), Expect.Refused, "empty"),
            new("cut.png", P("cut.png"), Expect.Refused, broken),
            new("cut.jpg", P("cut.jpg"), Expect.ProcessedOrRefused, broken), // a JPEG cut short still decodes to its first rows
            new("cut.tif", P("cut.tif"), Expect.Refused, broken),
            new("cut.pdf", P("cut.pdf"), Expect.Refused, broken),
            new("notes.tif", P("notes.tif"), Expect.Refused, broken),
            new("lying.png", P("lying.png"), Expect.Refused, broken),
            new("huge.png", P("huge.png"), Expect.Refused, "megapixels"),
            new("huge.tif", P("huge.tif"), Expect.Refused, "megapixels"),
            new("twice-wide.tif", P("twice-wide.tif"), Expect.Refused, "page 1 of the TIFF declares its width twice \\(20000 and 100\\)"),
            new("wide.pdf", P("wide.pdf"), Expect.Refused, "megapixels"),
            new("lying-jpeg.pdf", P("lying-jpeg.pdf"), Expect.Refused, $"100 × 100 pixels by the PDF's account but {w} × {h} by its own JPEG header"),
            new("jbig2.pdf", P("jbig2.pdf"), Expect.Processed),
            new(SixPagesOneHuge, P(SixPagesOneHuge), Expect.Processed),
            new("jpeg2000.pdf", P("jpeg2000.pdf"), Expect.Processed),
            new("flate-bomb.pdf", P("flate-bomb.pdf"), Expect.Refused, "page 1: a stream inflates to more than 171 MB, more than a page within the pixel budget holds"),
            new("encrypted.pdf", P("encrypted.pdf"), Expect.Refused, "encrypted"),
            new("scripted.pdf", P("scripted.pdf"), Expect.Processed),
            new("blank-2000.pdf", P("blank-2000.pdf"), Expect.Refused, "2000 pages, over the limit of 500; split it"),
            new("pages-1000.tif", P("pages-1000.tif"), Expect.Refused, "more than 500 pages, over the limit of 500; split it"),
            new("cmyk.jpg", Convert("cmyk.jpg", sample, "-colorspace", "CMYK", "-quality", "85"), Expect.Processed),
            new("palette.png", ConvertAs("png8:", "palette.png", sample, "-colors", "16", "-type", "Palette"), Expect.Processed),
            new("alpha.png", ConvertAs("png32:", "alpha.png", sample, "-alpha", "set", "-channel", "A", "-evaluate", "set", "80%", "+channel"), Expect.Processed),
            new("grey16.tif", Convert("grey16.tif", sample, "-colorspace", "Gray", "-depth", "16", "-compress", "lzw"), Expect.Processed),
            new("tiny.png", tiny, Expect.ProcessedOrRefused, "small"),
        };
        // Hostile names: each on different bytes (a 40 x 40 grey square of its own), so none is a duplicate.
        string[] names = ["../../etc/passwd.png", "a\\b/c.png", "..", "bell\a\u0001tab\t.png", new string('x', 496) + ".png", "caf\uFFFD\uFFFD.png"];
        for (int i = 0; i < names.Length; i++)
            inputs.Add(new(names[i], Convert($"name{i}.png", "-size", "40x40", $"xc:gray{10 + 10 * i}"), Expect.ProcessedOrRefused, "small"));
        return inputs;
    }

    /// <summary><paramref name="length"/> spaces, Flate-compressed <paramref name="times"/> times over.</summary>
    private static byte[] FlateBomb(long length, int times)
    {
        var block = new byte[1 << 20];
        Array.Fill(block, (byte)' ');
        byte[] bytes = [];
        for (int i = 0; i < times; i++)
        {
            var output = new MemoryStream();
            using (var z = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                if (i > 0) z.Write(bytes);
                else for (long left = length; left > 0; left -= block.Length) z.Write(block, 0, (int)Math.Min(block.Length, left));
            }
            bytes = output.ToArray();
        }
        return bytes;
    }

    private static (int Width, int Height) Size(string image)
    {
        var parts = Repository.Run("identify", "-format", "%w %h", image).Split(' ');
        return (int.Parse(parts[0]), int.Parse(parts[1]));
    }

    /// <summary>A PNG whose header claims 50 000 x 50 000 pixels (2.5 gigapixels) over a few bytes of data.</summary>
    private static byte[] Png(int width, int height)
    {
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // 8-bit greyscale
        Chunk(png, "IHDR", header);
        var data = new MemoryStream();
        using (var z = new ZLibStream(data, CompressionLevel.Fastest, leaveOpen: true)) z.Write(new byte[1024]);
        Chunk(png, "IDAT", data.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The sample PNG with its header changed to claim 4 000 x 5 000 pixels: the data does not fill them.</summary>
    private static byte[] LyingPng(string sample)
    {
        var bytes = File.ReadAllBytes(sample);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), 4000);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), 5000);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32(bytes.AsSpan(12, 17)));
        return bytes;
    }

    internal static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        png.Write(word);
    }

    /// <summary>A little-endian bilevel TIFF whose one strip claims 50 000 x 50 000 pixels and holds 16 bytes.</summary>
    private static byte[] BilevelTiff(int width, int height, int? secondWidth = null)
    {
        (ushort Tag, ushort Type, uint Value)[] entries =
        [
            (256, 4, (uint)width), .. secondWidth is { } w2 ? [((ushort)256, (ushort)4, (uint)w2)] : Array.Empty<(ushort, ushort, uint)>(),
            (257, 4, (uint)height), (258, 3, 1), (259, 3, 1), (262, 3, 0),
            (273, 4, 8), (278, 4, (uint)height), (279, 4, 16),
        ];
        var tiff = new byte[8 + 16 + 2 + entries.Length * 12 + 4];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 24);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(24), (ushort)entries.Length);
        for (int i = 0; i < entries.Length; i++)
        {
            var at = tiff.AsSpan(26 + i * 12);
            BinaryPrimitives.WriteUInt16LittleEndian(at, entries[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(at[2..], entries[i].Type);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], 1);
            if (entries[i].Type == 3) BinaryPrimitives.WriteUInt16LittleEndian(at[8..], (ushort)entries[i].Value);
            else BinaryPrimitives.WriteUInt32LittleEndian(at[8..], entries[i].Value);
        }
        return tiff;
    }

    /// <summary>
    /// A JBIG2 embedded stream (as PDF's JBIG2Decode takes it) of one page: a page information segment and an
    /// immediate generic region coded with MMR, whose data is the CCITT G4 strip of a one-strip TIFF.
    /// </summary>
    private static byte[] Jbig2(string g4Tiff, int width, int height)
    {
        var tiff = File.ReadAllBytes(g4Tiff);
        var (offset, count) = (TiffTag(tiff, 273), TiffTag(tiff, 279));
        var mmr = tiff.AsSpan((int)offset, (int)count).ToArray();
        var stream = new MemoryStream();
        void Segment(uint number, byte type, byte[] data)
        {
            var header = new byte[11];
            BinaryPrimitives.WriteUInt32BigEndian(header, number);
            header[4] = type;
            header[5] = 0; // refers to no segment
            header[6] = 1; // page 1
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(7), (uint)data.Length);
            stream.Write(header);
            stream.Write(data);
        }
        var page = new byte[19];
        BinaryPrimitives.WriteInt32BigEndian(page, width);
        BinaryPrimitives.WriteInt32BigEndian(page.AsSpan(4), height);
        Segment(0, 48, page);
        var region = new byte[18 + mmr.Length];
        BinaryPrimitives.WriteInt32BigEndian(region, width);
        BinaryPrimitives.WriteInt32BigEndian(region.AsSpan(4), height);
        region[17] = 1; // generic region flags: MMR
        mmr.CopyTo(region, 18);
        Segment(1, 38, region);
        return stream.ToArray();
    }

    private static uint TiffTag(byte[] tiff, ushort tag)
    {
        bool little = tiff[0] == 'I';
        ushort U16(int at) => little ? BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(at)) : BinaryPrimitives.ReadUInt16BigEndian(tiff.AsSpan(at));
        uint U32(int at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(tiff.AsSpan(at));
        int ifd = (int)U32(4);
        for (int i = 0, n = U16(ifd); i < n; i++)
        {
            int at = ifd + 2 + i * 12;
            if (U16(at) == tag) return U16(at + 2) == 3 ? U16(at + 8) : U32(at + 8);
        }
        throw new InvalidOperationException($"the G4 TIFF has no tag {tag}");
    }

    /// <summary>PNG's chunk checksum (CRC-32, polynomial 0xEDB88320).</summary>
    internal static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320 & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }
}
