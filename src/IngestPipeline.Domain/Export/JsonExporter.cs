using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using IngestPipeline.Domain.Metadata;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Export;

/// <summary>
/// The transcript as indented camelCase JSON, and back. The file format is a set of explicit data records mapped
/// to and from the model, serialised with source-generated metadata, so computed members of the model
/// (<see cref="Line.Text"/>, <see cref="Page.Words"/>, <see cref="BoundingBox.Width"/> ...) never leak into the file and
/// renaming a model member cannot silently change the format. Non-ASCII text (Attaché) is written as is;
/// HTML-sensitive characters are escaped. Line ends are '\n'.
/// </summary>
/// <example>
/// { "sourceName": "cable.pdf", "pages": [ { "number": 1, "width": 2480, "height": 3508, "dpi": 300,
///   "processing": { "rotationDegrees": 0, "skewDegrees": 0.4, "steps": [ "deskew" ] },
///   "blocks": [ { "box": { "left": 1, "top": 2, "right": 3, "bottom": 4 },
///     "lines": [ { "box": { ... }, "words": [ { "text": "STOP", "box": { ... }, "confidence": 93.5 } ] } ] } ] } ] }
/// </example>
public static class JsonExporter
{
    private static readonly TranscriptJsonContext Context = new(new JsonSerializerOptions(TranscriptJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });

    public static string Write(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        return JsonSerializer.Serialize(ToDto(transcript), Context.TranscriptDto) + "\n";
    }

    public static void Write(Transcript transcript, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Write(transcript));
    }

    /// <summary>The document's metadata alone (<c>{ "sourceName", "metadata" }</c>), for publication beside the text.</summary>
    public static string WriteMetadata(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        return JsonSerializer.Serialize(new MetadataDocumentDto(transcript.SourceName, transcript.Metadata), Context.MetadataDocumentDto) + "\n";
    }

    /// <summary>Reads what <see cref="Write(Transcript)"/> wrote.</summary>
    /// <exception cref="JsonException">The text is not JSON of this shape (including missing or null members).</exception>
    public static Transcript Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var dto = JsonSerializer.Deserialize(json, Context.TranscriptDto)
            ?? throw new JsonException("The JSON holds null instead of a transcript.");
        return FromDto(dto);
    }

    private static TranscriptDto ToDto(Transcript t) => new(
        t.SourceName,
        Metadata: t.Metadata,
        IllegibilityModel: t.IllegibilityModel,
        Pages: t.Pages.Select(p => new PageDto(
            p.Number, p.Width, p.Height, p.Dpi,
            new ProcessingDto(p.Processing.RotationDegrees, p.Processing.SkewDegrees, [.. p.Processing.Steps]),
            p.Blocks.Select(b => new BlockDto(
                ToDto(b.Box),
                b.Lines.Select(l => new LineDto(
                    ToDto(l.Box),
                    l.Words.Select(ToDto).ToList())).ToList())).ToList(),
            p.DarkRegions.Select(r => new DarkRegionDto(ToDto(r.Box), r.Rows.Select(ToDto).ToList(), r.Solidity, r.Stain ? true : null)).ToList(),
            p.TextGaps.Count == 0 ? null : p.TextGaps.Select(g => new TextGapDto(ToDto(g.Box), g.Reread.Select(ToDto).ToList(), ToDto(g.Ink), g.Source == GapSource.Layout ? null : g.Source.ToString())).ToList(),
            p.Regions.Count == 0 ? null : p.Regions.Select(r => new RegionDto(RegionKinds.Name(r.Kind), ToDto(r.Box), r.Reading)).ToList())).ToList());

    private static WordDto ToDto(Word w) => new(w.Text, ToDto(w.Box), w.Confidence, w.IllegibleGuess, w.Corrected, w.Uncertain,
        ToDto(w.Ink), w.Reread is { } r ? new ReadingDto(r.Text, MathF.Round(r.Confidence, 1)) : null,
        w.Readings?.Select(e => new EngineReadingDto(e.Engine, e.Text, MathF.Round(e.Confidence, 1))).ToList(), w.IllegibleProbability);

    private static InkDto? ToDto(InkMeasure? ink) => ink is null ? null : new(MathF.Round(ink.Contrast, 1), MathF.Round(ink.Coverage, 3));

    /// <summary>A stretch written before stretches had sources was proposed by the layout rules.</summary>
    private static GapSource ParseSource(string? source) =>
        source is null ? GapSource.Layout
            : Enum.TryParse<GapSource>(source, ignoreCase: true, out var parsed) ? parsed : throw new JsonException($"unknown text gap source '{source}'");

    private static InkMeasure? FromDto(InkDto? ink) => ink is null ? null : new(ink.Contrast, ink.Coverage);

    private static Word FromDto(WordDto w) =>
        new(w.Text, FromDto(w.Box), w.Confidence)
        {
            IllegibleGuess = w.IllegibleGuess, Corrected = w.Corrected, Uncertain = w.Uncertain,
            Ink = FromDto(w.Ink),
            Reread = w.Reread is { } r ? new Reading(r.Text, r.Confidence) : null,
            Readings = w.Readings?.Select(e => new EngineReading(e.Engine, e.Text, e.Confidence)).ToList(),
            IllegibleProbability = w.IllegibleProbability,
        };

    private static BoxDto ToDto(BoundingBox b) => new(b.Left, b.Top, b.Right, b.Bottom);

    private static Transcript FromDto(TranscriptDto t) => new Transcript(
        t.SourceName,
        t.Pages.Select(p => new Page(
            p.Number, p.Width, p.Height, p.Dpi,
            p.Blocks.Select(b => new Block(
                FromDto(b.Box),
                b.Lines.Select(l => new Line(
                    FromDto(l.Box),
                    l.Words.Select(FromDto).ToList())).ToList())).ToList(),
            new PageProcessing(p.Processing.RotationDegrees, p.Processing.SkewDegrees, p.Processing.Steps.ToList()))
        {
            DarkRegions = p.DarkRegions?.Select(r => new DarkRegion(FromDto(r.Box), r.Rows.Select(FromDto).ToList()) { Solidity = r.Solidity ?? 1, Stain = r.Stain ?? false }).ToList() ?? [],
            TextGaps = p.TextGaps?.Select(g => new TextGap(FromDto(g.Box), g.Reread.Select(FromDto).ToList()) { Ink = FromDto(g.Ink), Source = ParseSource(g.Source) }).ToList() ?? [],
            Regions = p.Regions?.Select(r => new PageRegion(RegionKinds.Parse(r.Kind), FromDto(r.Box), r.Reading)).ToList() ?? [],
        }).ToList())
    {
        Metadata = t.Metadata,
        IllegibilityModel = t.IllegibilityModel,
    };

    private static BoundingBox FromDto(BoxDto b) => new(b.Left, b.Top, b.Right, b.Bottom);
}

internal sealed record TranscriptDto(
    string SourceName,
    List<PageDto> Pages,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CableMetadata? Metadata = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IllegibilityModel = null);

internal sealed record MetadataDocumentDto(string SourceName, CableMetadata? Metadata);

internal sealed record PageDto(int Number, int Width, int Height, int Dpi, ProcessingDto Processing, List<BlockDto> Blocks,
    List<DarkRegionDto>? DarkRegions = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<TextGapDto>? TextGaps = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<RegionDto>? Regions = null);

internal sealed record RegionDto(string Kind, BoxDto Box, string Reading);

/// <param name="Solidity">Absent in transcripts written before it was measured: read as solid.</param>
/// <param name="Stain">Present (true) for a water stain only.</param>
internal sealed record DarkRegionDto(BoxDto Box, List<BoxDto> Rows, double? Solidity = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Stain = null);

internal sealed record TextGapDto(BoxDto Box, List<WordDto> Reread,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InkDto? Ink = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source = null);

internal sealed record ProcessingDto(int RotationDegrees, float SkewDegrees, List<string> Steps);

internal sealed record BlockDto(BoxDto Box, List<LineDto> Lines);

internal sealed record LineDto(BoxDto Box, List<WordDto> Words);

/// <summary>
/// A word; <c>illegibleGuess</c> appears only on [ILLEGIBLE] markers (what the engine read there), <c>corrected</c> and
/// <c>uncertain</c> only when a reviewer changed the word or marked the reading as uncertain, <c>readings</c> only where
/// two recognisers read the page (each one's text and confidence; <c>text</c> is the one chosen).
/// </summary>
internal sealed record WordDto(
    string Text,
    BoxDto Box,
    float Confidence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IllegibleGuess = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Corrected = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Uncertain = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InkDto? Ink = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReadingDto? Reread = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<EngineReadingDto>? Readings = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] float? IllegibleProbability = null);

internal sealed record EngineReadingDto(string Engine, string Text, float Confidence);

internal sealed record InkDto(float Contrast, float Coverage);

internal sealed record ReadingDto(string Text, float Confidence);

internal sealed record BoxDto(int Left, int Top, int Right, int Bottom);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NewLine = "\n",
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(TranscriptDto))]
[JsonSerializable(typeof(MetadataDocumentDto))]
internal sealed partial class TranscriptJsonContext : JsonSerializerContext;
