using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace IngestPipeline.Domain.Export;

/// <summary>Shared plumbing for the XML exporters: writer settings, UTF-8 strings, and text that XML 1.0 can carry.</summary>
internal static class XmlOutput
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        OmitXmlDeclaration = false,
        CheckCharacters = true,
    };

    /// <summary>Serialises the document; the XML declaration says UTF-8, as the string is meant to be saved as UTF-8.</summary>
    public static string ToUtf8String(XDocument document)
    {
        using var writer = new Utf8StringWriter();
        Save(document, writer);
        return writer.ToString();
    }

    /// <summary>Serialises the document to the writer (the declaration names the writer's encoding), ending with a newline.</summary>
    public static void Save(XDocument document, TextWriter writer)
    {
        using (var xml = XmlWriter.Create(writer, Settings))
        {
            document.Save(xml);
        }
        writer.Write('\n');
    }

    /// <summary>
    /// Text as XML 1.0 allows it: characters XML cannot represent at all (most C0 controls, lone surrogates,
    /// U+FFFE/U+FFFF) become U+FFFD, so a stray byte from the engine cannot make the whole export fail.
    /// Escaping of &lt; &amp; " and the like is left to the XML writer.
    /// </summary>
    public static string Clean(string text)
    {
        StringBuilder? cleaned = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                cleaned?.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                cleaned?.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                cleaned ??= new StringBuilder(text, 0, i, text.Length);
                cleaned.Append('\uFFFD');
            }
        }
        return cleaned?.ToString() ?? text;
    }

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Name and version for ocr-system / processingSoftware.</summary>
    public static string SoftwareName => "IngestPipeline";

    public static string SoftwareVersion =>
        typeof(XmlOutput).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    }
}
