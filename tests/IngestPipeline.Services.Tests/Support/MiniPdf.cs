using System.Text;

namespace IngestPipeline.Services.Tests.Support;

/// <summary>
/// Writes small PDFs object by object, for inputs no tool here makes: a page 200 inches wide, thousands of
/// blank pages, a JBIG2 image, JavaScript and a form. Offsets and the cross-reference table are exact.
/// </summary>
internal sealed class MiniPdf
{
    private readonly List<byte[]> _objects = [];

    /// <summary>Adds an object (its body, without "N 0 obj") and returns its number.</summary>
    public int Add(string body, byte[]? stream = null)
    {
        var bytes = new List<byte>(Encoding.Latin1.GetBytes(body));
        if (stream is not null)
        {
            bytes.AddRange(Encoding.Latin1.GetBytes($"\nstream\n"));
            bytes.AddRange(stream);
            bytes.AddRange(Encoding.Latin1.GetBytes("\nendstream"));
        }
        _objects.Add([.. bytes]);
        return _objects.Count;
    }

    /// <summary>Reserves a number for an object written later (pages refer to their parent before it exists).</summary>
    public int Reserve() => Add("null");

    public void Set(int number, string body) => _objects[number - 1] = Encoding.Latin1.GetBytes(body);

    public void Write(string path, int catalog)
    {
        using var file = File.Create(path);
        void Put(string text) => file.Write(Encoding.Latin1.GetBytes(text));
        Put("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        var offsets = new List<long>();
        for (int i = 0; i < _objects.Count; i++)
        {
            offsets.Add(file.Position);
            Put($"{i + 1} 0 obj\n");
            file.Write(_objects[i]);
            Put("\nendobj\n");
        }
        long xref = file.Position;
        Put($"xref\n0 {_objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Put($"{offset:D10} 00000 n \n");
        Put($"trailer\n<< /Size {_objects.Count + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
    }

    /// <summary>
    /// Pages of the given sizes, each drawing its image over the sheet, or, without one, showing <paramref name="blankContent"/>
    /// (empty unless given, under <paramref name="contentFilters"/>).
    /// </summary>
    public static void Pages(string path, IEnumerable<(double Width, double Height, string? ImageDictionary, byte[]? ImageData)> pages, string catalogExtras = "",
        string contentFilters = "", byte[]? blankContent = null)
    {
        var pdf = new MiniPdf();
        int parent = pdf.Reserve();
        var kids = new List<int>();
        int? blank = null;
        foreach (var (width, height, dictionary, data) in pages)
        {
            if (dictionary is null)
            {
                blank ??= pdf.Add($"<< /Length {blankContent?.Length ?? 0} {contentFilters} >>", blankContent ?? []);
                kids.Add(pdf.Add($"<< /Type /Page /Parent {parent} 0 R /MediaBox [0 0 {width} {height}] /Contents {blank} 0 R >>"));
                continue;
            }
            int image = pdf.Add($"<< /Type /XObject /Subtype /Image {dictionary} /Length {data!.Length} >>", data);
            var draw = Encoding.Latin1.GetBytes($"q {width} 0 0 {height} 0 0 cm /Im0 Do Q");
            int content = pdf.Add($"<< /Length {draw.Length} >>", draw);
            kids.Add(pdf.Add($"<< /Type /Page /Parent {parent} 0 R /MediaBox [0 0 {width} {height}] /Resources << /XObject << /Im0 {image} 0 R >> >> /Contents {content} 0 R >>"));
        }
        pdf.Set(parent, $"<< /Type /Pages /Kids [{string.Join(" ", kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>");
        int catalog = pdf.Add($"<< /Type /Catalog /Pages {parent} 0 R {catalogExtras} >>");
        pdf.Write(path, catalog);
    }
}
