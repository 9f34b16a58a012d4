using System.Text.Json;

namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// The reading of one PDF in a process of its own (<c>ingestpipeline-scanreader</c>), under the memory bound its parent
/// sets (<see cref="PdfReaderProcess"/>). Arguments: the PDF's path, a folder for the pages, the name for messages and
/// the limits (JSON). It answers one JSON line on standard output at start (<c>pages</c>, or <c>error</c>) and one for
/// each request line on standard input: <c>pixels N</c> (<c>pixels</c>) and <c>extract N</c> (<c>file</c> and
/// <c>dpi</c>, or <c>error</c>); a request it cannot meet within the memory it is given answers <c>memory</c> and ends
/// the process.
/// </summary>
public static class PdfReaderChild
{
    public static int Run(string[] args, Stream input, Stream output)
    {
        if (args.Length != 4)
        {
            Console.Error.WriteLine("usage: ingestpipeline-scanreader PDF PAGE-FOLDER NAME LIMITS-JSON");
            return 2;
        }
        var (path, folder, name) = (args[0], args[1], args[2]);
        var limits = JsonSerializer.Deserialize<ScanLimits>(args[3]) ?? ScanLimits.Default;
        using var reader = new StreamReader(input);
        using var writer = new StreamWriter(output) { AutoFlush = true };
        void Answer(object reply) => writer.WriteLine(JsonSerializer.Serialize(reply));

        PdfScan scan;
        try
        {
            scan = new PdfScan(name, File.ReadAllBytes(path), limits);
        }
        catch (UnreadableScanException e)
        {
            Answer(new { error = e.Problem });
            return 0;
        }
        catch (OutOfMemoryException)
        {
            Answer(new { memory = true });
            return 3;
        }
        using (scan)
        {
            Answer(new { pages = scan.PageCount });
            while (reader.ReadLine() is { } request)
            {
                var parts = request.Split(' ');
                if (parts.Length != 2 || parts[0] is not ("pixels" or "extract") || !int.TryParse(parts[1], out int index) || index < 0 || index >= scan.PageCount)
                {
                    Answer(new { error = $"the reader was asked something it does not answer: {request}" });
                    continue;
                }
                try
                {
                    if (parts[0] == "pixels")
                    {
                        Answer(new { pixels = scan.PagePixels(index) });
                        continue;
                    }
                    var source = scan.ExtractPage(index);
                    var file = Path.Combine(folder, $"page-{index + 1:D4}.{source.Extension}");
                    File.WriteAllBytes(file, source.Encoded);
                    Answer(new { file, dpi = source.Dpi });
                }
                catch (UnreadableScanException e)
                {
                    Answer(new { error = e.Problem });
                }
                catch (OutOfMemoryException)
                {
                    Answer(new { memory = true });
                    return 3;
                }
                catch (StreamBudgetExceededException e)
                {
                    Answer(new { error = $"page {index + 1}: {e.Message}" });
                }
                catch (Exception e)
                {
                    Answer(new { error = $"page {index + 1} cannot be read ({e.Message.TrimEnd('.')}); the file may be truncated or corrupt" });
                }
            }
        }
        return 0;
    }
}
