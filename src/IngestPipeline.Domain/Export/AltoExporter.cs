using System.Globalization;
using System.Xml.Linq;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Export;

/// <summary>
/// ALTO 4.2 written from the model: MeasurementUnit pixel, sourceImageInformation/fileName = the transcript's
/// SourceName, one Processing per page recording <see cref="Page.Processing"/> (the boxes refer to the image after
/// those steps), one Page per page (PHYSICAL_IMG_NR = <see cref="Page.Number"/>) holding a PrintSpace over the whole
/// page, a TextBlock per block, a TextLine per line, a String per word (HPOS, VPOS, WIDTH, HEIGHT, CONTENT, and WC =
/// confidence / 100 in 0..1) and an SP for the space between consecutive words. IDs are positional and unique in
/// the document (p1, p1_b2, p1_b2_l3, p1_b2_l3_w4). Lines without words are left out (ALTO needs a String in every
/// TextLine). Marks that are not typed text (<see cref="Page.Regions"/>) follow the text blocks as Illustrations whose
/// TYPE is the kind ("handwriting", "stamp", "punch-hole", ...; IDs p1_r1, p1_r2).
/// </summary>
public static class AltoExporter
{
    public static readonly XNamespace Namespace = "http://www.loc.gov/standards/alto/ns-v4#";

    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private const string SchemaLocation = "http://www.loc.gov/standards/alto/v4/alto-4-2.xsd";

    public const string IllegibleTagId = "illegible";

    public static string Write(Transcript transcript) => XmlOutput.ToUtf8String(Build(transcript));

    public static void Write(Transcript transcript, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        XmlOutput.Save(Build(transcript), writer);
    }

    /// <summary>Word confidence 0-100 as ALTO's WC: divided by 100, clamped to 0..1, at most two decimals ("0.93", "1", "0").</summary>
    public static string FormatWordConfidence(float confidence)
    {
        double wc = float.IsNaN(confidence) ? 0 : Math.Clamp(confidence / 100.0, 0.0, 1.0);
        return Math.Round(wc, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static XDocument Build(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var description = new XElement(Namespace + "Description",
            new XElement(Namespace + "MeasurementUnit", "pixel"),
            new XElement(Namespace + "sourceImageInformation",
                new XElement(Namespace + "fileName", XmlOutput.Clean(transcript.SourceName))));
        var layout = new XElement(Namespace + "Layout");

        for (int p = 0; p < transcript.Pages.Count; p++)
        {
            var page = transcript.Pages[p];
            var pageId = $"p{I(p + 1)}";
            var processingId = $"proc_{pageId}";
            description.Add(ProcessingElement(page.Processing, processingId));
            layout.Add(PageElement(page, pageId, processingId));
        }

        // An [ILLEGIBLE] String refers to this tag, so ALTO readers can tell a marker from typed text.
        var tags = new XElement(Namespace + "Tags",
            new XElement(Namespace + "OtherTag",
                new XAttribute("ID", IllegibleTagId),
                new XAttribute("LABEL", "illegible"),
                new XAttribute("DESCRIPTION", "text that cannot be read from the scan")));

        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Namespace + "alto",
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                new XAttribute(Xsi + "schemaLocation", $"{Namespace.NamespaceName} {SchemaLocation}"),
                new XAttribute("SCHEMAVERSION", "4.2"),
                description,
                tags,
                layout));
    }

    private static XElement ProcessingElement(PageProcessing processing, string id)
    {
        var element = new XElement(Namespace + "Processing", new XAttribute("ID", id),
            new XElement(Namespace + "processingCategory", "preOperation"));
        foreach (var step in processing.Steps)
        {
            element.Add(new XElement(Namespace + "processingStepDescription", XmlOutput.Clean(step)));
        }
        element.Add(
            new XElement(Namespace + "processingStepSettings",
                $"rotationDegrees={I(processing.RotationDegrees)}; skewDegrees={processing.SkewDegrees.ToString("R", CultureInfo.InvariantCulture)}"),
            new XElement(Namespace + "processingSoftware",
                new XElement(Namespace + "softwareName", XmlOutput.SoftwareName),
                new XElement(Namespace + "softwareVersion", XmlOutput.SoftwareVersion)));
        return element;
    }

    private static XElement PageElement(Page page, string pageId, string processingId)
    {
        var printSpace = new XElement(Namespace + "PrintSpace",
            new XAttribute("ID", $"{pageId}_ps"),
            new XAttribute("HPOS", "0"), new XAttribute("VPOS", "0"),
            new XAttribute("WIDTH", I(page.Width)), new XAttribute("HEIGHT", I(page.Height)));

        for (int b = 0; b < page.Blocks.Count; b++)
        {
            var block = page.Blocks[b];
            var blockId = $"{pageId}_b{I(b + 1)}";
            var textBlock = new XElement(Namespace + "TextBlock", new XAttribute("ID", blockId), Position(block.Box));
            for (int l = 0; l < block.Lines.Count; l++)
            {
                var line = block.Lines[l];
                if (line.Words.Count == 0)
                {
                    continue;
                }
                var lineId = $"{blockId}_l{I(l + 1)}";
                var textLine = new XElement(Namespace + "TextLine", new XAttribute("ID", lineId), Position(line.Box));
                for (int w = 0; w < line.Words.Count; w++)
                {
                    var word = line.Words[w];
                    if (w > 0)
                    {
                        textLine.Add(Space(line.Words[w - 1].Box, word.Box, line.Box));
                    }
                    textLine.Add(new XElement(Namespace + "String",
                        new XAttribute("ID", $"{lineId}_w{I(w + 1)}"),
                        Position(word.Box),
                        new XAttribute("CONTENT", XmlOutput.Clean(word.Text)),
                        new XAttribute("WC", FormatWordConfidence(word.Confidence)),
                        word.Corrected ? new XAttribute("CS", "true") : null, // ALTO's correction status: a reviewer changed it
                        word.IsIllegible ? new XAttribute("TAGREFS", IllegibleTagId) : null));
                }
                textBlock.Add(textLine);
            }
            printSpace.Add(textBlock);
        }
        for (int r = 0; r < page.Regions.Count; r++)
        {
            var region = page.Regions[r];
            printSpace.Add(new XElement(Namespace + "Illustration",
                new XAttribute("ID", $"{pageId}_r{I(r + 1)}"),
                Position(region.Box),
                new XAttribute("TYPE", RegionKinds.Name(region.Kind))));
        }

        return new XElement(Namespace + "Page",
            new XAttribute("ID", pageId),
            new XAttribute("PROCESSINGREFS", processingId),
            new XAttribute("PHYSICAL_IMG_NR", I(page.Number)),
            new XAttribute("WIDTH", I(page.Width)),
            new XAttribute("HEIGHT", I(page.Height)),
            printSpace);
    }

    /// <summary>The gap between two words: from the previous word's right edge to the next word's left edge (0 when they touch or overlap).</summary>
    private static XElement Space(BoundingBox previous, BoundingBox next, BoundingBox line) =>
        new(Namespace + "SP",
            new XAttribute("HPOS", I(previous.Right)),
            new XAttribute("VPOS", I(line.Top)),
            new XAttribute("WIDTH", I(Math.Max(0, next.Left - previous.Right))));

    private static XAttribute[] Position(BoundingBox box) =>
    [
        new("HPOS", I(box.Left)),
        new("VPOS", I(box.Top)),
        new("WIDTH", I(box.Width)),
        new("HEIGHT", I(box.Height)),
    ];

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
