using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IngestPipeline.Publishing;

/// <summary>
/// The file-level syntax of a PDF: header, numbered objects, the cross-reference table and the trailer.
/// Object numbers can be reserved before their object is written, so an object that is only complete at the
/// end (the page tree) can be referred to from the start while everything else is streamed out in between.
/// </summary>
internal sealed class PdfObjectWriter
{
    private readonly Stream _output;
    // Byte offset of each object, indexed by object number - 1; -1 while it is reserved but not yet written.
    private readonly List<long> _offsets = [];
    // The file identifier is derived from the content so that the same input gives a byte-identical file.
    private readonly IncrementalHash _contentHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    // Counted here instead of asking the stream, so the output may be a non-seekable stream (a pipe, a response body).
    private long _position;

    public PdfObjectWriter(Stream output) => _output = output;

    public void WriteHeader()
    {
        WriteAscii("%PDF-1.4\n");
        // A comment of bytes above 127 right after the header tells transfer tools the file is binary.
        WriteBytes([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
    }

    public int ReserveObjectNumber()
    {
        _offsets.Add(-1);
        return _offsets.Count;
    }

    /// <param name="body">A complete PDF value, usually a dictionary "&lt;&lt; ... &gt;&gt;".</param>
    public void WriteObject(int number, string body)
    {
        BeginObject(number);
        WriteAscii(body);
        WriteAscii("\nendobj\n");
    }

    /// <param name="dictionaryEntries">The stream dictionary's entries other than /Length, which is added here.</param>
    public void WriteStreamObject(int number, string dictionaryEntries, ReadOnlySpan<byte> data)
    {
        BeginObject(number);
        WriteAscii(Invariant($"<< {dictionaryEntries} /Length {data.Length} >>\nstream\n"));
        WriteBytes(data);
        WriteAscii("\nendstream\nendobj\n");
    }

    public void WriteTrailer(int catalog, int info)
    {
        var missing = _offsets.IndexOf(-1);
        if (missing >= 0)
            throw new InvalidOperationException($"Object {missing + 1} was reserved but never written.");

        var id = Convert.ToHexString(_contentHash.GetCurrentHash(), 0, 16);
        var xrefOffset = _position;
        var xref = new StringBuilder();
        xref.Append(Invariant($"xref\n0 {_offsets.Count + 1}\n"));
        // Every entry is exactly 20 bytes, line end included: readers find entry n by arithmetic, not by parsing.
        xref.Append("0000000000 65535 f\r\n");
        foreach (var offset in _offsets)
            xref.Append(Invariant($"{offset:D10} 00000 n\r\n"));
        xref.Append(Invariant($"trailer\n<< /Size {_offsets.Count + 1} /Root {catalog} 0 R /Info {info} 0 R /ID [<{id}> <{id}>] >>\n"));
        xref.Append(Invariant($"startxref\n{xrefOffset}\n%%EOF\n"));
        WriteAscii(xref.ToString());
        _output.Flush();
    }

    /// <summary>A real number as PDF wants it: invariant, never in exponent notation, never "-0".</summary>
    public static string Number(double value)
    {
        var rounded = Math.Round(value, 3);
        return rounded == 0 ? "0" : rounded.ToString("0.###", CultureInfo.InvariantCulture);
    }

    /// <summary>A date string, always in UTC so it does not depend on the machine's time zone.</summary>
    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("'(D:'yyyyMMddHHmmss'Z)'", CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private void BeginObject(int number)
    {
        if (number < 1 || number > _offsets.Count || _offsets[number - 1] >= 0)
            throw new InvalidOperationException($"Object {number} is not reserved or was already written.");
        _offsets[number - 1] = _position;
        WriteAscii(Invariant($"{number} 0 obj\n"));
    }

    private void WriteAscii(string text) => WriteBytes(Encoding.ASCII.GetBytes(text));

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        _contentHash.AppendData(bytes);
        _position += bytes.Length;
    }
}
