using IngestPipeline.Domain.Metadata;

namespace IngestPipeline.Domain.Review;

/// <summary>
/// The metadata fields a reviewer edits, as plain text. Recipients are one text, separated by semicolons.
/// </summary>
public sealed record ReviewedMetadata(string? Title, string? Date, string? From, string? To, string? Classification, string? Type)
{
    /// <summary>Who set a field by hand: published as its source, with full confidence.</summary>
    public const string ReviewerSource = "reviewer";

    public static ReviewedMetadata Of(CableMetadata? metadata) => new(
        metadata?.Title?.Value, metadata?.Date?.Value, metadata?.Sender?.Value,
        metadata?.Recipients is { } to ? string.Join("; ", to.Value) : null,
        metadata?.Classification?.Value, metadata?.DocumentType?.Value);

    /// <summary>The metadata with every field the reviewer changed replaced; an emptied field is removed.</summary>
    public CableMetadata ApplyTo(CableMetadata? metadata)
    {
        var current = Of(metadata);
        var result = metadata ?? new CableMetadata();
        if (Changed(current.Title, Title)) result = result with { Title = Field(Title) };
        if (Changed(current.Date, Date)) result = result with { Date = Field(Date) };
        if (Changed(current.From, From)) result = result with { Sender = Field(From) };
        if (Changed(current.Classification, Classification)) result = result with { Classification = Field(Classification) };
        if (Changed(current.Type, Type)) result = result with { DocumentType = Field(Type) };
        if (Changed(current.To, To))
        {
            var names = (To ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            result = result with { Recipients = names.Length == 0 ? null : new MetadataField<IReadOnlyList<string>>(names, 1, ReviewerSource) };
        }
        return result;
    }

    private static bool Changed(string? before, string? after) => (before ?? "").Trim() != (after ?? "").Trim();

    private static MetadataField<string>? Field(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new MetadataField<string>(value.Trim(), 1, ReviewerSource);
}
