using IngestPipeline.Infrastructure.State;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Infrastructure.Search;

/// <summary>
/// PostgreSQL's text search: the generated column <c>Documents.SearchVector</c> (file name and subject weighted above
/// the text; the <c>simple</c> configuration, since the collections are in several languages and a stemmer of one
/// would mangle the others) under a GIN index (migration <c>DocumentSearch</c>). The reader's query goes to
/// <c>websearch_to_tsquery</c> as typed: it is the syntax <see cref="SearchTerms"/> follows.
/// </summary>
public sealed class PostgresDocumentSearch(PipelineDbContext db) : DocumentSearch(db)
{
    protected override IQueryable<TextMatch> Matches(SearchTerms terms, string query) => Db.Database.SqlQueryRaw<TextMatch>(
        """
        SELECT "Id" AS "DocumentId", -ts_rank("SearchVector", websearch_to_tsquery('simple', {0}))::double precision AS "Rank"
        FROM "Documents" WHERE "SearchVector" @@ websearch_to_tsquery('simple', {0})
        """,
        query);

    protected override IQueryable<SnippetRow> Snippets(SearchTerms terms, string query, IReadOnlyList<Guid> ids) => Db.Database.SqlQueryRaw<SnippetRow>(
        """
        SELECT "Id" AS "DocumentId",
               ts_headline('simple', coalesce("Text", ''), websearch_to_tsquery('simple', {0}),
                           'MaxFragments=2, MaxWords=24, MinWords=12, FragmentDelimiter=" … ", StartSel="' || {1} || '", StopSel="' || {2} || '"') AS "Snippet"
        FROM "Documents" WHERE "Id" = ANY({3})
        """,
        query, HitStart, HitEnd, ids.ToArray());
}
