namespace IngestPipeline.Domain.Metadata;

/// <summary>
/// What a list of cables shows of each and what a search filters by: its date, its sender, its addressees, its
/// classification and what it is about, from its metadata (extracted or reviewed) and its text.
/// </summary>
/// <param name="Recipients">The addressees, joined by "; ".</param>
public sealed record CableSummary(string? Dated, string? Sender, string? Recipients, string? Classification, string? Subject)
{
    /// <summary>How long a subject made of the body's opening words may be.</summary>
    public const int SubjectLength = 120;

    /// <param name="text">The document's text, one typed line per line (what the metadata is extracted from).</param>
    public static CableSummary Of(CableMetadata? metadata, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var recipients = metadata?.Recipients?.Value is { Count: > 0 } names ? string.Join("; ", names) : null;
        return new CableSummary(metadata?.Date?.Value, metadata?.Sender?.Value, recipients, metadata?.Classification?.Value,
            metadata?.Title?.Value ?? Opening(text));
    }

    /// <summary>
    /// The body's first words, up to <see cref="SubjectLength"/> characters at a word's end: where the cable's own
    /// layout says the body starts, else after its header lines.
    /// </summary>
    private static string? Opening(string text)
    {
        var layout = CableLayout.Of(text);
        int start = layout.BodyStart >= 0 ? layout.BodyStart : layout.Header.Count > 0 ? layout.Header[^1] + 1 : 0;
        var words = layout.Lines.Skip(start).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var opening = new System.Text.StringBuilder();
        foreach (var word in words)
        {
            if (opening.Length + word.Length + 1 > SubjectLength) return opening.Append(" …").ToString();
            if (opening.Length > 0) opening.Append(' ');
            opening.Append(word);
        }
        return opening.Length == 0 ? null : opening.ToString();
    }
}
