using System.Text;

namespace IngestPipeline.Infrastructure.Search;

/// <summary>
/// What a reader types into the search box, in the syntax of PostgreSQL's <c>websearch_to_tsquery</c> (the one web
/// search engines taught everyone): words all must occur, <c>"a phrase"</c> in that order, <c>-word</c> must not occur,
/// <c>a or b</c> either. PostgreSQL reads the text itself; SQLite's FTS5 gets it translated (<see cref="ToFts5"/>), so
/// a query means the same on both. Words are whole words; nothing the reader types is an error.
/// </summary>
public sealed class SearchTerms
{
    /// <summary>One word or phrase: its words as typed, and whether it is excluded.</summary>
    public sealed record Term(string Text, bool Excluded);

    private SearchTerms(IReadOnlyList<IReadOnlyList<Term>> required, IReadOnlyList<Term> excluded)
    {
        Required = required;
        Excluded = excluded;
    }

    /// <summary>Each entry must match: one of its alternatives (more than one where "or" joined them).</summary>
    public IReadOnlyList<IReadOnlyList<Term>> Required { get; }

    public IReadOnlyList<Term> Excluded { get; }

    /// <summary>Nothing to look for: no word outside an exclusion (a query of exclusions alone finds nothing to rank).</summary>
    public bool IsEmpty => Required.Count == 0;

    public static SearchTerms Parse(string? query)
    {
        var required = new List<List<Term>>();
        var excluded = new List<Term>();
        bool joinNext = false;
        foreach (var (text, quoted, negated) in Tokens(query ?? ""))
        {
            if (!quoted && !negated && text.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                joinNext = required.Count > 0;
                continue;
            }
            var words = Words(text);
            if (words.Length == 0) continue;
            var term = new Term(words, negated);
            if (negated) excluded.Add(term);
            else if (joinNext) required[^1].Add(term);
            else required.Add([term]);
            joinNext = false;
        }
        return new SearchTerms(required, excluded);
    }

    /// <summary>
    /// The FTS5 query: each word or phrase quoted (so FTS5's own operators and punctuation typed by the reader are
    /// only text), alternatives joined by OR, the required ones by AND, the excluded ones cut off by NOT.
    /// </summary>
    public string ToFts5()
    {
        if (IsEmpty) throw new InvalidOperationException("An empty query has no FTS5 form.");
        var query = new StringBuilder("(");
        query.AppendJoin(" AND ", Required.Select(alternatives => alternatives.Count == 1
            ? Quoted(alternatives[0].Text)
            : "(" + string.Join(" OR ", alternatives.Select(a => Quoted(a.Text))) + ")"));
        query.Append(')');
        if (Excluded.Count > 0)
            query.Append(" NOT (").AppendJoin(" OR ", Excluded.Select(e => Quoted(e.Text))).Append(')');
        return query.ToString();
    }

    /// <summary>The words of every term the reader wants found, for marking them in a text shown without a snippet.</summary>
    public IEnumerable<string> WantedWords => Required.SelectMany(a => a).SelectMany(t => t.Text.Split(' '));

    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";

    /// <summary>The letters and digits of a word or phrase, each run of anything else one space (as both tokenizers cut).</summary>
    private static string Words(string text)
    {
        var words = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) words.Append(c);
            else if (words.Length > 0 && words[^1] != ' ') words.Append(' ');
        }
        return words.ToString().Trim();
    }

    private static IEnumerable<(string Text, bool Quoted, bool Negated)> Tokens(string query)
    {
        int i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i])) { i++; continue; }
            bool negated = query[i] == '-' && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]);
            if (negated) i++;
            if (query[i] == '"')
            {
                int close = query.IndexOf('"', i + 1);
                int end = close < 0 ? query.Length : close;
                yield return (query[(i + 1)..end], true, negated);
                i = end + 1;
                continue;
            }
            int start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] != '"') i++;
            yield return (query[start..i], false, negated);
        }
    }
}
