using System.Text.RegularExpressions;
using System.Xml.Linq;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Transcripts;
using static IngestPipeline.Domain.Tests.Export.SampleTranscripts;

namespace IngestPipeline.Domain.Tests.Export;

public class HocrExporterTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [Fact]
    public void Is_xhtml_with_the_required_meta()
    {
        var hocr = HocrExporter.Write(TwoPages());
        var doc = XDocument.Parse(hocr);

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", hocr);
        Assert.Equal(Xhtml + "html", doc.Root!.Name);
        Assert.Equal("cable 1943-05-12.pdf", doc.Root.Element(Xhtml + "head")!.Element(Xhtml + "title")!.Value);
        var meta = doc.Descendants(Xhtml + "meta")
            .Where(m => m.Attribute("name") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => (string)m.Attribute("content")!);
        Assert.StartsWith("IngestPipeline ", meta["ocr-system"]);
        Assert.Equal(["ocr_carea", "ocr_line", "ocr_page", "ocrp_wconf", "ocrx_word"], meta["ocr-capabilities"].Split(' ').Order());
        Assert.Equal("2", meta["ocr-number-of-pages"]);
    }

    [Fact]
    public void Pages_have_bbox_ppageno_and_scan_res()
    {
        var pages = Classed(XDocument.Parse(HocrExporter.Write(TwoPages())), "ocr_page");

        Assert.Equal(
            ["bbox 0 0 2480 3508; ppageno 0; scan_res 300 300", "bbox 0 0 2480 3508; ppageno 1; scan_res 300 300"],
            pages.Select(p => (string)p.Attribute("title")!));
        Assert.All(pages, p => Assert.Equal("div", p.Name.LocalName));
    }

    [Fact]
    public void Nests_careas_lines_and_words_with_the_model_boxes_and_confidences()
    {
        var transcript = TwoPages();
        var doc = XDocument.Parse(HocrExporter.Write(transcript));

        var pages = Classed(doc, "ocr_page");
        for (int p = 0; p < transcript.Pages.Count; p++)
        {
            var careas = pages[p].Elements().ToList();
            Assert.All(careas, c => Assert.Equal("ocr_carea", (string?)c.Attribute("class")));
            Assert.Equal(transcript.Pages[p].Blocks.Select(b => Bbox(b.Box)), careas.Select(c => (string)c.Attribute("title")!));

            var lines = careas.SelectMany(c => c.Elements()).ToList();
            Assert.All(lines, l => Assert.Equal("ocr_line", (string?)l.Attribute("class")));
            Assert.Equal(transcript.Pages[p].Lines.Select(l => Bbox(l.Box)), lines.Select(l => (string)l.Attribute("title")!));

            var words = lines.SelectMany(l => l.Elements()).ToList();
            Assert.All(words, w => Assert.Equal("ocrx_word", (string?)w.Attribute("class")));
            Assert.Equal(
                transcript.Pages[p].Words.Select(w => $"{Bbox(w.Box)}; x_wconf {Math.Round(w.Confidence, MidpointRounding.AwayFromZero)}"),
                words.Select(w => (string)w.Attribute("title")!));
            Assert.Equal(transcript.Pages[p].Words.Select(w => w.Text), words.Select(w => w.Value));
        }
    }

    [Fact]
    public void Word_titles_are_exact_for_known_words()
    {
        var words = Classed(XDocument.Parse(HocrExporter.Write(TwoPages())), "ocrx_word");

        // "TO:" at x 100, 3 chars x 20 px, baseline 200, 30 px tall, confidence 95.5 (rounds up).
        Assert.Equal("bbox 100 170 160 200; x_wconf 96", (string)words[0].Attribute("title")!);
        // "WINANT" on page 2 after "SIGNED": x 240, 6 chars, baseline 300, confidence 93.6.
        Assert.Equal("bbox 240 270 360 300; x_wconf 94", (string)words[14].Attribute("title")!);
        // "MESSAGE" with confidence 0.
        Assert.EndsWith("; x_wconf 0", (string)words[12].Attribute("title")!);
    }

    [Fact]
    public void Escapes_markup_in_text()
    {
        var hocr = HocrExporter.Write(TwoPages());

        Assert.DoesNotContain("<script>", hocr);
        Assert.Contains("&lt;script&gt;&amp;\"x\"", hocr);
        Assert.Contains(Classed(XDocument.Parse(hocr), "ocrx_word"), w => w.Value == Tricky);
        Assert.Contains("Attaché", hocr);
    }

    [Fact]
    public void Ids_are_unique()
    {
        var ids = XDocument.Parse(HocrExporter.Write(TwoPages())).Descendants()
            .Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();

        Assert.Equal(2 + 3 + 8 + 17, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Empty_elements_are_not_self_closing()
    {
        var emptyBlock = new Block(new BoundingBox(10, 10, 20, 20), []);
        var hocr = HocrExporter.Write(OnePage(emptyBlock, Block(LineAt(200, ("", 50f)))));

        Assert.DoesNotMatch(new Regex("<(div|span)[^>]*/>"), hocr);
        Assert.Equal(2, Classed(XDocument.Parse(hocr), "ocr_carea").Count);
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var transcript = OnePage(Block(LineAt(-5, 200, ("NEG", 12.5f))));

        Assert.Equal(HocrExporter.Write(transcript), ExportCultures.WithOddCulture(() => HocrExporter.Write(transcript)));
        Assert.Contains("bbox -5 170 55 200; x_wconf 13", HocrExporter.Write(transcript));
    }

    private static List<XElement> Classed(XDocument doc, string cls) =>
        doc.Descendants().Where(e => (string?)e.Attribute("class") == cls).ToList();

    private static string Bbox(BoundingBox b) => $"bbox {b.Left} {b.Top} {b.Right} {b.Bottom}";
}
