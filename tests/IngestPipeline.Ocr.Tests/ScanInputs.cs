using System.Text;

namespace IngestPipeline.Ocr.Tests;

/// <summary>Builds test inputs in every format from the sample scans with independent tools (ImageMagick, img2pdf, pikepdf).</summary>
internal sealed class ScanInputs : IDisposable
{
    public string Directory { get; } = TestData.NewTempDirectory();

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>A smaller copy of a sample page, to keep format tests quick.</summary>
    public string Page(string name, string format, params string[] options) =>
        TestData.Convert(Path($"{name}.{format}"), [TestData.Scan(TestData.Clean), .. options]);

    /// <summary>Images into one PDF at 300 dpi, each image stored as it is (JPEG as DCT, bilevel TIFF as CCITT G4).</summary>
    public string ImagesToPdf(string name, params string[] images)
    {
        var output = Path(name);
        var list = string.Join(", ", images.Select(i => $"'{i}'"));
        TestData.Run("/usr/bin/python3", "-c", $"import img2pdf; open('{output}', 'wb').write(img2pdf.convert([{list}], layout_fun=img2pdf.get_fixed_dpi_layout_fun((300, 300))))");
        return output;
    }

    public string EncryptedPdf(string source)
    {
        var output = Path("encrypted.pdf");
        TestData.Run("/usr/bin/python3", "-c",
            $"import pikepdf; pdf = pikepdf.open('{source}'); pdf.save('{output}', encryption=pikepdf.Encryption(user='secret', owner='owner'))");
        return output;
    }

    /// <summary>A PDF written by hand: pages of vector text (no image), or no pages at all.</summary>
    public string HandWrittenPdf(string name, int pages)
    {
        var objects = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>" };
        var kids = string.Join(' ', Enumerable.Range(0, pages).Select(i => $"{4 + 2 * i} 0 R"));
        objects.Add($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>");
        objects.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>");
        for (int i = 0; i < pages; i++)
        {
            var content = $"BT /F1 24 Tf 72 700 Td (TOP SECRET page {i + 1}) Tj ET";
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>");
            objects.Add($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
        }
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        int xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append($"{o:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        var output = Path(name);
        File.WriteAllText(output, pdf.ToString(), Encoding.ASCII);
        return output;
    }

    /// <summary>
    /// A one-page PDF written by hand from raw streams: its content stream (with its own dictionary entries, such as
    /// filters) and, when given, one image the page draws over the sheet.
    /// </summary>
    public string OnePagePdf(string name, byte[] content, string contentEntries = "", (string Entries, byte[] Data)? image = null)
    {
        var objects = new List<byte[]>
        {
            "<< /Type /Catalog /Pages 2 0 R >>"u8.ToArray(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"u8.ToArray(),
            Encoding.ASCII.GetBytes($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R{(image is null ? "" : " /Resources << /XObject << /Im0 5 0 R >> >>")} >>"),
            Stream($"{contentEntries} /Length {content.Length}", content),
        };
        if (image is { } drawn) objects.Add(Stream($"/Type /XObject /Subtype /Image {drawn.Entries} /Length {drawn.Data.Length}", drawn.Data));
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.7\n"u8);
        var offsets = new List<long>();
        for (int i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write("\nendobj\n"u8);
        }
        long xref = pdf.Position;
        pdf.Write(Encoding.ASCII.GetBytes($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n{string.Concat(offsets.Select(o => $"{o:D10} 00000 n \n"))}" +
            $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        var output = Path(name);
        File.WriteAllBytes(output, pdf.ToArray());
        return output;

        static byte[] Stream(string entries, byte[] data) =>
            [.. Encoding.ASCII.GetBytes($"<< {entries.Trim()} >>\nstream\n"), .. data, .. "\nendstream"u8];
    }

    /// <summary><paramref name="length"/> spaces, Flate-compressed <paramref name="times"/> times over: kilobytes that inflate to as much as asked.</summary>
    public static byte[] FlateBomb(long length, int times)
    {
        var data = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(data, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)' ');
            for (long left = length; left > 0; left -= block.Length) z.Write(block, 0, (int)Math.Min(block.Length, left));
        }
        var bytes = data.ToArray();
        for (int i = 1; i < times; i++)
        {
            var again = new MemoryStream();
            using (var z = new System.IO.Compression.ZLibStream(again, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(bytes);
            bytes = again.ToArray();
        }
        return bytes;
    }

    public string Truncated(string source, int keepBytes)
    {
        var output = Path("truncated-" + System.IO.Path.GetFileName(source));
        File.WriteAllBytes(output, File.ReadAllBytes(source)[..keepBytes]);
        return output;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
