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

    public string Truncated(string source, int keepBytes)
    {
        var output = Path("truncated-" + System.IO.Path.GetFileName(source));
        File.WriteAllBytes(output, File.ReadAllBytes(source)[..keepBytes]);
        return output;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
