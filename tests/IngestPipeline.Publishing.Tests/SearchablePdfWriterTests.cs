using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Publishing.Tests;

public sealed class SearchablePdfWriterTests : IDisposable
{
    private static readonly DateTimeOffset CreationDate = new(1943, 6, 14, 9, 30, 0, TimeSpan.Zero);

    // Page 1: grayscale letter portrait at 100 dpi; page 2: RGB letter landscape at 150 dpi.
    private static readonly string[] Page1Text =
    [
        "TO SECSTATE WASHINGTON",
        "FROM AMEMBASSY LISBON",
        "Attaché reports ½ of cargo (coffee) unloaded",
        "See C:\\CABLES\\1943 and note 4) above \\",
    ];
    private static readonly string[] Page2Text =
    [
        "Zürich confirms € 5000 transfer",
        "Omega Ω mark",
        "END OF MESSAGE",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("publishing-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Pdfinfo_reports_every_page_with_its_size_in_points_and_the_producer()
    {
        var pdf = WriteTwoPageCable();

        var info = ExternalTools.RunClean("pdfinfo", "-isodates", "-f", "1", "-l", "2", pdf);

        Assert.Matches(@"(?m)^Pages:\s+2$", info);
        Assert.Matches(@"(?m)^Page\s+1 size:\s+612 x 792 pts", info);   // 850 x 1100 px at 100 dpi
        Assert.Matches(@"(?m)^Page\s+2 size:\s+792 x 612 pts", info);   // 1650 x 1275 px at 150 dpi
        Assert.Matches(@"(?m)^Producer:\s+IngestPipeline$", info);
        Assert.Matches(@"(?m)^CreationDate:\s+1943-06-14T09:30:00", info);
    }

    [Fact]
    public void Pdftotext_yields_the_words_and_lines_in_order_with_accents_and_escaped_characters()
    {
        var pdf = WriteTwoPageCable();

        var pages = ExternalTools.RunClean("pdftotext", "-enc", "UTF-8", pdf, "-").Split('\f');

        Assert.Equal(Page1Text, NonEmptyLines(pages[0]));
        // Ω has no WinAnsi code, so it is carried as '?'.
        Assert.Equal(["Zürich confirms € 5000 transfer", "Omega ? mark", "END OF MESSAGE"], NonEmptyLines(pages[1]));
    }

    [Fact]
    public void Each_word_spans_its_box_on_the_page()
    {
        var pdf = WriteTwoPageCable();
        var expected = TypedPage.Lines(100, Page1Text).SelectMany(l => l.Words.Select(w => (Word: w, Line: l.Box))).ToList();

        var page1 = ExternalTools.RunClean("pdftotext", "-bbox", "-enc", "UTF-8", "-f", "1", "-l", "1", pdf, "-");
        var found = Regex.Matches(page1, """<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>""")
            .Select(m => (
                Text: WebUtility.HtmlDecode(m.Groups[5].Value),
                Left: Parse(m.Groups[1]), Top: Parse(m.Groups[2]), Right: Parse(m.Groups[3]), Bottom: Parse(m.Groups[4])))
            .ToList();

        Assert.Equal(expected.Select(e => e.Word.Text), found.Select(f => f.Text));
        const double pointsPerPixel = 72.0 / 100;
        foreach (var (e, f) in expected.Zip(found))
        {
            // Horizontal scaling makes the text exactly as wide as the box.
            Assert.Equal(e.Word.Box.Left * pointsPerPixel, f.Left, 0.5);
            Assert.Equal(e.Word.Box.Right * pointsPerPixel, f.Right, 0.5);
            // Vertically the glyph box depends on the font's metrics; its middle must at least fall within the line.
            var middle = (f.Top + f.Bottom) / 2;
            Assert.InRange(middle, e.Line.Top * pointsPerPixel, e.Line.Bottom * pointsPerPixel);
        }
    }

    [Fact]
    public void Each_image_keeps_its_colour_space_and_goes_in_as_jpeg()
    {
        var pdf = WriteTwoPageCable();

        var images = ExternalTools.RunClean("pdfimages", "-list", pdf)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)   // two header lines
            .Select(row => row.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(c => (Page: c[0], Width: c[3], Height: c[4], Color: c[5], Components: c[6], Bits: c[7], Encoding: c[8]))
            .ToList();

        Assert.Equal(
            [("1", "850", "1100", "gray", "1", "8", "jpeg"), ("2", "1650", "1275", "rgb", "3", "8", "jpeg")],
            images);
    }

    [Fact]
    public void The_scan_covers_the_whole_page_and_the_text_stays_invisible()
    {
        var jpeg = ExternalTools.MakeJpeg(_directory, 850, 1100, gray: true, color: "#808080");
        var pdf = WritePdf([new PdfPageContent(jpeg, 850, 1100, 100, TypedPage.Lines(100, Page1Text))]);

        ExternalTools.RunClean("pdftoppm", "-r", "100", "-gray", "-png", pdf, Path.Combine(_directory, "render"));
        var rendered = Directory.GetFiles(_directory, "render*.png").Single();
        var stats = ExternalTools.RunClean("convert", rendered, "-format", "%w %h %[fx:mean] %[fx:standard_deviation]", "info:")
            .Split(' ');

        Assert.Equal(["850", "1100"], stats[..2]);
        // Uniform mid-gray everywhere: no white margin left by the image and no painted glyph.
        Assert.Equal(128.0 / 255, Parse(stats[2]), 0.01);
        Assert.Equal(0, Parse(stats[3]), 0.001);
    }

    [Fact]
    public void Words_without_text_or_box_are_left_out_and_the_rest_still_reads()
    {
        var good = TypedPage.Line(100, 0, "KEEP THESE WORDS");
        var box = good.Words[0].Box;
        var mixed = good with
        {
            Words =
            [
                new Word("", box, 90),
                good.Words[0],
                new Word("   ", box, 90),
                new Word("EMPTYBOX", new BoundingBox(300, 100, 300, 117), 90),
                new Word("NOBOX", default, 90),
                good.Words[1],
                new Word("INVERTED", new BoundingBox(400, 117, 380, 100), 90),
                good.Words[2],
            ],
        };
        var nothingLeft = new Line(new BoundingBox(100, 200, 300, 217), [new Word("", new BoundingBox(100, 200, 150, 217), 90)]);
        var noLines = new Line(default, []);
        // A line without a box of its own is placed by the union of its words.
        var unboxed = TypedPage.Line(100, 3, "LINE WITHOUT BOX") with { Box = default };
        var jpeg = ExternalTools.MakeJpeg(_directory, 850, 1100, gray: true);

        var pdf = WritePdf([
            new PdfPageContent(jpeg, 850, 1100, 100, [mixed, nothingLeft, noLines, unboxed]),
            new PdfPageContent(jpeg, 850, 1100, 100, []),
        ]);

        Assert.Matches(@"(?m)^Pages:\s+2$", ExternalTools.RunClean("pdfinfo", pdf));
        var pages = ExternalTools.RunClean("pdftotext", "-enc", "UTF-8", pdf, "-").Split('\f');
        Assert.Equal(["KEEP THESE WORDS", "LINE WITHOUT BOX"], NonEmptyLines(pages[0]));
        Assert.Empty(NonEmptyLines(pages[1]));
    }

    [Theory]
    [InlineData("PNG", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 })]
    [InlineData("text", new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' })]
    [InlineData("empty", new byte[0])]
    [InlineData("truncated JPEG", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F' })]
    public void An_image_that_is_not_a_jpeg_is_rejected_before_anything_is_written(string kind, byte[] image)
    {
        using var output = new MemoryStream();

        var error = Assert.Throws<ArgumentException>(() =>
            SearchablePdfWriter.Write(output, [new PdfPageContent(image, 850, 1100, 100, [])]));

        Assert.Equal("pages", error.ParamName);
        Assert.Contains("Page 1", error.Message);
        Assert.Contains("not a usable JPEG", error.Message);
        Assert.True(output.Length == 0, $"{kind}: nothing may be written for a rejected first page");
    }

    [Fact]
    public void A_progressive_jpeg_is_taken_as_it_is()
    {
        var jpeg = ExternalTools.Convert(_directory, "-size", "400x300", "xc:#f4ecd8", "-depth", "8", "-interlace", "JPEG");
        var pdf = WritePdf([new PdfPageContent(jpeg, 400, 300, 50, TypedPage.Lines(50, "PROGRESSIVE SCAN"))]);

        Assert.Contains(" rgb ", ExternalTools.RunClean("pdfimages", "-list", pdf));
        Assert.Equal(["PROGRESSIVE SCAN"], NonEmptyLines(ExternalTools.RunClean("pdftotext", "-enc", "UTF-8", pdf, "-")));
    }

    [Fact]
    public void A_cmyk_jpeg_is_rejected()
    {
        var jpeg = ExternalTools.Convert(_directory, "-size", "40x30", "xc:white", "-depth", "8", "-colorspace", "CMYK");

        var error = Assert.Throws<ArgumentException>(() =>
            SearchablePdfWriter.Write(Stream.Null, [new PdfPageContent(jpeg, 40, 30, 10, [])]));

        Assert.Contains("4 colour components", error.Message);
    }

    [Fact]
    public void A_jpeg_of_another_size_than_the_page_is_rejected()
    {
        var jpeg = ExternalTools.MakeJpeg(_directory, 85, 110, gray: true);

        var error = Assert.Throws<ArgumentException>(() =>
            SearchablePdfWriter.Write(Stream.Null, [new PdfPageContent(jpeg, 850, 1100, 100, [])]));

        Assert.Contains("85x110", error.Message);
        Assert.Contains("850x1100", error.Message);
    }

    [Fact]
    public void A_document_without_pages_is_rejected_before_anything_is_written()
    {
        using var output = new MemoryStream();

        var error = Assert.Throws<ArgumentException>(() => SearchablePdfWriter.Write(output, []));

        Assert.Equal("pages", error.ParamName);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void Pages_are_asked_for_one_at_a_time_and_written_before_the_next()
    {
        var jpeg = ExternalTools.MakeJpeg(_directory, 850, 1100, gray: true);
        var output = new ForwardOnlyStream();
        var writtenWhenAsked = new List<long>();

        IEnumerable<PdfPageContent> Pages()
        {
            for (var i = 0; i < 3; i++)
            {
                writtenWhenAsked.Add(output.BytesWritten);
                yield return new PdfPageContent(jpeg, 850, 1100, 100, TypedPage.Lines(100, $"PAGE {i + 1}"));
            }
        }

        SearchablePdfWriter.Write(output, Pages(), CreationDate);

        Assert.Equal(0, writtenWhenAsked[0]);
        // By the time a page is asked for, the previous one (its JPEG at least) is already in the output.
        Assert.True(writtenWhenAsked[1] > jpeg.Length, $"page 1 not written before page 2 was asked for: {writtenWhenAsked[1]} bytes");
        Assert.True(writtenWhenAsked[2] > writtenWhenAsked[1] + jpeg.Length, "page 2 not written before page 3 was asked for");

        var pdf = Path.Combine(_directory, "streamed.pdf");
        File.WriteAllBytes(pdf, output.ToArray());
        Assert.Matches(@"(?m)^Pages:\s+3$", ExternalTools.RunClean("pdfinfo", pdf));
        Assert.Equal(["PAGE 1", "PAGE 2", "PAGE 3"],
            NonEmptyLines(ExternalTools.RunClean("pdftotext", "-enc", "UTF-8", pdf, "-")));
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes()
    {
        var pages = TwoPageCable();

        var first = File.ReadAllBytes(WritePdf(pages));
        var second = File.ReadAllBytes(WritePdf(pages));

        Assert.Equal(first, second);
    }

    private string WriteTwoPageCable() => WritePdf(TwoPageCable());

    private List<PdfPageContent> TwoPageCable() =>
    [
        new PdfPageContent(ExternalTools.MakeJpeg(_directory, 850, 1100, gray: true), 850, 1100, 100, TypedPage.Lines(100, Page1Text)),
        new PdfPageContent(ExternalTools.MakeJpeg(_directory, 1650, 1275, gray: false, color: "#f4ecd8"), 1650, 1275, 150,
            TypedPage.Lines(150, Page2Text)),
    ];

    private string WritePdf(IEnumerable<PdfPageContent> pages)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.pdf");
        using (var file = File.Create(path))
            SearchablePdfWriter.Write(file, pages, CreationDate);
        return path;
    }

    private static string[] NonEmptyLines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private static double Parse(Group group) => Parse(group.Value);

    private static double Parse(string number) => double.Parse(number, CultureInfo.InvariantCulture);

    /// <summary>An output that can only be appended to, like a pipe or a response body.</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        private readonly MemoryStream _bytes = new();

        public long BytesWritten => _bytes.Length;
        public byte[] ToArray() => _bytes.ToArray();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _bytes.Write(buffer, offset, count);
    }
}
