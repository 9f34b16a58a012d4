namespace IngestPipeline.Domain.Review;

/// <summary>
/// A new reading (a re-OCR's suggestion) set against the reviewer's text line by line, so each line that reads
/// differently can be taken on its own: per page, lines pair by position when both have as many; otherwise through
/// the line diff, a run of the reviewer's lines replaced by a run of as many new ones pairing in order. Lines the two
/// cut differently (a run replaced by one of another length) pair with nothing: the whole reading can still be taken.
/// </summary>
public static class SuggestedLines
{
    /// <returns>For each line of <paramref name="current"/> the suggestion reads differently, the suggested text.</returns>
    public static IReadOnlyDictionary<(int Page, int Line), string> Pair(IReadOnlyList<ReviewLine> current, IReadOnlyList<ReviewLine> suggested)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(suggested);
        var pairs = new Dictionary<(int, int), string>();
        var theirs = suggested.ToLookup(l => l.Page);
        foreach (var page in current.GroupBy(l => l.Page))
        {
            var mine = page.ToList();
            var other = theirs[page.Key].ToList();
            if (other.Count == 0) continue;
            if (mine.Count == other.Count)
            {
                for (int i = 0; i < mine.Count; i++)
                    if (mine[i].Text != other[i].Text) pairs[(page.Key, mine[i].Index)] = other[i].Text;
                continue;
            }
            var diff = LineDiff.Compare(string.Join('\n', mine.Select(l => l.Text)), string.Join('\n', other.Select(l => l.Text)));
            int at = 0; // the reviewer's line the diff has reached
            for (int i = 0; i < diff.Count;)
            {
                if (diff[i].Kind == DiffKind.Same) { at++; i++; continue; }
                int removed = 0, added = 0;
                while (i + removed < diff.Count && diff[i + removed].Kind == DiffKind.Removed) removed++;
                while (i + removed + added < diff.Count && diff[i + removed + added].Kind == DiffKind.Added) added++;
                if (removed == added)
                    for (int k = 0; k < removed; k++) pairs[(page.Key, mine[at + k].Index)] = diff[i + removed + k].Text;
                at += removed;
                i += removed + added;
            }
        }
        return pairs;
    }
}
