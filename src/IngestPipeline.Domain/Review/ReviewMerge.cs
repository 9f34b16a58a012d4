namespace IngestPipeline.Domain.Review;

/// <summary>
/// A reviewer's save made against an older version, merged with what was saved since: three texts of every line
/// (the version the reviewer opened, the one saved since, the reviewer's), compared word by word. A line only one
/// side changed takes that side's text; a line both changed alike is one change; a line both changed differently is
/// a conflict, kept in the reviewer's wording so nothing they typed is lost. Metadata fields merge the same way.
/// </summary>
public static class ReviewMerge
{
    /// <param name="Lines">Every line of the reviewer's draft, merged: their text, others' changes taken in.</param>
    /// <param name="Conflicts">What both changed differently, as a reader names it ("line 5", "the date").</param>
    public sealed record Result(IReadOnlyList<LineEdit> Lines, ReviewedMetadata Metadata, IReadOnlyList<string> Conflicts);

    /// <summary>Merges <paramref name="mine"/> (made against <paramref name="opened"/>) with <paramref name="saved"/>.</summary>
    public static Result Merge(IReadOnlyList<ReviewLine> opened, IReadOnlyList<ReviewLine> saved, IReadOnlyList<LineEdit> mine,
        ReviewedMetadata openedMetadata, ReviewedMetadata savedMetadata, ReviewedMetadata myMetadata)
    {
        var before = opened.ToDictionary(l => (l.Page, l.Index), l => l.Text);
        var since = saved.ToDictionary(l => (l.Page, l.Index), l => l.Text);
        bool onePage = saved.Select(l => l.Page).Distinct().Count() <= 1;
        var lines = new List<LineEdit>(mine.Count);
        var conflicts = new List<string>();
        foreach (var edit in mine)
        {
            var key = (edit.Page, edit.Line);
            if (!since.TryGetValue(key, out var theirs)) continue; // a line the document no longer has
            // Lines renumbered in between (the document read again) cannot be matched: every change is a conflict.
            var (text, conflict) = before.TryGetValue(key, out var openedText) && before.Count == since.Count
                ? Pick(openedText, theirs, edit.Text)
                : (edit.Text, !Same(edit.Text, theirs));
            lines.Add(edit with { Text = text });
            if (conflict) conflicts.Add(onePage ? $"line {edit.Line + 1}" : $"line {edit.Line + 1} of page {edit.Page}");
        }

        string? Field(string name, string? was, string? now, string? typed)
        {
            var (value, conflict) = Pick(was ?? "", now ?? "", typed ?? "");
            if (conflict) conflicts.Add(name);
            return value.Length == 0 ? null : value;
        }
        var metadata = new ReviewedMetadata(
            Field("the title", openedMetadata.Title, savedMetadata.Title, myMetadata.Title),
            Field("the date", openedMetadata.Date, savedMetadata.Date, myMetadata.Date),
            Field("the sender", openedMetadata.From, savedMetadata.From, myMetadata.From),
            Field("the recipients", openedMetadata.To, savedMetadata.To, myMetadata.To),
            Field("the classification", openedMetadata.Classification, savedMetadata.Classification, myMetadata.Classification),
            Field("the type", openedMetadata.Type, savedMetadata.Type, myMetadata.Type));
        return new Result(lines, metadata, conflicts);
    }

    private static (string Text, bool Conflict) Pick(string opened, string saved, string mine)
    {
        if (Same(mine, opened)) return (saved, false);
        if (Same(saved, opened) || Same(saved, mine)) return (mine, false);
        return (mine, true);
    }

    /// <summary>Spacing is not an edit: the words are compared, as the review applier does.</summary>
    public static bool Same(string a, string b) => Words(a) == Words(b);

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
