namespace IngestPipeline.Domain.Transcripts;

/// <summary>What a mark on the page that is not typed text most likely is.</summary>
public enum RegionKind
{
    /// <summary>Handwritten notes, signatures and initials: strokes far taller than the typing.</summary>
    Handwriting,

    /// <summary>A stamp or seal: a large, compact mark.</summary>
    Stamp,

    /// <summary>A flat mark across a line's width: a ruled or scored line, a fold.</summary>
    Rule,

    /// <summary>Marks far smaller than the typing: dirt, foxing, dots of bleed-through.</summary>
    Specks,

    /// <summary>A hole punched through the sheet: a solid, round, dark mark in the margin.</summary>
    PunchHole,

    /// <summary>The edge of the sheet, or the scanner's shadow or background beyond it.</summary>
    PageEdge,
}

/// <summary>
/// A mark on the page that is not typed text, left out of the transcript: its kind, its box, and what the
/// engine made of it (empty when it read nothing there), so a reviewer can still add a word the reader would want.
/// </summary>
public sealed record PageRegion(RegionKind Kind, BoundingBox Box, string Reading);

/// <summary>The names the kinds go by in JSON, ALTO and the review page ("handwriting", "punch-hole", ...).</summary>
public static class RegionKinds
{
    public static string Name(RegionKind kind) => kind switch
    {
        RegionKind.PunchHole => "punch-hole",
        RegionKind.PageEdge => "page-edge",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <exception cref="System.Text.Json.JsonException">The name is none of the kinds.</exception>
    public static RegionKind Parse(string name)
    {
        foreach (var kind in Enum.GetValues<RegionKind>())
        {
            if (Name(kind) == name) return kind;
        }
        throw new System.Text.Json.JsonException(
            $"'{name}' is not a kind of region (expected one of {string.Join(", ", Enum.GetValues<RegionKind>().Select(Name))}).");
    }
}
