using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Cleanup;

/// <summary>
/// Joins a word a weak key broke in two. A letter struck too light to see leaves a blank the engine takes for a space
/// (<c>"Mi itary"</c>, <c>"tel egram"</c>); where a collection has learned that its engine loses a letter
/// (<see cref="OcrConfusionOptions.Learned"/>, an empty <see cref="Confusion.From"/>), two neighbouring words on a line
/// become one when that letter between them makes the only known word, and at least one of the two is no word by
/// itself (a single letter other than "a" and "I" counts as none): two words that stand on their own ("a so") are left
/// apart. Nothing is joined for a collection that has learned no lost letter.
/// </summary>
public static class WeakKeyJoinRule
{
    public static Line Join(Line line, Lexicon lexicon, OcrConfusionOptions options)
    {
        var lost = options.Learned.Where(c => c.From.Length == 0).Select(c => c.To).ToList();
        if (lost.Count == 0 || line.Words.Count < 2) return line;
        var words = new List<Word>(line.Words.Count);
        bool changed = false;
        for (int i = 0; i < line.Words.Count; i++)
        {
            if (i + 1 < line.Words.Count && Joined(line.Words[i], line.Words[i + 1], lost, lexicon) is { } joined)
            {
                words.Add(joined);
                changed = true;
                i++;
            }
            else words.Add(line.Words[i]);
        }
        return changed ? line with { Words = words } : line;
    }

    private static Word? Joined(Word left, Word right, List<string> lost, Lexicon lexicon)
    {
        var (lead, first, between) = WordParts.Of(left.Text);
        var (inside, second, trail) = WordParts.Of(right.Text);
        if (first.Length == 0 || second.Length == 0 || between.Length > 0 || inside.Length > 0 || !first.All(char.IsLetter) || !second.All(char.IsLetter) || !second.All(char.IsLower)) return null;
        if (StandsAlone(first, lexicon) && StandsAlone(second, lexicon)) return null;
        // A word that starts in lowercase can only be an ordinary word, as a confusion's correction can.
        bool ordinaryOnly = char.IsLower(first[0]);
        var found = lost.Select(letter => first + letter + second).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(w => lexicon.Contains(w) && (!ordinaryOnly || lexicon.IsCommonWord(w))).ToList();
        if (found.Count != 1) return null;
        return left with
        {
            Text = lead + found[0] + trail,
            Box = BoundingBox.Union([left.Box, right.Box]),
            Confidence = Math.Min(left.Confidence, right.Confidence),
        };
    }

    private static bool StandsAlone(string word, Lexicon lexicon) =>
        word.Length == 1 ? word is "a" or "A" or "I" : lexicon.Contains(word);
}
