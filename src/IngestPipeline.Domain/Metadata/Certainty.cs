namespace IngestPipeline.Domain.Metadata;

/// <summary>
/// The confidence levels the rules hand out. They rank how much was changed to make the text fit the
/// pattern, so a reviewer can sort by them; they are not calibrated probabilities. A value repaired in
/// two ways takes the lower level.
/// </summary>
internal static class Certainty
{
    /// <summary>The line matches the typed pattern as it stands.</summary>
    public const double Exact = 0.95;

    /// <summary>Stray punctuation around the value was dropped, or the layout was not the usual one.</summary>
    public const double Cleaned = 0.85;

    /// <summary>A known OCR confusion was undone ('l' or 'I' for '1', 'O' for '0', '5' for 'S').</summary>
    public const double Repaired = 0.8;

    /// <summary>Part of the value comes from elsewhere (a received date's year from the dated line).</summary>
    public const double Inferred = 0.75;

    /// <summary>A word matched its vocabulary term within one edit, and no other term came close.</summary>
    public const double OneEdit = 0.7;

    /// <summary>Two edits, or a rule that only holds most of the time.</summary>
    public const double Weak = 0.6;

    public static double ForEdits(int edits) => edits switch { 0 => Exact, 1 => OneEdit, _ => Weak };
}
