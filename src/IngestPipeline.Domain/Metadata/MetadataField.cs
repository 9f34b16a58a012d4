namespace IngestPipeline.Domain.Metadata;

/// <summary>
/// One extracted value, how sure the rule that produced it is (0..1), and the text it was read from
/// (the line, or the lines joined by '\n') so a reviewer can check the value against the page.
/// </summary>
public sealed record MetadataField<T>(T Value, double Confidence, string Source);

/// <summary>An editorial gloss of a place name as printed: "Darien [Dalian]" -> (Darien, Dalian).</summary>
public sealed record PlaceGloss(string Place, string Gloss);
