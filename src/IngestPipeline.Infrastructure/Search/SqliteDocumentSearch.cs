using IngestPipeline.Infrastructure.State;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Infrastructure.Search;

/// <summary>
/// SQLite's FTS5: the table <c>DocumentSearch</c> (file name, subject, text; accents folded), which triggers on
/// <c>Documents</c> keep in step with every change (migration <c>DocumentSearch</c>). Ranked by BM25, a word in the
/// file name or subject weighing more than one in the text.
/// </summary>
public sealed class SqliteDocumentSearch(PipelineDbContext db) : DocumentSearch(db)
{
    protected override IQueryable<TextMatch> Matches(SearchTerms terms, string query) => Db.Database.SqlQueryRaw<TextMatch>(
        "SELECT DocumentId, bm25(DocumentSearch, 0, 4.0, 2.0, 1.0) AS Rank FROM DocumentSearch WHERE DocumentSearch MATCH {0}",
        terms.ToFts5());

    protected override IQueryable<SnippetRow> Snippets(SearchTerms terms, string query, IReadOnlyList<Guid> ids) => Db.Database.SqlQueryRaw<SnippetRow>(
        "SELECT DocumentId, snippet(DocumentSearch, 3, {1}, {2}, '…', 24) AS Snippet FROM DocumentSearch " +
        "WHERE DocumentSearch MATCH {0} AND DocumentId IN (SELECT value FROM json_each({3}))",
        terms.ToFts5(), HitStart, HitEnd, System.Text.Json.JsonSerializer.Serialize(ids.Select(id => id.ToString().ToUpperInvariant())));
}
