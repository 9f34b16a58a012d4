using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Review;

/// <summary>
/// A reviewer's text for one typed line: the page (from 1) and the line's place among the page's lines in
/// reading order (<see cref="PageLayout.Lines"/>, the order the review page shows them).
/// </summary>
/// <remarks>
/// The text is what the reviewer typed: words separated by spaces, <c>[ILLEGIBLE]</c> where nothing can be
/// read, and an uncertain reading in braces (<c>{Sian}</c>, <c>{two words}</c>).
/// </remarks>
public sealed record LineEdit(int Page, int Line, string Text);

/// <summary>A flagged word a reviewer kept as it is: its line (page from 1, line as in <see cref="LineEdit"/>) and its place in the line (from 0).</summary>
public sealed record KeptWord(int Page, int Line, int Word);

/// <summary>
/// Puts a reviewer's lines into the transcript so every reviewed word still points at the scan: the typed words
/// are aligned with the recognised ones (fewest changes); a word left as it was keeps its box and confidence; a
/// run of changed words shares the boxes of the words it replaces, in proportion to its length (an inserted word
/// takes the gap where it was inserted). Changed words are marked <see cref="Word.Corrected"/> with confidence
/// 100; a marker the reviewer typed keeps the engine's guess of the words it replaces.
/// </summary>
public static class ReviewApplier
{
    public static Transcript Apply(Transcript transcript, IEnumerable<LineEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(edits);
        var byPage = edits.GroupBy(e => e.Page).ToDictionary(g => g.Key, g => g.ToDictionary(e => e.Line, e => e.Text));
        return transcript with
        {
            Pages = transcript.Pages.Select(page => byPage.TryGetValue(page.Number, out var lines) ? ApplyToPage(page, lines) : page).ToList(),
        };
    }

    /// <summary>
    /// Marks the flagged words a reviewer kept as they are (a marker left as <c>[ILLEGIBLE]</c>, a doubtful word read
    /// right) as corrected: decided by a person, so a marker counts as resolved and a word is no longer flagged.
    /// </summary>
    public static Transcript Keep(Transcript transcript, IEnumerable<KeptWord> kept)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var byPage = kept.GroupBy(k => k.Page).ToDictionary(g => g.Key, g => g.ToLookup(k => k.Line, k => k.Word));
        return transcript with
        {
            Pages = transcript.Pages.Select(page =>
            {
                if (!byPage.TryGetValue(page.Number, out var lines)) return page;
                var ordered = PageLayout.Of(page).Lines;
                var replaced = new Dictionary<Line, Line>(ReferenceEqualityComparer.Instance);
                foreach (var group in lines.Where(g => g.Key >= 0 && g.Key < ordered.Count))
                {
                    var keep = group.ToHashSet();
                    var line = ordered[group.Key];
                    replaced[line] = line with { Words = line.Words.Select((w, i) => keep.Contains(i) ? w with { Corrected = true } : w).ToList() };
                }
                return WithLines(page, replaced);
            }).ToList(),
        };
    }

    private static Page ApplyToPage(Page page, Dictionary<int, string> edits)
    {
        var ordered = PageLayout.Of(page).Lines;
        var replaced = new Dictionary<Line, Line>(ReferenceEqualityComparer.Instance);
        foreach (var (index, text) in edits)
        {
            if (index < 0 || index >= ordered.Count)
                throw new ArgumentOutOfRangeException(nameof(edits), $"Page {page.Number} has no line {index}.");
            replaced[ordered[index]] = ApplyToLine(ordered[index], text);
        }
        return WithLines(page, replaced);
    }

    /// <summary>The page with some of its lines replaced (by reference), the others as they were.</summary>
    private static Page WithLines(Page page, Dictionary<Line, Line> replaced) => page with
    {
        Blocks = page.Blocks.Select(b => b with { Lines = b.Lines.Select(l => replaced.TryGetValue(l, out var r) ? r : l).ToList() }).ToList(),
    };

    public static Line ApplyToLine(Line line, string text)
    {
        var tokens = Tokens(text);
        var words = line.Words;
        var result = new List<Word>();
        int wi = 0, ti = 0;
        foreach (var (w, t) in Align(words.Select(x => x.Text).ToList(), tokens.Select(x => x.Text).ToList()))
        {
            // Equal pairs are anchors; everything between two anchors is one changed run.
            if (w is int a && t is int b && words[a].Text == tokens[b].Text)
            {
                FlushRun(result, line, words, tokens, wi, a, ti, b);
                result.Add(tokens[b].Uncertain ? words[a] with { Uncertain = true } : words[a]);
                wi = a + 1;
                ti = b + 1;
            }
        }
        FlushRun(result, line, words, tokens, wi, words.Count, ti, tokens.Count);
        return line with { Words = result, Box = result.Count > 0 ? BoundingBox.Union(result.Select(x => x.Box)) : line.Box };
    }

    /// <summary>Original words [w0, w1) are replaced by typed tokens [t0, t1).</summary>
    private static void FlushRun(List<Word> result, Line line, IReadOnlyList<Word> words, IReadOnlyList<Token> tokens, int w0, int w1, int t0, int t1)
    {
        if (t1 <= t0) return; // words deleted
        var replaced = words.Skip(w0).Take(w1 - w0).ToList();
        BoundingBox region;
        if (replaced.Count > 0)
        {
            region = BoundingBox.Union(replaced.Select(x => x.Box));
        }
        else
        {
            // An insertion: the gap between its neighbours, or beside the line's end.
            int left = result.Count > 0 ? result[^1].Box.Right : line.Box.Left;
            int right = w1 < words.Count ? words[w1].Box.Left : Math.Max(left + 1, line.Box.Right);
            if (right <= left) right = left + 1;
            region = new BoundingBox(left, line.Box.Top, right, line.Box.Bottom);
        }
        var guess = string.Join(' ', replaced.Select(x => x.IllegibleGuess ?? x.Text).Where(x => x.Length > 0));
        float lowest = replaced.Count > 0 ? replaced.Min(x => x.Confidence) : 0;
        // The run's characters and the single spaces between its words spread over the region, so each word's box
        // covers its letters and the space after it stays a gap: the searchable PDF and ALTO see separate words
        // ("reach with them", not "reachwiththem").
        int total = tokens.Skip(t0).Take(t1 - t0).Sum(x => x.Text.Length + 1) - 1, used = 0;
        int At(int characters) => region.Left + (int)Math.Round((double)region.Width * characters / total);
        for (int t = t0; t < t1; t++)
        {
            int x0 = At(used);
            used += tokens[t].Text.Length;
            int x1 = t == t1 - 1 ? region.Right : At(used);
            used++;
            var box = new BoundingBox(x0, region.Top, Math.Max(x1, x0 + 1), region.Bottom);
            result.Add(tokens[t].Text == Word.IllegibleMarker
                ? Word.Illegible(box, guess, lowest) with { Corrected = true }
                : new Word(tokens[t].Text, box, 100) { Corrected = true, Uncertain = tokens[t].Uncertain });
        }
    }

    private readonly record struct Token(string Text, bool Uncertain);

    /// <summary>The typed words, with braces marking uncertain readings taken off.</summary>
    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        bool inBraces = false;
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw;
            bool uncertain = inBraces;
            if (word.StartsWith('{'))
            {
                uncertain = inBraces = true;
                word = word[1..];
            }
            int close = word.IndexOf('}');
            if (close >= 0 && inBraces)
            {
                word = word.Remove(close, 1);
                inBraces = false;
            }
            if (word.Length > 0) tokens.Add(new Token(word, uncertain));
        }
        return tokens;
    }

    /// <summary>A fewest-changes alignment of two word sequences: pairs of indices, null on the side that has no word.</summary>
    internal static List<(int? Word, int? Token)> Align(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var cost = new int[a.Count + 1, b.Count + 1];
        for (int i = 0; i <= a.Count; i++) cost[i, 0] = i;
        for (int j = 0; j <= b.Count; j++) cost[0, j] = j;
        for (int i = 1; i <= a.Count; i++)
            for (int j = 1; j <= b.Count; j++)
                cost[i, j] = Math.Min(Math.Min(cost[i - 1, j] + 1, cost[i, j - 1] + 1), cost[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        var pairs = new List<(int?, int?)>();
        int x = a.Count, y = b.Count;
        while (x > 0 || y > 0)
        {
            if (x > 0 && y > 0 && cost[x, y] == cost[x - 1, y - 1] + (a[x - 1] == b[y - 1] ? 0 : 1)) pairs.Add((--x, --y));
            else if (x > 0 && cost[x, y] == cost[x - 1, y] + 1) pairs.Add((--x, null));
            else pairs.Add((null, --y));
        }
        pairs.Reverse();
        return pairs;
    }
}
