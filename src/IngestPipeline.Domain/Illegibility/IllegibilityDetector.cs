using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility;

/// <summary>
/// Replaces what OCR made of unreadable text with <see cref="Word.IllegibleMarker"/>: each token is
/// judged by its confidence together with what kind of token it is (lexicon word, number, name,
/// garbage), neighbours of unreadable tokens are judged more strictly, and a run of unreadable tokens
/// becomes one marker that keeps the run's box, the raw text and the lowest confidence.
/// </summary>
public static class IllegibilityDetector
{
    /// <param name="ink">
    /// The page's typical ink. When known, a token is unreadable only if its own ink is damaged as well
    /// (<see cref="PageInk.IsDamaged"/>): the kind and confidence of a reading say it may be wrong, the ink says
    /// whether a person could read it.
    /// </param>
    public static Line Mark(Line line, Lexicon lexicon, IllegibilityOptions options, PageInk? ink = null)
    {
        var words = line.Words.Where(w => w.IsIllegible || !IsStrayMark(w, options, ink)).ToList();
        var lostWordsShape = LostWordsShape.Of(line, words);
        // The second recogniser read this line's typing: where it saw nothing at all, there was no legible text.
        bool secondReadLine = words.Any(w => w.Readings is [_, { Text.Length: > 0 }]);
        // Ink like the typing's is damage all the same where the first engine read a fragment of it and the second,
        // reading the line, saw nothing there: what is there is no typing either could read.
        var damaged = words.Select(w => MayBeDamaged(w, ink)
            || (secondReadLine && w.Readings is [_, { Text.Length: 0 }] && ReadsAFragment(w, lexicon, lostWordsShape.CharWidth))).ToArray();
        var unreadable = words.Select((w, i) => w.IsIllegible
            || (damaged[i] && lostWordsShape.Fits(w)
                && IsUnreadable(w, lexicon, options, ink, secondReadLine, lostWordsShape.CharWidth)
                && !(ReadTwiceAlike(w, lexicon) && !ReadsAFragment(w, lexicon, lostWordsShape.CharWidth)))).ToArray();
        GrowIntoWeakNeighbours(words, unreadable, damaged, options);
        BridgeWeakReadings(words, unreadable, options);

        var result = new List<Word>();
        for (int i = 0; i < words.Count;)
        {
            if (!unreadable[i])
            {
                result.Add(words[i++]);
                continue;
            }
            int end = i;
            while (end + 1 < words.Count && unreadable[end + 1]) end++;
            var run = words.GetRange(i, end - i + 1);
            result.Add(Word.Illegible(
                BoundingBox.Union(run.Select(w => w.Box)),
                MarkerGuess.Of(run, lexicon),
                run.Min(w => w.Confidence)));
            i = end + 1;
        }
        return line with { Words = result };
    }

    /// <summary>
    /// Two independent readings (the word re-read alone, or a second recogniser) agree on something a typist could
    /// have written: the word is legible, however worn.
    /// </summary>
    private static bool ReadTwiceAlike(Word word, Lexicon lexicon) =>
        ((MarkerGuess.ReadingsAgree(word) || word.ReadAlike) && WordPlausibility.Classify(word.Text, lexicon) != WordKind.Garbage)
        || (word.Reread is { } second && PlausibleWords(second.Text, lexicon));

    /// <summary>
    /// Every reading of the word (the engines', and the word's re-reading alone where that reads as words) with three
    /// letters or digits fewer than its box is characters wide: what was read is a fragment of what is there ("SR",
    /// then "ks", over a smear sixteen characters wide), and two readings that agree on it say nothing of the rest.
    /// </summary>
    private static bool ReadsAFragment(Word word, Lexicon lexicon, double charWidth)
    {
        var readings = (word.Readings ?? []).Select(r => r.Text).Append(word.Text);
        if (word.Reread is { } again && PlausibleWords(again.Text, lexicon)) readings = readings.Append(again.Text);
        return word.Box.Width >= (readings.Max(t => t.Count(char.IsLetterOrDigit)) + 3) * charWidth;
    }

    private static bool PlausibleWords(string text, Lexicon lexicon) =>
        text.Split(' ').All(t => WordPlausibility.Classify(t, lexicon) is WordKind.Lexicon or WordKind.Number);

    /// <summary>
    /// Punctuation alone read unsurely is a speck taken for a mark, unless its ink is like the page's typing. Where
    /// the typist sets punctuation apart (French typing: ; : ! ? stand alone on every line) only faint ink makes it a
    /// speck: a mark's box is nearly all ink, so its coverage says nothing. Elsewhere a lone mark is rare, and any
    /// ink unlike the typing (a dense dot of foxing or dirt) makes it one.
    /// A token of any kind read unsurely on blank paper (no ink to speak of) is noise of the paper or bleed-through.
    /// </summary>
    internal static bool IsStrayMark(Word word, IllegibilityOptions options, PageInk? ink) =>
        word.Confidence < options.StrayMarkBelow
        && ((ink is not null && word.Ink is not null && ink.IsBlank(word.Ink))
            || (WordPlausibility.Core(word.Text).Length == 0 && !word.Text.Any(char.IsLetterOrDigit)
                && (ink is null || word.Ink is null || (ink.SpacesPunctuation ? ink.IsFaded(word.Ink) : ink.IsDamaged(word.Ink)))));

    /// <summary>
    /// What a reading must look like to stand for lost words. A mark with no letter or digit is punctuation misread, a
    /// speck or a dash, never lost words, when it is a character or two wide ("=", "»", "/", a French typist's spaced
    /// "." or ":") or flatter than half the line's letters (a rule, an underline).
    /// </summary>
    internal sealed record LostWordsShape(double CharWidth, double LetterHeight)
    {
        /// <param name="words">The words whose letters set the height (the line's, perhaps without its stray marks).</param>
        public static LostWordsShape Of(Line line, IEnumerable<Word> words)
        {
            var heights = words.Where(w => !w.IsIllegible && w.Text.Any(char.IsLetter)).Select(w => w.Box.Height).Order().ToList();
            return new LostWordsShape(DamageMarker.CharWidth(line), heights.Count == 0 ? 0 : heights[heights.Count / 2]);
        }

        public bool Fits(Word word) =>
            word.Text.Any(char.IsLetterOrDigit) || (word.Box.Width >= 2 * CharWidth && word.Box.Height >= LetterHeight / 2);
    }

    /// <summary>Damaged ink, or ink not measured (then the reading alone decides, as for transcripts made before ink was measured).</summary>
    private static bool MayBeDamaged(Word word, PageInk? ink) => ink is null || word.Ink is null || ink.IsDamaged(word.Ink);

    private static bool IsUnreadable(Word word, Lexicon lexicon, IllegibilityOptions options, PageInk? ink, bool secondReadLine, double charWidth) =>
        WordPlausibility.Classify(word.Text, lexicon) switch
        {
            // A word list's single letter proves nothing where two recognisers, both unsure, read different things.
            WordKind.Lexicon when WordPlausibility.Core(word.Text).Length == 1 && word.Readings is [{ Text.Length: > 0 }, { Text.Length: > 0 }]
                && !word.ReadAlike && word.Readings.All(r => r.Confidence < options.NameBelow) => true,
            // Nor does a word of the list that one engine made, unsurely, of a smudge where the second, reading the
            // line's typing, saw no text at all: a word of two letters or more, or a single letter whose box is three
            // characters wider than its reading ("(I" over a smear seven characters wide).
            WordKind.Lexicon when secondReadLine && word.Readings is [_, { Text.Length: 0 }] && word.Confidence < options.NeighbourBelow
                && (WordPlausibility.Core(word.Text).Count(char.IsLetter) >= 2 || word.Box.Width >= (word.Text.Length + 3) * charWidth)
                && ink is not null && ink.IsSmudged(word.Ink) => true,
            // Nor does a short word of the list read unsurely from a smudge three characters and more wider than
            // either engine's reading ("si" over a smear seven wide): the engines read a fragment of what is there.
            WordKind.Lexicon when word.Confidence < options.NeighbourBelow && ink is not null && ink.IsSmudged(word.Ink) && ReadsAFragment(word, lexicon, charWidth) => true,
            WordKind.Garbage => word.Confidence < options.GarbageBelow,
            WordKind.Unknown => word.Confidence < options.UnknownBelow,
            WordKind.Name or WordKind.NearWord => word.Confidence < options.NameBelow,
            // A figure read from a smear far wider than it, where both recognisers, unsure, read different things ("[5"
            // and "mm!" over eight characters): a fragment of lost words, not a worn figure.
            WordKind.Number => ReadApartUnsurely(word, options) && ReadsAFragment(word, lexicon, charWidth),
            _ => false,
        };

    /// <summary>Two recognisers each read something there, neither surely, and not the same thing.</summary>
    private static bool ReadApartUnsurely(Word word, IllegibilityOptions options) =>
        word.Readings is [{ Text.Length: > 0 } first, { Text.Length: > 0 } second] && !word.ReadAlike
        && first.Confidence < options.NeighbourBelow && second.Confidence < options.NeighbourBelow;

    /// <summary>
    /// Weak readings between two unreadable runs of a line ("[ILLEGIBLE] sean 8 [ILLEGIBLE]" under a water stain along
    /// the line's end) are guesses at the same damage, whatever their ink: the run is one, and so is its marker.
    /// </summary>
    private static void BridgeWeakReadings(List<Word> words, bool[] unreadable, IllegibilityOptions options)
    {
        int last = -1;
        for (int i = 0; i < words.Count; i++)
        {
            if (!unreadable[i]) continue;
            if (last >= 0 && i - last > 1 && Enumerable.Range(last + 1, i - last - 1).All(k => words[k].Confidence < options.NeighbourBelow))
                Array.Fill(unreadable, true, last + 1, i - last - 1);
            last = i;
        }
    }

    private static void GrowIntoWeakNeighbours(List<Word> words, bool[] unreadable, bool[] damaged, IllegibilityOptions options)
    {
        for (bool grown = true; grown;)
        {
            grown = false;
            for (int i = 0; i < words.Count; i++)
            {
                if (unreadable[i] || !damaged[i] || words[i].Confidence >= options.NeighbourBelow) continue;
                if ((i > 0 && unreadable[i - 1]) || (i + 1 < words.Count && unreadable[i + 1]))
                    unreadable[i] = grown = true;
            }
        }
    }
}
