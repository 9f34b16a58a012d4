using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Illegibility.Evidence;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility.Model;

/// <summary>
/// Replaces what cannot be read with [ILLEGIBLE] as the model decides: every candidate of the page
/// (<see cref="CandidateFinder"/>) is given its probability of being unreadable, and those at or above the threshold
/// become markers; neighbouring ones (a run of words, a stretch beside them) one marker, which keeps the run's box,
/// its agreed reading as a guess, the lowest confidence and the highest probability. A speck taken for a mark that
/// is not found unreadable is dropped, and faint typing that a second reading read surely comes back as words, as
/// the rules do.
/// </summary>
public static class LearnedMarker
{
    public static Page Mark(Page page, Lexicon lexicon, IllegibilityOptions options, PageInk? ink, IllegibilityModel model, double threshold)
    {
        var candidates = CandidateFinder.Find(page, lexicon, options, ink).Where(model.Decides);
        var byLine = candidates.ToLookup(c => c.Line);
        int index = 0;
        return page with
        {
            Blocks = page.Blocks.Select(b => b with
            {
                Lines = b.Lines.SelectMany(l =>
                {
                    var own = byLine[index++].ToLookup(c => c.Source == StretchSource.LostLine && c.Kind == CandidateKind.Stretch);
                    // A whole line found unreadable follows the line it was measured against, as a line of its own.
                    var lost = own[true].Select(c => (Candidate: c, Probability: model.Probability(c))).Where(c => c.Probability >= threshold)
                        .Select(c => new Line(c.Candidate.Box, [Word.Illegible(c.Candidate.Box, "", 0) with { IllegibleProbability = (float)Math.Round(c.Probability, 3) }]));
                    return lost.Prepend(MarkLine(l, own[false].ToList(), lexicon, options, ink, model, threshold));
                }).ToList(),
            }).ToList(),
        };
    }

    private static Line MarkLine(Line line, List<UnreadableCandidate> candidates, Lexicon lexicon, IllegibilityOptions options, PageInk? ink,
        IllegibilityModel model, double threshold)
    {
        if (candidates.Count == 0) return line;
        // Each place in the line's order: word k at 2k + 1, a stretch before word k at 2k.
        var places = new List<(int Order, Word Word, double? Probability)>();
        var lostWordsShape = IllegibilityDetector.LostWordsShape.Of(line, line.Words);
        foreach (var c in candidates)
        {
            double p = model.Probability(c);
            if (c.Word is { } word)
            {
                // As for the rules: a lone mark a character wide is punctuation or a speck, never lost words.
                if (p >= threshold && lostWordsShape.Fits(word)) places.Add((2 * c.Position + 1, Word.Illegible(word.Box, MarkerGuess.Of([word], lexicon), word.Confidence), p));
                else if (!IllegibilityDetector.IsStrayMark(word, options, ink)) places.Add((2 * c.Position + 1, word, p));
            }
            else if (FaintTypingReadSurely(c, lexicon, options, ink))
            {
                places.AddRange(c.Reread.Select(w => (2 * c.Position, w, (double?)0.0)));
            }
            else if (p >= threshold)
            {
                places.Add((2 * c.Position, Word.Illegible(c.Box, Guess(c.Reread, lexicon), c.Reread.Count == 0 ? 0 : c.Reread.Min(w => w.Confidence)), p));
            }
        }
        // Markers the page already had (typed, or set by a hand rule) keep their place, and their lack of a probability.
        for (int k = 0; k < line.Words.Count; k++)
            if (line.Words[k].IsIllegible) places.Add((2 * k + 1, line.Words[k], line.Words[k].IllegibleProbability));
        var ordered = places.OrderBy(p => p.Order).ThenBy(p => p.Word.Box.Left).ToList();
        Bridge(ordered, threshold);
        var words = new List<Word>();
        for (int i = 0; i < ordered.Count;)
        {
            if (!ordered[i].Word.IsIllegible)
            {
                words.Add(ordered[i++].Word);
                continue;
            }
            int end = i;
            while (end + 1 < ordered.Count && ordered[end + 1].Word.IsIllegible) end++;
            var run = ordered.GetRange(i, end - i + 1);
            // A word without an agreed reading leaves the whole run without a guess (see MarkerGuess); a stretch read as nothing adds nothing.
            bool unguessed = run.Any(r => r.Order % 2 == 1 && r.Word.IllegibleGuess == "");
            string guess = unguessed ? "" : string.Join(' ', run.Select(r => r.Word.IllegibleGuess).Where(g => !string.IsNullOrEmpty(g)));
            // The probability shown is the model's, where the model set a marker of the run; a rule's marker has none.
            var decided = run.Where(r => r.Probability >= threshold).Select(r => r.Probability!.Value).ToList();
            words.Add(Word.Illegible(BoundingBox.Union(run.Select(r => r.Word.Box)), guess, run.Min(r => r.Word.Confidence))
                with { IllegibleProbability = decided.Count == 0 ? null : (float)Math.Round(decided.Max(), 3) });
            i = end + 1;
        }
        return line with { Words = words, Box = words.Count == 0 ? line.Box : BoundingBox.Union(words.Select(w => w.Box).Append(line.Box)) };
    }

    /// <summary>
    /// One damage, one marker: a word or two between two markers is taken in when it is slight (a letter or two, what
    /// the engine makes of the torn edge or the blot's rim) or doubtful itself (a probability of a third of the
    /// threshold or more), so a span does not come out as "[ILLEGIBLE] e [ILLEGIBLE]".
    /// </summary>
    private static void Bridge(List<(int Order, Word Word, double? Probability)> ordered, double threshold)
    {
        const int MostBridged = 2;
        for (int i = 1; i < ordered.Count - 1; i++)
        {
            if (!ordered[i - 1].Word.IsIllegible || ordered[i].Word.IsIllegible) continue;
            int end = i;
            while (end < ordered.Count && !ordered[end].Word.IsIllegible && end - i < MostBridged) end++;
            if (end >= ordered.Count || !ordered[end].Word.IsIllegible) continue;
            var between = ordered.GetRange(i, end - i);
            if (!between.All(b => WordPlausibility.Core(b.Word.Text).Count(char.IsLetterOrDigit) <= 2 || b.Probability >= threshold / 3)) continue;
            for (int k = i; k < end; k++)
                ordered[k] = (ordered[k].Order, Word.Illegible(ordered[k].Word.Box, "", ordered[k].Word.Confidence), ordered[k].Probability);
        }
    }

    /// <summary>
    /// A stretch of faint typing (the rules' measure) that its second reading read surely as words a typist could
    /// have written: legible text the first reading missed.
    /// </summary>
    private static bool FaintTypingReadSurely(UnreadableCandidate stretch, Lexicon lexicon, IllegibilityOptions options, PageInk? ink) =>
        stretch.Reread.Count > 0 && stretch.Source is StretchSource.BetweenWords or StretchSource.LineEnd
        && stretch.Reread.All(w => w.Confidence >= options.RereadAcceptedFrom
            && WordPlausibility.Classify(w.Text, lexicon) is WordKind.Lexicon or WordKind.Number or WordKind.Punctuation)
        && (ink is null || stretch.StretchInk is null || ink.HoldsLostTyping(stretch.StretchInk));

    private static string Guess(IReadOnlyList<Word> reread, Lexicon lexicon) =>
        reread.Count > 0 && reread.All(w => WordPlausibility.Classify(w.Text, lexicon) is WordKind.Lexicon or WordKind.Number or WordKind.Punctuation)
            ? string.Join(' ', reread.Select(w => w.Text)) : "";
}
