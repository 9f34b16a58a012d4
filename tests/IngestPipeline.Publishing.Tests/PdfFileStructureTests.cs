using System.Text;
using System.Text.RegularExpressions;

namespace IngestPipeline.Publishing.Tests;

/// <summary>
/// Checks the cross-reference table byte by byte. Readers repair a broken table quietly, so a wrong offset
/// would otherwise go unnoticed until a strict reader (or a large file) trips over it.
/// </summary>
public sealed class PdfFileStructureTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("publishing-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Every_xref_entry_is_20_bytes_and_points_at_its_object()
    {
        var jpeg = ExternalTools.MakeJpeg(_directory, 170, 220, gray: false);
        using var output = new MemoryStream();
        SearchablePdfWriter.Write(output, [
            new PdfPageContent(jpeg, 170, 220, 20, TypedPage.Lines(20, "ONE (1)")),
            new PdfPageContent(jpeg, 170, 220, 20, TypedPage.Lines(20, "TWO \\ 2")),
        ]);
        // Latin-1 maps bytes to chars one to one, so string offsets are file offsets.
        var file = Encoding.Latin1.GetString(output.ToArray());

        Assert.StartsWith("%PDF-1.", file);
        Assert.EndsWith("%%EOF\n", file);
        var startxref = long.Parse(Regex.Match(file, @"startxref\n(\d+)\n%%EOF\n$").Groups[1].Value);
        var xref = file[(int)startxref..];
        var header = Regex.Match(xref, @"^xref\n0 (\d+)\n");
        Assert.True(header.Success, "startxref does not point at the xref keyword");
        var size = int.Parse(header.Groups[1].Value);
        Assert.Matches($@"trailer\n<< /Size {size} /Root \d+ 0 R /Info \d+ 0 R /ID \[<[0-9A-F]{{32}}> <[0-9A-F]{{32}}>\] >>", xref);

        var entries = xref.Substring(header.Length, size * 20);
        Assert.Equal("0000000000 65535 f\r\n", entries[..20]);
        for (var number = 1; number < size; number++)
        {
            var entry = entries.Substring(number * 20, 20);
            Assert.Matches(@"^\d{10} 00000 n\r\n$", entry);
            var offset = int.Parse(entry[..10]);
            Assert.StartsWith($"{number} 0 obj\n", file[offset..]);
        }
        Assert.StartsWith("trailer\n", xref[(header.Length + size * 20)..]);
    }
}
