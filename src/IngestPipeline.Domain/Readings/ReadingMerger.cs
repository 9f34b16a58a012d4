using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Evaluation;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Readings;

/// <summary>
/// Combines two recognisers' readings of a page word by word. Tesseract's layout gives the lines and words; the second
/// recogniser (PP-OCR) reads each line, and its characters are given to Tesseract's words by an edit-distance
/// alignment of the two lines' characters (case aside), a character the alignment leaves between two words going to
/// the nearer word on the page. A speck only Tesseract saw, unsurely, is dropped. Then, per word: an agreed reading stands; a word with a letter the second recogniser
/// cannot write (ß, ô) keeps Tesseract's; a number wins over a reading that makes letters of its 1s and 0s; otherwise
/// a reading without symbols no typewriter had (and symbols over Chinese characters), then the more plausible reading
/// (a known word or number, then one slip from a known word, then a name, an unknown word or a mark, then garbage),
/// then the one whose letters fit the word's width, and between two alike the one whose engine is surer relative to
/// its own confidences on the page, shifted by how well each engine reads this page. The two engines fail differently
/// (docs/recognition.md), so the errors left are mostly where both fail. Settings were chosen on the dev and real
/// sets together.
/// </summary>
public sealed class ReadingMerger(Lexicon? lexicon, Func<char, bool> secondCanWrite)
{
    private readonly Lexicon _lexicon = lexicon ?? new Lexicon([]);

    public const string Tesseract = "tesseract";
    public const string PaddleOcr = "pp-ocr";

    /// <summary>
    /// The page's blocks with each word chosen from the two readings. <paramref name="readSecond"/> gives the second
    /// reading of a line, or null where the line was not read again (its words stay as Tesseract read them).
    /// </summary>
    public IReadOnlyList<Block> Merge(IReadOnlyList<Block> blocks, Func<Line, IReadOnlyList<ReadCharacter>?> readSecond) =>
        MergeEach(blocks, readSecond).Select(block => block with { Lines = block.Lines.Where(line => line.Words.Count > 0).ToList() })
            .Where(block => block.Lines.Count > 0).ToList();

    /// <summary>
    /// The lines with each word chosen from the two readings where <paramref name="readSecond"/> gives a line's second
    /// reading, each line kept in place (as read, or with every word dropped as a speck), so that lines split into
    /// <see cref="Stretches"/> can be joined again.
    /// </summary>
    public IReadOnlyList<Line> MergeStretches(IReadOnlyList<Line> stretches, Func<Line, IReadOnlyList<ReadCharacter>?> readSecond) =>
        MergeEach([new Block(BoundingBox.Union(stretches.Select(s => s.Box)), stretches)], readSecond, sameWords: true)[0].Lines;

    /// <summary>
    /// A line cut into stretches of words: each doubtful word (see <see cref="IsDoubtful"/>) with
    /// <see cref="StretchContext"/> words either side, and the sure words between. Only the doubtful stretches need a
    /// second reading; on real pages most lines hold a doubtful word, but most of their words are sure.
    /// </summary>
    public IReadOnlyList<Line> Stretches(Line line)
    {
        var doubtful = line.Words.Select(IsDoubtful).ToArray();
        var near = line.Words.Select((_, i) => Enumerable.Range(i - StretchContext, 2 * StretchContext + 1).Any(j => j >= 0 && j < doubtful.Length && doubtful[j])).ToArray();
        var stretches = new List<Line>();
        for (int i = 0; i < line.Words.Count;)
        {
            int end = i;
            while (end + 1 < line.Words.Count && near[end + 1] == near[i]) end++;
            var words = line.Words.Skip(i).Take(end - i + 1).ToList();
            stretches.Add(new Line(BoundingBox.Union(words.Select(w => w.Box)), words));
            i = end + 1;
        }
        return stretches;
    }

    /// <summary>Sure words read again beside a doubtful one: the second recogniser reads a word better within its neighbours.</summary>
    public const int StretchContext = 2;

    private List<Block> MergeEach(IReadOnlyList<Block> blocks, Func<Line, IReadOnlyList<ReadCharacter>?> readSecond, bool sameWords = false)
    {
        var seconds = blocks.Select(b => b.Lines.Select(l => readSecond(l) is { } read ? Assign(l, read) : null).ToList()).ToList();
        var readWords = blocks.SelectMany((block, b) => block.Lines.SelectMany((line, l) => seconds[b][l] is { } read
            ? line.Words.Select((word, w) => (word.Text, word.Confidence, Second: read[w])) : [])).ToList();
        // Where only stretches of doubtful words were read again, both engines are ranked on the words both read: the
        // second's confidences there are low for the stretch, not for the engine.
        var first = new Ranks(sameWords ? readWords.Select(p => p.Confidence) : blocks.SelectMany(b => b.Lines).SelectMany(l => l.Words).Select(w => w.Confidence));
        var second = new Ranks(readWords.Where(p => p.Second.Text.Length > 0).Select(p => p.Second.Confidence));
        double bias = SecondBetterBy(readWords.Select(p => (p.Text, p.Second.Text)).ToList());
        return blocks.Select((block, b) => block with
        {
            Lines = block.Lines.Select((line, l) => seconds[b][l] is not { } read ? line : line with
            {
                Words = line.Words.Select((word, w) => (word, other: read[w]))
                    .Where((_, w) => !IsStray(line, read, w))
                    .Select(p => Choose(p.word, p.other, first, second, bias, DamageMarker.CharWidth(line))).ToList(),
            }).ToList(),
        }).ToList();
    }

    /// <summary>
    /// Whether a line is worth a second reading when only doubtful lines are read again: a word Tesseract is not sure
    /// of, or one that is neither a known word nor a number.
    /// </summary>
    public bool IsDoubtful(Line line) => line.Words.Any(IsDoubtful);

    private bool IsDoubtful(Word word) => word.Confidence < SureConfidence
        || (word.Text.Any(char.IsLetter) && WordPlausibility.Classify(word.Text, _lexicon) is not (WordKind.Lexicon or WordKind.Number));

    /// <summary>Tesseract's confidence from which a known word is taken as read (docs/recognition.md has the figures).</summary>
    public const float SureConfidence = 90;

    /// <summary>
    /// A word where the second recogniser read nothing at all is dropped as a speck when Tesseract is less sure of it
    /// than this, it is narrower than a typed character, and no word beside it is unseen and unsure too. What one
    /// engine alone reads unsurely in less than a character's width is dirt; anything larger, or a run of such words,
    /// may be a damaged stretch the illegibility decision must see.
    /// </summary>
    public const float UnseenKeptFrom = 50;

    private static bool IsStray(Line line, Reading[] seconds, int w)
    {
        // A reading of Chinese characters or symbols alone is the second engine seeing no Latin text there.
        bool Unseen(int i) => i >= 0 && i < line.Words.Count && line.Words[i].Confidence < UnseenKeptFrom
            && (seconds[i].Text.Length == 0 || seconds[i].Text.All(c => WordPlausibility.HasForeignSymbols(c.ToString())));
        return Unseen(w) && !Unseen(w - 1) && !Unseen(w + 1) && line.Words[w].Box.Width < DamageMarker.CharWidth(line);
    }

    /// <summary>
    /// How much more often the second engine's readings of the page's words are known words or numbers than
    /// Tesseract's (-1 to 1): on a page one engine reads badly (heavy type, a language it was not trained on) its
    /// confidences still rank from 0 to 1, so the page's own evidence shifts the balance.
    /// </summary>
    private double SecondBetterBy(List<(string First, string Second)> pairs)
    {
        var read = pairs.Where(p => p.Second.Length > 0 && p.First.Any(char.IsLetter)).ToList();
        if (read.Count == 0) return 0;
        return read.Average(p => (IsKnown(p.Second) ? 1.0 : 0) - (IsKnown(p.First) ? 1 : 0));
    }

    private bool IsKnown(string word) => WordPlausibility.Classify(word, _lexicon) is WordKind.Lexicon or WordKind.Number;

    /// <summary>
    /// The chosen word, with a confidence on Tesseract's scale (what later steps are tuned to). An agreed word keeps
    /// Tesseract's (agreement is evidence of its own: <see cref="Word.ReadAlike"/>); a word only the second reading
    /// made plausible takes the Tesseract confidence that stands at the second's rank on the page; where only the
    /// engines' confidences decided between two readings equally plausible, both engines are unsure of the stretch
    /// and it gets the lower of the two.
    /// </summary>
    private Word Choose(Word word, Reading other, Ranks first, Ranks second, double bias, double charWidth)
    {
        var readings = new[] { new EngineReading(Tesseract, word.Text, word.Confidence), new EngineReading(PaddleOcr, other.Text, other.Confidence) };
        double otherRank = second.Of(other.Confidence);
        var choice = Decide(word.Text, first.Of(word.Confidence), other.Text, otherRank + bias, word.Box.Width / charWidth);
        float otherOnFirstScale = first.At(otherRank);
        float confidence = other.Text.Length == 0 || other.Text.Equals(word.Text, StringComparison.OrdinalIgnoreCase) ? word.Confidence
            : choice.ByConfidence ? Math.Min(word.Confidence, otherOnFirstScale)
            : choice.Text == word.Text ? word.Confidence : otherOnFirstScale;
        return word with { Text = choice.Text, Confidence = confidence, Readings = readings };
    }

    /// <summary>
    /// Tesseract's reading <paramref name="first"/> or the second's, each with its engine's confidence rank on the page
    /// (0-1); <paramref name="widthInChars"/> is the word's width in typed characters of its line.
    /// </summary>
    public Choice Decide(string first, double firstRank, string second, double secondRank, double widthInChars = double.PositiveInfinity)
    {
        if (second.Length == 0 || second == first) return new(first, false);
        int firstForeign = Foreignness(first), secondForeign = Foreignness(second);
        if (firstForeign == 0 && first.Any(c => char.IsLetter(c) && !secondCanWrite(c))) return new(first, false);
        if (IsNumber(first) && ReadsDigitsAsLetters(second, first)) return new(first, false);
        if (IsNumber(second) && ReadsDigitsAsLetters(first, second)) return new(second, false);
        if (firstForeign != secondForeign) return new(firstForeign > secondForeign ? second : first, false);
        int firstKind = Plausibility(first), secondKind = Plausibility(second);
        if (firstKind != secondKind) return new(firstKind > secondKind ? first : second, false);
        bool firstFits = Fits(first, widthInChars), secondFits = Fits(second, widthInChars);
        if (firstFits != secondFits) return new(firstFits ? first : second, false);
        return new(secondRank > firstRank ? second : first, true);
    }

    /// <summary>
    /// Whether a reading's letters and digits fit the word's width: a typewriter gives each character the same step, so
    /// n of them take nearly n steps, and more than one beyond the width ("ae" in less than one step, over a full stop)
    /// are a speck or a mark read as letters.
    /// </summary>
    private static bool Fits(string reading, double widthInChars) => reading.Count(char.IsLetterOrDigit) <= widthInChars + 1;

    /// <summary>
    /// A known word or number 3, one slip from a known word 2, a name, an unknown word or punctuation alone 1, garbage 0.
    /// A single letter counts as unknown: word lists hold every letter, and both engines read a blot as one. A mark
    /// alone is as likely as a short unknown word: worn type turns a full stop into "ae" as often as a speck into ".".
    /// </summary>
    private int Plausibility(string word) => WordPlausibility.Classify(word, _lexicon) switch
    {
        WordKind.Lexicon when WordPlausibility.Core(word).Length == 1 => 1,
        WordKind.Lexicon or WordKind.Number => 3,
        WordKind.NearWord => 2,
        WordKind.Name or WordKind.Unknown or WordKind.Punctuation => 1,
        _ => 0,
    };

    /// <summary>
    /// 0 for a reading a typewriter could have made, 1 with symbols no typewriter had (#, |, =), 2 with a Chinese
    /// character: on a Latin page the last is never right, while a symbol may be a misread mark of the typing.
    /// A reading with such symbols is no evidence about letters the second engine cannot write either.
    /// </summary>
    private static int Foreignness(string word) =>
        WordPlausibility.HasChinese(word) ? 2 : WordPlausibility.HasForeignSymbols(word) ? 1 : 0;

    /// <summary>The reading chosen, and whether only the engines' confidences decided it (the two were equally plausible).</summary>
    public readonly record struct Choice(string Text, bool ByConfidence);

    /// <summary>Digits and the marks inside numbers (1,250 / 12.5 / 3/4 / 1942-43), with at least one digit.</summary>
    private static bool IsNumber(string word)
    {
        var core = WordParts.Of(word).Core;
        return core.Length > 0 && core.Any(char.IsDigit) && core.All(c => char.IsDigit(c) || c is ',' or '.' or '/' or '-' or ':');
    }

    /// <summary>Whether <paramref name="reading"/> is <paramref name="number"/> with some digits read as the letters they resemble.</summary>
    private static bool ReadsDigitsAsLetters(string reading, string number)
    {
        if (reading.Length != number.Length) return false;
        bool letters = false;
        for (int i = 0; i < reading.Length; i++)
        {
            if (reading[i] == number[i]) continue;
            if (!LooksLike(number[i], reading[i])) return false;
            letters = true;
        }
        return letters;
    }

    private static bool LooksLike(char digit, char letter) => (digit, letter) switch
    {
        ('1', 'l' or 'I' or 'i' or '|') => true,
        ('0', 'o' or 'O') => true,
        ('5', 'S' or 's') => true,
        ('8', 'B') => true,
        _ => false,
    };

    /// <summary>
    /// The second reading's characters given to the line's words: each character the alignment pairs with a word's
    /// character belongs to that word; one paired with a space or left over goes to the nearer of the words beside it.
    /// </summary>
    public static Reading[] Assign(Line line, IReadOnlyList<ReadCharacter> characters)
    {
        var owner = new List<int>();
        var symbols = new List<int>();
        for (int w = 0; w < line.Words.Count; w++)
        {
            if (w > 0)
            {
                symbols.Add(' ');
                owner.Add(-1);
            }
            foreach (char c in line.Words[w].Text)
            {
                symbols.Add(char.ToLowerInvariant(c));
                owner.Add(w);
            }
        }
        var read = characters.Select(c => c.Text.Length == 0 ? 0 : (int)char.ToLowerInvariant(c.Text[0])).ToArray();
        var alignment = Levenshtein.Align(symbols.ToArray(), read);

        var texts = line.Words.Select(_ => new List<ReadCharacter>()).ToArray();
        int lastFirst = -1;
        foreach (var step in alignment.Steps)
        {
            if (step.Reference >= 0) lastFirst = step.Reference;
            if (step.Hypothesis < 0) continue;
            var character = characters[step.Hypothesis];
            if (character.IsSpace) continue;
            int word = step.Reference >= 0 && owner[step.Reference] >= 0
                ? owner[step.Reference]
                : Nearer(line, character, WordBefore(owner, step.Reference >= 0 ? step.Reference : lastFirst), WordAfter(owner, step.Reference >= 0 ? step.Reference : lastFirst + 1));
            if (word >= 0) texts[word].Add(character);
        }
        return texts.Select(t => new Reading(string.Concat(t.Select(c => c.Text)), t.Count == 0 ? 0 : 100 * t.Average(c => c.Probability))).ToArray();
    }

    private static int WordBefore(List<int> owner, int index)
    {
        for (int i = Math.Min(index, owner.Count - 1); i >= 0; i--)
            if (owner[i] >= 0) return owner[i];
        return -1;
    }

    private static int WordAfter(List<int> owner, int index)
    {
        for (int i = Math.Max(index, 0); i < owner.Count; i++)
            if (owner[i] >= 0) return owner[i];
        return -1;
    }

    /// <summary>
    /// The word beside the character nearer to it on the page; none when it lies more than a line's height beyond the
    /// line's first or last word (something only the second recogniser saw there).
    /// </summary>
    private static int Nearer(Line line, ReadCharacter character, int before, int after)
    {
        double Distance(int w) => w < 0 ? double.MaxValue
            : Math.Max(0, Math.Max(line.Words[w].Box.Left - character.Center, character.Center - line.Words[w].Box.Right));
        int word = Distance(before) <= Distance(after) ? before : after;
        return word >= 0 && Distance(word) <= line.Box.Height ? word : -1;
    }

    /// <summary>Where a confidence stands among one engine's confidences on the page: the share below it (ties count half).</summary>
    private sealed class Ranks(IEnumerable<float> confidences)
    {
        private readonly float[] _sorted = [.. confidences.Order()];

        public double Of(float confidence)
        {
            if (_sorted.Length == 0) return 0.5;
            int below = 0, equal = 0;
            foreach (var c in _sorted)
            {
                if (c < confidence) below++;
                else if (c == confidence) equal++;
            }
            return (below + equal / 2.0) / _sorted.Length;
        }

        /// <summary>The confidence at a rank (0-1) among these.</summary>
        public float At(double rank) =>
            _sorted.Length == 0 ? 0 : _sorted[Math.Clamp((int)Math.Round(rank * (_sorted.Length - 1)), 0, _sorted.Length - 1)];
    }
}
