using System.Text.Json;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Intake;

namespace IngestPipeline.Web.Api;

/// <summary>The published outputs of a version as downloads: formats, content types and the names they are saved under.</summary>
public static class Downloads
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["txt"] = "text/plain; charset=utf-8",
        ["alto"] = "application/xml",
        ["tei"] = "application/xml",
        ["json"] = "application/json",
        ["metadata"] = "application/json",
        ["pdf"] = "application/pdf",
    };

    public static IReadOnlyDictionary<string, string> Formats(Publication publication) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(publication.BlobsJson) ?? [];

    /// <summary>"cable-12.tiff" version 3, "transcript.alto.xml" gives "cable-12.v3.alto.xml".</summary>
    public static string FileName(string uploadName, int version, string blob)
    {
        var stem = Path.GetFileNameWithoutExtension(DocumentRegistrar.DisplayName(uploadName));
        var output = blob[(blob.LastIndexOf('/') + 1)..];
        var suffix = output.StartsWith("transcript", StringComparison.Ordinal) ? output["transcript".Length..] : "." + output;
        return $"{(stem.Length == 0 ? "document" : stem)}.v{version}{suffix}";
    }
}
