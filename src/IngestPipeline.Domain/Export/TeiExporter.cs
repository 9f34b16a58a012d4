using System.Xml.Linq;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Export;

/// <summary>
/// TEI P5: one <c>&lt;pb/&gt;</c> per page, one <c>&lt;p&gt;</c> per paragraph with <c>&lt;lb/&gt;</c> between
/// typed lines, <c>&lt;gap reason="illegible"/&gt;</c> wherever the transcript has [ILLEGIBLE], and
/// <c>&lt;unclear&gt;</c> around a reviewer's uncertain reading. Paragraphs and lines are those of the plain text
/// (<see cref="PageLayout"/>), so both outputs always agree.
/// </summary>
public static class TeiExporter
{
    public static readonly XNamespace Namespace = "http://www.tei-c.org/ns/1.0";

    public static string Write(Transcript transcript) => XmlOutput.ToUtf8String(Build(transcript));

    public static XDocument Build(Transcript transcript)
    {
        var body = new XElement(Namespace + "body");
        for (int p = 0; p < transcript.Pages.Count; p++)
        {
            body.Add(new XElement(Namespace + "pb", new XAttribute("n", p + 1)));
            var layout = PageLayout.Of(transcript.Pages[p]);
            XElement? paragraph = null;
            for (int l = 0; l < layout.Lines.Count; l++)
            {
                if (paragraph is null || layout.BreakBefore[l])
                {
                    paragraph = new XElement(Namespace + "p");
                    body.Add(paragraph);
                }
                else
                {
                    paragraph.Add(new XElement(Namespace + "lb"));
                }
                AddWords(paragraph, layout.Lines[l].Words);
            }
        }
        var header = new XElement(Namespace + "teiHeader",
            new XElement(Namespace + "fileDesc",
                new XElement(Namespace + "titleStmt", new XElement(Namespace + "title", XmlOutput.Clean(transcript.SourceName))),
                new XElement(Namespace + "publicationStmt", new XElement(Namespace + "p", $"Transcribed by {XmlOutput.SoftwareName}")),
                new XElement(Namespace + "sourceDesc", new XElement(Namespace + "p", $"Scan: {XmlOutput.Clean(transcript.SourceName)}"))));
        return new XDocument(new XElement(Namespace + "TEI", header, new XElement(Namespace + "text", body)));
    }

    /// <summary>The line's words: text runs, a gap for each marker, and consecutive uncertain words in one unclear.</summary>
    private static void AddWords(XElement paragraph, IReadOnlyList<Word> words)
    {
        XElement? unclear = null;
        for (int w = 0; w < words.Count; w++)
        {
            var word = words[w];
            var space = w > 0 ? " " : "";
            if (word.Text == Word.IllegibleMarker)
            {
                if (space.Length > 0) paragraph.Add(new XText(space));
                paragraph.Add(new XElement(Namespace + "gap", new XAttribute("reason", "illegible")));
                unclear = null;
            }
            else if (word.Uncertain)
            {
                if (unclear is null)
                {
                    if (space.Length > 0) paragraph.Add(new XText(space));
                    unclear = new XElement(Namespace + "unclear", XmlOutput.Clean(word.Text));
                    paragraph.Add(unclear);
                }
                else
                {
                    unclear.Add(new XText(" " + XmlOutput.Clean(word.Text)));
                }
            }
            else
            {
                paragraph.Add(new XText(space + XmlOutput.Clean(word.Text)));
                unclear = null;
            }
        }
    }
}
