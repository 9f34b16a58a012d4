using IngestPipeline.Infrastructure.State;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Infrastructure.Search;

/// <summary>
/// What both databases' searches share: the metadata filters, the order and the paging, in LINQ. A provider says how
/// its full-text index finds and ranks documents (<see cref="Matches"/>) and cuts a snippet (<see cref="Snippets"/>);
/// snippets are cut for one page of results only, since cutting one is the costly part.
/// </summary>
public abstract class DocumentSearch(PipelineDbContext db) : IDocumentSearch
{
    /// <summary>Marks a snippet's matched words: characters of Unicode's private use area, never in a transcript.</summary>
    protected const string HitStart = "\uE000", HitEnd = "\uE001";

    /// <summary>A document the index matched, and its rank (lower is better).</summary>
    protected sealed record TextMatch(Guid DocumentId, double Rank);

    protected sealed record SnippetRow(Guid DocumentId, string? Snippet);

    protected PipelineDbContext Db { get; } = db;

    protected abstract IQueryable<TextMatch> Matches(SearchTerms terms, string query);

    /// <summary>The snippets of the documents <paramref name="ids"/> (one page of results): cut for those only.</summary>
    protected abstract IQueryable<SnippetRow> Snippets(SearchTerms terms, string query, IReadOnlyList<Guid> ids);

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        int skip = Math.Max(0, query.Skip), take = Math.Clamp(query.Take, 1, SearchQuery.MaxTake);
        var documents = Filtered(query);
        var terms = SearchTerms.Parse(query.Text);
        if (terms.IsEmpty)
        {
            var total = await documents.CountAsync(cancellation);
            var listed = await documents.OrderBy(d => d.Dated == null).ThenBy(d => d.Dated).ThenBy(d => d.FileName).ThenBy(d => d.Id)
                .Skip(skip).Take(take).Select(Columns).ToListAsync(cancellation);
            return new SearchResults(total, skip, take, listed.Select(h => h with { Snippet = [] }).ToList());
        }

        // The ranking sorts ids and ranks alone (a sort carrying every column of every match would cost far more);
        // the page's documents and snippets are read afterwards, for the page only.
        var text = query.Text!;
        var found = from m in Matches(terms, text) join d in documents on m.DocumentId equals d.Id select new { d.Id, m.Rank };
        var count = await found.CountAsync(cancellation);
        var ids = await found.OrderBy(x => x.Rank).ThenBy(x => x.Id).Skip(skip).Take(take).Select(x => x.Id).ToListAsync(cancellation);
        var hits = await Db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(Columns).ToDictionaryAsync(h => h.DocumentId, cancellation);
        var snippets = await Snippets(terms, text, ids).ToDictionaryAsync(s => s.DocumentId, s => s.Snippet, cancellation);
        return new SearchResults(count, skip, take, ids.Select(id => hits[id] with { Snippet = Parts(snippets.GetValueOrDefault(id)) }).ToList());
    }

    /// <summary>What a hit shows of its document (not its transcript or text, which can be large).</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Document, SearchHit>> Columns = d =>
        new SearchHit(d.Id, d.FileName, d.Collection, d.Stage, d.Dated, d.Sender, d.Recipients, d.Classification, d.Subject, Array.Empty<SnippetPart>());

    private IQueryable<Document> Filtered(SearchQuery query)
    {
        var documents = Db.Documents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Collection)) documents = documents.Where(d => d.Collection == query.Collection);
        if (!string.IsNullOrWhiteSpace(query.From)) documents = documents.Where(d => d.Dated != null && string.Compare(d.Dated, query.From) >= 0);
        // "To" includes its whole day: a date of that day, or a shorter one it begins with (a month, a year), is before
        // any text that starts with it and a character past the last digit.
        if (!string.IsNullOrWhiteSpace(query.To)) documents = documents.Where(d => d.Dated != null && string.Compare(d.Dated, query.To + "~") < 0);
        if (Part(query.Sender) is { } sender) documents = documents.Where(d => d.Sender != null && d.Sender.ToUpper().Contains(sender));
        if (Part(query.Recipient) is { } recipient) documents = documents.Where(d => d.Recipients != null && d.Recipients.ToUpper().Contains(recipient));
        if (Part(query.Classification) is { } classification) documents = documents.Where(d => d.Classification != null && d.Classification.ToUpper().Contains(classification));
        return documents;
    }

    private static string? Part(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToUpperInvariant();

    /// <summary>A snippet as the database marked it, cut at its marks; line breaks become spaces (a snippet is one line).</summary>
    internal static IReadOnlyList<SnippetPart> Parts(string? snippet)
    {
        if (string.IsNullOrEmpty(snippet)) return [];
        var parts = new List<SnippetPart>();
        int at = 0;
        while (at < snippet.Length)
        {
            int start = snippet.IndexOf(HitStart, at, StringComparison.Ordinal);
            if (start < 0) { Add(snippet[at..], false); break; }
            Add(snippet[at..start], false);
            int end = snippet.IndexOf(HitEnd, start, StringComparison.Ordinal);
            if (end < 0) end = snippet.Length;
            Add(snippet[(start + 1)..end], true);
            at = end + 1;
        }
        return parts;

        void Add(string text, bool hit)
        {
            text = text.ReplaceLineEndings(" ");
            if (text.Length == 0) return;
            if (parts.Count > 0 && parts[^1].Hit == hit) parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
            else parts.Add(new SnippetPart(text, hit));
        }
    }
}
