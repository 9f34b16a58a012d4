using IngestPipeline.Infrastructure.State;

namespace IngestPipeline.Infrastructure.Search;

/// <summary>
/// A search across documents: words in their text (<see cref="SearchTerms"/>'s syntax) and their metadata. Every part
/// is optional; <paramref name="From"/> and <paramref name="To"/> bound the cable's date (yyyy-mm-dd, both included),
/// the names match any part of the field, in any case.
/// </summary>
public sealed record SearchQuery(
    string? Text = null, string? Collection = null, string? From = null, string? To = null,
    string? Sender = null, string? Recipient = null, string? Classification = null, int Skip = 0, int Take = 20)
{
    public const int MaxTake = 100;
}

/// <summary>A stretch of a snippet; <see cref="Hit"/> when it is a word the query asked for.</summary>
public sealed record SnippetPart(string Text, bool Hit);

/// <summary>One document found, with the part of its text that matched (empty when the query had no words).</summary>
public sealed record SearchHit(
    Guid DocumentId, string FileName, string? Collection, DocumentStage Stage, string? Dated, string? Sender,
    string? Recipients, string? Classification, string? Subject, IReadOnlyList<SnippetPart> Snippet);

/// <summary>A page of results: <see cref="Total"/> is every match, <see cref="Hits"/> those from Skip, best first.</summary>
public sealed record SearchResults(int Total, int Skip, int Take, IReadOnlyList<SearchHit> Hits);

/// <summary>Search across documents, by the database's own full-text index.</summary>
public interface IDocumentSearch
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellation = default);
}
