using System.Globalization;
using System.Xml.Linq;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Export;

/// <summary>
/// hOCR 1.2 as XHTML: one <c>ocr_page</c> per page (<c>bbox 0 0 W H; ppageno N</c>, plus <c>scan_res</c> when the
/// resolution is known), one <c>ocr_carea</c> per block, one <c>ocr_line</c> per line (bbox only, no baseline),
/// one <c>ocrx_word</c> per word (<c>bbox x0 y0 x1 y1; x_wconf NN</c>, the confidence rounded to a whole number).
/// Boxes are page pixels with right/bottom exclusive, as the model's. IDs are positional (page_1, block_1_2,
/// line_1_2_3, word_1_2_3_4), so they are unique and match the model's structure; lines without words are left out.
/// <c>ppageno</c> is <see cref="Page.Number"/> - 1, taking Number as 1-based (hOCR counts physical pages from 0).
/// </summary>
public static class HocrExporter
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>The markup this exporter can produce, as hOCR requires it to be declared.</summary>
    public const string Capabilities = "ocr_page ocr_carea ocr_line ocrx_word ocrp_wconf";

    public static string Write(Transcript transcript) => XmlOutput.ToUtf8String(Build(transcript));

    public static void Write(Transcript transcript, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        XmlOutput.Save(Build(transcript), writer);
    }

    private static XDocument Build(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var head = new XElement(Xhtml + "head",
            new XElement(Xhtml + "title", XmlOutput.Clean(transcript.SourceName)),
            Meta("http-equiv", "Content-Type", "text/html;charset=utf-8"),
            Meta("name", "ocr-system", $"{XmlOutput.SoftwareName} {XmlOutput.SoftwareVersion}"),
            Meta("name", "ocr-capabilities", Capabilities),
            Meta("name", "ocr-number-of-pages", XmlOutput.Invariant(transcript.Pages.Count)));

        var body = new XElement(Xhtml + "body");
        for (int p = 0; p < transcript.Pages.Count; p++)
        {
            body.Add(PageElement(transcript.Pages[p], p + 1));
        }

        // Only void elements (meta) may be self-closing in HTML; give every other empty element an end tag.
        foreach (var empty in body.DescendantsAndSelf().Where(e => e.IsEmpty).ToList())
        {
            empty.Value = string.Empty;
        }

        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XDocumentType("html", "-//W3C//DTD XHTML 1.0 Transitional//EN",
                "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd", null),
            new XElement(Xhtml + "html", head, body));
    }

    private static XElement PageElement(Page page, int pageIndex)
    {
        var title = $"bbox 0 0 {I(page.Width)} {I(page.Height)}; ppageno {I(page.Number - 1)}";
        if (page.Dpi > 0)
        {
            title += $"; scan_res {I(page.Dpi)} {I(page.Dpi)}";
        }
        var element = Div("ocr_page", $"page_{I(pageIndex)}", title);
        for (int b = 0; b < page.Blocks.Count; b++)
        {
            var block = page.Blocks[b];
            var blockId = $"{I(pageIndex)}_{I(b + 1)}";
            var carea = Div("ocr_carea", $"block_{blockId}", Bbox(block.Box));
            for (int l = 0; l < block.Lines.Count; l++)
            {
                var line = block.Lines[l];
                if (line.Words.Count == 0)
                {
                    continue;
                }
                var lineId = $"{blockId}_{I(l + 1)}";
                var span = Span("ocr_line", $"line_{lineId}", Bbox(line.Box));
                for (int w = 0; w < line.Words.Count; w++)
                {
                    var word = line.Words[w];
                    var wordSpan = Span("ocrx_word", $"word_{lineId}_{I(w + 1)}",
                        $"{Bbox(word.Box)}; x_wconf {I(WholeConfidence(word.Confidence))}");
                    wordSpan.Value = XmlOutput.Clean(word.Text);
                    span.Add(wordSpan);
                }
                carea.Add(span);
            }
            element.Add(carea);
        }
        return element;
    }

    /// <summary>0-100, rounded half away from zero; NaN counts as 0.</summary>
    internal static int WholeConfidence(float confidence) =>
        float.IsNaN(confidence) ? 0 : (int)Math.Round(Math.Clamp(confidence, 0f, 100f), MidpointRounding.AwayFromZero);

    private static string Bbox(BoundingBox box) =>
        $"bbox {I(box.Left)} {I(box.Top)} {I(box.Right)} {I(box.Bottom)}";

    private static XElement Meta(string kind, string name, string content) =>
        new(Xhtml + "meta", new XAttribute(kind, name), new XAttribute("content", content));

    private static XElement Div(string @class, string id, string title) => Element("div", @class, id, title);

    private static XElement Span(string @class, string id, string title) => Element("span", @class, id, title);

    private static XElement Element(string name, string @class, string id, string title) =>
        new(Xhtml + name, new XAttribute("class", @class), new XAttribute("id", id), new XAttribute("title", title));

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
