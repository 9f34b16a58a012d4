using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Cleanup;

/// <summary>
/// Rule 3: a word broken with a hyphen at a line end is put back together on the first line. When the next line starts
/// with a lowercase continuation (or both halves are in capitals) the halves are joined without the hyphen
/// (<c>"Chek-"</c> + <c>"iang"</c> gives <c>"Chekiang"</c>) if the joined word is in the lexicon or the hyphenated form
/// is not; a real compound keeps its hyphen (<c>"self-"</c> + <c>"government"</c> gives <c>"self-government"</c>), and
/// so does a capitalised continuation (<c>"Soviet-"</c> + <c>"Chinese"</c> gives <c>"Soviet-Chinese"</c>). Older German
/// breaks are undone as the typist made them (<c>"Zuk-"</c> + <c>"ker"</c> gives <c>"Zucker"</c>).
/// </summary>
/// <remarks>
/// Not touched: a dash (<c>"--"</c>), a lone hyphen, a hyphen after a digit or punctuation, and a next line that
/// starts with punctuation or a digit. The rebuilt word keeps the first half's box (it stays inside its line) and
/// takes the lower of the two confidences; the continuation word leaves the next line, and a line left without words
/// is dropped. Note that the corpus's gt.txt keeps one text line per typed line, so a typed line-end hyphen stays
/// there: this rule is for running text (search, reading), not for output compared line by line with gt.txt.
/// </remarks>
public static class DehyphenationRule
{
    /// <summary>The two halves put together, or <c>null</c> when they are not a broken word.</summary>
    public static string? TryJoin(string lineEndWord, string nextLineStartWord, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lineEndWord);
        ArgumentNullException.ThrowIfNull(nextLineStartWord);
        ArgumentNullException.ThrowIfNull(lexicon);
        if (!WordParts.EndsInBreak(lineEndWord))
        {
            return null;
        }
        var (lead, head, _) = WordParts.Of(lineEndWord[..^1]);
        var (lead2, tail, trail) = WordParts.Of(nextLineStartWord);
        if (head.Length == 0 || lead2.Length > 0 || tail.Length == 0 || !char.IsLetter(tail[0]))
        {
            return null;
        }
        bool continuation = char.IsLower(tail[0]) || (WordParts.IsAllCaps(head) && WordParts.IsAllCaps(tail));
        var hyphenated = head + "-" + tail;
        if (!continuation)
        {
            return lead + hyphenated + trail;
        }
        var joinings = Joinings(head, tail).ToList();
        var known = joinings.FirstOrDefault(lexicon.Contains);
        // A compound the language writes with a hyphen keeps it; anything else unknown is taken as a broken word.
        var word = known ?? (lexicon.Contains(hyphenated) ? hyphenated : joinings[0]);
        return lead + word + trail;
    }

    /// <summary>
    /// The words a break may have split, the plain joining first. Older German spelling changed letters at a break:
    /// "ck" was typed "k-k" ("Zuk-ker" is "Zucker") and a triple consonant before a vowel lost one letter except at the
    /// break ("Schiff-fahrt" is "Schiffahrt"). The variants are only taken when the lexicon knows them, so they cost
    /// nothing in languages that never break so.
    /// </summary>
    private static IEnumerable<string> Joinings(string head, string tail)
    {
        yield return head + tail;
        if (head.Length >= 2 && tail.Length >= 2 && head[^1] == 'k' && tail[0] == 'k')
        {
            yield return head[..^1] + "ck" + tail[1..];
        }
        if (head.Length >= 3 && tail.Length >= 2 && head[^1] == head[^2] && tail[0] == head[^1] && char.IsLetter(head[^1])
            && "aeiouäöüy".Contains(char.ToLowerInvariant(tail[1])))
        {
            yield return head + tail[1..];
        }
    }

    /// <summary>New lines with every broken word rebuilt on the line where it starts.</summary>
    public static IReadOnlyList<Line> Join(IReadOnlyList<Line> lines, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(lexicon);
        var words = lines.Select(l => l.Words.ToList()).ToList();
        var changed = new bool[lines.Count];
        for (int i = 0; i < words.Count; i++)
        {
            int next = i + 1;
            while (words[i].Count > 0)
            {
                while (next < words.Count && words[next].Count == 0)
                {
                    next++;
                }
                if (next >= words.Count)
                {
                    break;
                }
                var end = words[i][^1];
                var start = words[next][0];
                var joined = TryJoin(end.Text, start.Text, lexicon);
                if (joined is null)
                {
                    break;
                }
                words[i][^1] = end with { Text = joined, Confidence = Math.Min(end.Confidence, start.Confidence) };
                words[next].RemoveAt(0);
                changed[i] = changed[next] = true;
                if (words[next].Count > 0)
                {
                    break;
                }
                // The continuation was the whole next line: the rebuilt word may itself be broken at that line's end.
            }
        }
        var result = new List<Line>(lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            if (!changed[i])
            {
                result.Add(lines[i]);
            }
            else if (words[i].Count > 0)
            {
                result.Add(lines[i] with { Words = words[i] });
            }
        }
        return result;
    }
}
