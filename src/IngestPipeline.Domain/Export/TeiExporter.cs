using System.Xml.Linq;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Export;

/// <summary>
/// TEI P5: one <c>&lt;pb/&gt;</c> per page, one <c>&lt;p&gt;</c> per paragraph with <c>&lt;lb/&gt;</c> between
/// typed lines, and <c>&lt;gap reason="illegible"/&gt;</c> wherever the transcript has [ILLEGIBLE].
/// Paragraphs and lines are those of the plain text, so both outputs always agree.
/// </summary>
public static class TeiExporter
{
    public static readonly XNamespace Namespace = "http://www.tei-c.org/ns/1.0";

    public static string Write(Transcript transcript) => XmlOutput.ToUtf8String(Build(transcript));

    public static XDocument Build(Transcript transcript)
    {
        var body = new XElement(Namespace + "body");
        var pages = PlainTextExporter.Write(transcript).TrimEnd('\n').Split('\f');
        for (int p = 0; p < pages.Length; p++)
        {
            body.Add(new XElement(Namespace + "pb", new XAttribute("n", p + 1)));
            foreach (var paragraph in pages[p].Trim('\n').Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
                body.Add(Paragraph(paragraph.Split('\n')));
        }
        var header = new XElement(Namespace + "teiHeader",
            new XElement(Namespace + "fileDesc",
                new XElement(Namespace + "titleStmt", new XElement(Namespace + "title", XmlOutput.Clean(transcript.SourceName))),
                new XElement(Namespace + "publicationStmt", new XElement(Namespace + "p", $"Transcribed by {XmlOutput.SoftwareName}")),
                new XElement(Namespace + "sourceDesc", new XElement(Namespace + "p", $"Scan: {XmlOutput.Clean(transcript.SourceName)}"))));
        return new XDocument(new XElement(Namespace + "TEI", header, new XElement(Namespace + "text", body)));
    }

    private static XElement Paragraph(IReadOnlyList<string> lines)
    {
        var p = new XElement(Namespace + "p");
        for (int i = 0; i < lines.Count; i++)
        {
            if (i > 0) p.Add(new XElement(Namespace + "lb"));
            var parts = lines[i].Split(Word.IllegibleMarker);
            for (int j = 0; j < parts.Length; j++)
            {
                if (j > 0) p.Add(new XElement(Namespace + "gap", new XAttribute("reason", "illegible")));
                if (parts[j].Length > 0) p.Add(new XText(XmlOutput.Clean(parts[j])));
            }
        }
        return p;
    }
}
