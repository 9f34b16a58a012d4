using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Cleanup;

/// <summary>
/// Rule 1: every spelling of the illegibility marker becomes exactly <see cref="Marker"/>. Accepted spellings: any
/// case, spaces or a hyphen inside the brackets (<c>"[ ILLEG- IBLE ]"</c>), 'l', 'I', '1' and '|' mixed up, and the
/// marker split over up to <see cref="MaxParts"/> words of one line (<c>"[ILLEG"</c> <c>"IBLE]"</c>, or
/// <c>"["</c> <c>"illegible"</c> <c>"]"</c>). Punctuation outside the brackets stays (<c>"[illegible],"</c> gives
/// <c>"[ILLEGIBLE],"</c>). Words merged into one marker get the union of their boxes and the lowest of their
/// confidences; other properties come from the first of them.
/// </summary>
public static class IllegibleMarkerRule
{
    public const string Marker = "[ILLEGIBLE]";

    /// <summary>The most words one marker may have been split into.</summary>
    public const int MaxParts = 4;

    private const string Letters = "illegible";

    /// <summary>The canonical text when <paramref name="text"/> is a spelling of the marker with only punctuation around it.</summary>
    public static bool TryCanonicalize(string text, out string canonical)
    {
        ArgumentNullException.ThrowIfNull(text);
        canonical = text;
        int open = text.IndexOf('[');
        int close = text.LastIndexOf(']');
        if (open < 0 || close < open)
        {
            return false;
        }
        var lead = text[..open];
        var trail = text[(close + 1)..];
        if (lead.Any(char.IsLetterOrDigit) || trail.Any(char.IsLetterOrDigit))
        {
            return false;
        }
        var body = new string(text[(open + 1)..close].Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (body.Length != Letters.Length)
        {
            return false;
        }
        for (int i = 0; i < body.Length; i++)
        {
            if (Fold(body[i]) != Fold(Letters[i]))
            {
                return false;
            }
        }
        canonical = lead + Marker + trail;
        return true;
    }

    /// <summary>
    /// The line with every marker spelling canonical. With <paramref name="mergeAdjacent"/> two markers that stand
    /// next to each other with no punctuation between them become one (one marker per run of lost words).
    /// </summary>
    public static Line Canonicalize(Line line, bool mergeAdjacent = true)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = line.Words;
        var result = new List<Word>(words.Count);
        bool changed = false;
        for (int i = 0; i < words.Count; i++)
        {
            var (word, used) = MarkerAt(words, i);
            changed |= used > 1 || !ReferenceEquals(word, words[i]);
            i += used - 1;
            if (mergeAdjacent && result.Count > 0 && result[^1].Text == Marker && word.Text == Marker)
            {
                result[^1] = Merge(result[^1], [result[^1], word]);
                changed = true;
                continue;
            }
            result.Add(word);
        }
        return changed ? line with { Words = result } : line;
    }

    /// <summary>The word at <paramref name="start"/>, or the marker it begins, and how many words that took.</summary>
    private static (Word Word, int Used) MarkerAt(IReadOnlyList<Word> words, int start)
    {
        if (!words[start].Text.Contains('['))
        {
            return (words[start], 1);
        }
        var text = "";
        for (int k = 1; k <= MaxParts && start + k <= words.Count; k++)
        {
            text += words[start + k - 1].Text;
            if (!words[start + k - 1].Text.Contains(']'))
            {
                continue;
            }
            if (!TryCanonicalize(text, out var canonical))
            {
                break;
            }
            if (k == 1)
            {
                return canonical == words[start].Text
                    ? (words[start], 1)
                    : (words[start] with { Text = canonical }, 1);
            }
            var parts = Enumerable.Range(start, k).Select(i => words[i]).ToList();
            return (Merge(parts[0], parts) with { Text = canonical }, k);
        }
        return (words[start], 1);
    }

    private static Word Merge(Word first, IReadOnlyList<Word> parts) => first with
    {
        Box = BoundingBox.Union(parts.Select(w => w.Box)),
        Confidence = parts.Min(w => w.Confidence),
    };

    private static char Fold(char c) => char.ToLowerInvariant(c) switch
    {
        'i' or 'l' or '1' or '|' => 'l',
        var other => other,
    };
}
