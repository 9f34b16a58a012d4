using System.IO.Compression;
using System.Text;

namespace IngestPipeline.Publishing;

/// <summary>
/// Builds a page content stream: operands followed by their operator, one operator per line.
/// Kept in bytes rather than a string because WinAnsi text must reach the file byte for byte.
/// </summary>
internal sealed class PdfContentBuilder
{
    private readonly MemoryStream _content = new();

    public PdfContentBuilder Number(double value) => Token(PdfObjectWriter.Number(value));

    public PdfContentBuilder Name(string name) => Token("/" + name);

    /// <summary>A string literal; only the three characters with meaning inside one are escaped.</summary>
    public PdfContentBuilder Literal(ReadOnlySpan<byte> text)
    {
        _content.WriteByte((byte)'(');
        foreach (var b in text)
        {
            if (b is (byte)'(' or (byte)')' or (byte)'\\')
                _content.WriteByte((byte)'\\');
            _content.WriteByte(b);
        }
        _content.WriteByte((byte)')');
        _content.WriteByte((byte)' ');
        return this;
    }

    public PdfContentBuilder Operator(string op)
    {
        Write(op);
        _content.WriteByte((byte)'\n');
        return this;
    }

    /// <summary>The content zlib-compressed, which is exactly what PDF's FlateDecode expects.</summary>
    public byte[] ToFlateEncoded()
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            _content.WriteTo(zlib);
        return compressed.ToArray();
    }

    private PdfContentBuilder Token(string token)
    {
        Write(token);
        _content.WriteByte((byte)' ');
        return this;
    }

    private void Write(string ascii) => _content.Write(Encoding.ASCII.GetBytes(ascii));
}
