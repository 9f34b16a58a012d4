namespace IngestPipeline.Cli.Ingest;

[Flags]
public enum OutputFormats
{
    None = 0,
    Txt = 1,
    Json = 2,
    Hocr = 4,
    Alto = 8,
    Pdf = 16,
    Tei = 32,
    All = Txt | Json | Hocr | Alto | Pdf | Tei,
}

public static class OutputFormatParser
{
    /// <summary>Parses "txt,json,pdf" (or "all"); unknown names are an error that lists the known ones.</summary>
    public static OutputFormats Parse(string value)
    {
        var formats = OutputFormats.None;
        foreach (var part in value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<OutputFormats>(part, ignoreCase: true, out var format) || format == OutputFormats.None)
                throw new ArgumentException($"unknown output format '{part}'; known: txt, json, hocr, alto, tei, pdf, all");
            formats |= format;
        }
        return formats == OutputFormats.None ? OutputFormats.All : formats;
    }
}
