using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Cleanup;

/// <summary>Settings of <see cref="OcrConfusionRule"/>.</summary>
public sealed record OcrConfusionOptions
{
    public static OcrConfusionOptions Default { get; } = new();

    /// <summary>How many character swaps a correction may need (<c>"Sltuation"</c> needs one: the case of 'S' is free).</summary>
    public int MaxEdits { get; init; } = 2;

    /// <summary>
    /// Lowercase a capital 'S' that starts a known word inside a sentence (<c>"the Some"</c> to <c>"the some"</c>),
    /// and allow correcting unknown words that start with a capital 'S' inside a sentence (<c>"Sltuation"</c>).
    /// </summary>
    public bool SentenceInternalCapitalS { get; init; } = true;

    /// <summary>
    /// A collection's own confusions, learned from its reviewers' corrections (<see cref="LearnedConfusions"/>): a
    /// typewriter's weak key that leaves a letter out (<c>"" → "s"</c>), a bent one read as another letter. Each costs
    /// one swap, as the built-in ones do.
    /// </summary>
    public IReadOnlyList<Confusion> Learned { get; init; } = [];

    /// <summary>A collection's misreadings of whole words, with the word its reviewers typed for each (<see cref="LearnedConfusions.ReadingsOf"/>).</summary>
    public IReadOnlyDictionary<string, string> LearnedReadings { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>
/// The words around a word, as recognised: the word before (<c>null</c> at the start of the text, which counts as a
/// sentence start), the one after, and the one before the previous.
/// </summary>
public readonly record struct WordContext(string? Previous = null, string? Next = null, string? BeforePrevious = null)
{
    /// <summary>The previous word ends with '.', '!', '?' or ':' (closing quotes and brackets aside), or there is none.</summary>
    public bool IsSentenceStart => WordParts.EndsSentence(Previous);
}

/// <summary>
/// Rule 2: undoes typical typewriter OCR confusions, only where it is safe. A word that is not in the lexicon becomes
/// the single lexicon word reachable by at most <see cref="OcrConfusionOptions.MaxEdits"/> swaps: '1' to 'l' or 'i',
/// 'l' and 'i' either way, '0' to 'o', "rn" to "m", "vv" to "w", '@' to 'e' or 'a' (a filled-in bowl), 'o' to 'c' in words of
/// four letters or more (a worn 'c'), a doubled "sS"/"Ss" to "s"; letter case is free, so a
/// wrongly capital 'S' (or 'I', 'O') inside a word costs nothing (<c>"alsSo"</c>, <c>"1S"</c>, <c>"Sltuation"</c>).
/// A known word with a stray capital S, I or O inside (<c>"JapaneSe"</c>, <c>"diStance"</c>, <c>"aS"</c>) gets its
/// ordinary case. When two candidates tie, a very common short word wins (<c>"is"</c> over <c>"ls"</c>); otherwise
/// nothing changes. "c." is never read as 'e'.
/// </summary>
/// <remarks>
/// <para>Never changed: numbers and codes (a word with two or more digits, any digit other than 0 and 1, or characters
/// other than letters, digits, apostrophes and hyphens inside: <c>"1116."</c>, <c>"851G.01/6-3049"</c>, <c>"10th"</c>),
/// the marker, words in the lexicon with ordinary case, and proper names: capitalised words inside a sentence that are
/// not in the lexicon (<c>"Szepingkai"</c>). A word read in lowercase only becomes an ordinary word (an entry written in
/// lowercase), never a name (<c>"cld"</c> stays, though <c>"Cid"</c> is an entry). In an all-capitals word only digits
/// and lowercase letters are suspect (<c>"T0P"</c> to <c>"TOP"</c>, but the acronym <c>"OWI"</c> is not <c>"OWL"</c>).</para>
/// <para>Capital 'S' inside a sentence: typewriter OCR often reads 's' as 'S', so such a word becomes lowercase
/// (<c>"the Some"</c> to <c>"the some"</c>, <c>"rainy Sltuation"</c> to <c>"rainy situation"</c>) when the previous word
/// starts with a lowercase letter and does not end a sentence, the next word is not capitalised (<c>"South
/// Manchurian"</c>), it does not follow "of"/"and" after a capitalised word (<c>"Secretary of State"</c>), the lowercase
/// form is an ordinary word and the capitalised form is not an entry itself (<c>"Senate"</c>). Legitimate capitals that
/// pass all of this (a surname like <c>"Service"</c>, <c>"to State and Army"</c>) need a capitalised entry in the
/// lexicon's domain list. Each word's context is the recognised text around it, across line ends when whole lines are
/// given.</para>
/// </remarks>
public static partial class OcrConfusionRule
{
    private static readonly HashSet<string> CommonShortWords = new(StringComparer.Ordinal)
    {
        "a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no",
        "of", "on", "or", "so", "to", "up", "us", "we", "all", "and", "are", "but", "for", "had", "has", "his", "its",
        "not", "off", "one", "our", "the", "was", "who", "will", "with", "this", "that", "also", "into", "only",
    };

    /// <summary>
    /// The confusions, each allowed in words of at least MinLength characters. A worn 'c' whose gap fills with ink reads
    /// as 'o' ("oamp", "whioh", "dootor"); 'o' is so common that in short words the swap finds words never typed
    /// ("oon" is not "con").
    /// </summary>
    private static readonly (string From, string To, int MinLength)[] Swaps =
    [
        ("1", "l", 0), ("1", "i", 0), ("l", "i", 0), ("i", "l", 0), ("0", "o", 0), ("rn", "m", 0), ("vv", "w", 0), ("@", "e", 0), ("@", "a", 0),
        ("o", "c", 4),
    ];

    /// <summary>Whether the confusion is one of the built-in ones, which a collection need not learn.</summary>
    public static bool IsBuiltIn(Confusion confusion) => Swaps.Any(s => s.From == confusion.From && s.To == confusion.To);

    private enum CaseStyle { Lower, Capital, Upper }

    /// <summary>The corrected text of one word in its context (unchanged when no safe correction exists).</summary>
    public static string CorrectWord(string word, Lexicon lexicon, WordContext context = default, OcrConfusionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(lexicon);
        options ??= OcrConfusionOptions.Default;
        var (lead, core, trail) = WordParts.Of(word);
        if (options.LearnedReadings.TryGetValue(core, out var reviewed) && !word.Contains(IllegibleMarkerRule.Marker, StringComparison.OrdinalIgnoreCase))
        {
            return lead + reviewed + trail;
        }
        if (core.Length == 0 || IsProtected(word, core) || StartsWithGluedSymbol(lead))
        {
            return word;
        }
        var style = StyleOf(core, context);
        bool capitalInsideSentence = style != CaseStyle.Upper && char.IsUpper(core[0]) && !context.IsSentenceStart;
        bool capitalSMayBeLower = capitalInsideSentence && core[0] == 'S' && options.SentenceInternalCapitalS
            && CapitalSContextAllowsLowercase(context);

        if (lexicon.Contains(word))
        {
            if (HasOrdinaryCase(core) || lexicon.ContainsExactCase(word))
            {
                return capitalSMayBeLower && IsOrdinaryWordWithCapitalS(core, lexicon) ? lead + core.ToLowerInvariant() + trail : word;
            }
            if (!StrayCapitalsAreConfusable(core))
            {
                return word;
            }
            var lowered = core.ToLowerInvariant();
            if (capitalInsideSentence)
            {
                // "the JapaneSe", "United StateS": the first capital stays unless it is an 'S' that may be lowercased.
                return lead + (capitalSMayBeLower && IsOrdinaryWordWithCapitalS(Capitalise(lowered), lexicon) ? lowered : Capitalise(lowered)) + trail;
            }
            return lead + Recase(lowered, style, lexicon) + trail;
        }

        if (capitalInsideSentence && !capitalSMayBeLower)
        {
            return word; // a proper name
        }
        // A word read in lowercase, or a capital S taken for 's', can only be an ordinary word: "cld" is not "Cid".
        bool ordinaryOnly = style == CaseStyle.Lower || capitalInsideSentence;
        var best = BestCandidate(core, lexicon, options.MaxEdits, ordinaryOnly, capitalsAreRight: style == CaseStyle.Upper, options.Learned);
        return best is null ? word : lead + Recase(best, style, lexicon) + trail;
    }

    /// <summary>The line with its words corrected; <paramref name="previousWord"/> and <paramref name="nextWord"/> are the neighbouring lines' words, if any.</summary>
    public static Line Correct(Line line, Lexicon lexicon, OcrConfusionOptions? options = null, string? previousWord = null, string? nextWord = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(lexicon);
        var texts = new List<string?>();
        texts.Add(previousWord);
        texts.AddRange(line.Words.Select(w => w.Text));
        texts.Add(nextWord);
        var corrected = CorrectSequence(texts, 1, line.Words.Count, lexicon, options);
        return Rebuild(line, corrected, 0);
    }

    /// <summary>Lines in reading order, corrected with each line's neighbours as context across line ends.</summary>
    public static IReadOnlyList<Line> Correct(IReadOnlyList<Line> lines, Lexicon lexicon, OcrConfusionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(lexicon);
        var texts = new List<string?> { null };
        texts.AddRange(lines.SelectMany(l => l.Words).Select(w => w.Text));
        texts.Add(null);
        var corrected = CorrectSequence(texts, 1, texts.Count - 2, lexicon, options);
        var result = new List<Line>(lines.Count);
        int offset = 0;
        foreach (var line in lines)
        {
            result.Add(Rebuild(line, corrected, offset));
            offset += line.Words.Count;
        }
        return result;
    }

    private static List<string> CorrectSequence(List<string?> texts, int first, int count, Lexicon lexicon, OcrConfusionOptions? options)
    {
        var corrected = new List<string>(count);
        for (int i = first; i < first + count; i++)
        {
            // Either half of a word broken at a line end is no word to look up ("al-" is not a misread "ai"):
            // the joined word is judged whole, by the dehyphenation.
            if (WordParts.EndsInBreak(texts[i]) || WordParts.EndsInBreak(texts[i - 1]))
            {
                corrected.Add(texts[i]!);
                continue;
            }
            var context = new WordContext(texts[i - 1], texts[i + 1], i >= 2 ? texts[i - 2] : null);
            corrected.Add(CorrectWord(texts[i]!, lexicon, context, options));
        }
        return corrected;
    }

    /// <summary>
    /// A symbol glued to the letters ("£lle", "§tat") is a misread letter of the word, not punctuation before it:
    /// the letters after it are a fragment, and "correcting" them ("£Lie") only moves further from what was typed.
    /// </summary>
    private static bool StartsWithGluedSymbol(string lead) =>
        lead.Length > 0 && char.GetUnicodeCategory(lead[^1]) is UnicodeCategory.CurrencySymbol or UnicodeCategory.MathSymbol
            or UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol;

    private static Line Rebuild(Line line, List<string> corrected, int offset)
    {
        bool changed = false;
        var words = new List<Word>(line.Words.Count);
        for (int i = 0; i < line.Words.Count; i++)
        {
            var word = line.Words[i];
            var text = corrected[offset + i];
            if (text == word.Text)
            {
                words.Add(word);
            }
            else
            {
                words.Add(word with { Text = text });
                changed = true;
            }
        }
        return changed ? line with { Words = words } : line;
    }

    private static bool IsProtected(string word, string core)
    {
        if (word.Contains(IllegibleMarkerRule.Marker, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (core.Any(c => !char.IsLetterOrDigit(c) && c is not ('\'' or '\u2019' or '-' or '@')))
        {
            return true;
        }
        int digits = core.Count(char.IsDigit);
        if (digits == 0)
        {
            return false;
        }
        return digits >= 2
            || digits == core.Count(char.IsLetterOrDigit)
            || core.Any(c => char.IsDigit(c) && c is not ('0' or '1'))
            || Ordinal().IsMatch(core);
    }

    [GeneratedRegex(@"^\d+(st|nd|rd|th|d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ordinal();

    /// <summary>Lowercase, Capitalised or ALL CAPS, per hyphen or apostrophe part.</summary>
    private static bool HasOrdinaryCase(string core)
    {
        var letters = new string(core.Where(char.IsLetter).ToArray());
        if (!letters.Any(char.IsLower))
        {
            return true;
        }
        foreach (var part in core.Split('-', '\'', '\u2019'))
        {
            var partLetters = part.Where(char.IsLetter).ToList();
            if (partLetters.Skip(1).Any(char.IsUpper))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Every capital after the first letter of its part is S, I or O (which typewriter OCR confuses with their lowercase).</summary>
    private static bool StrayCapitalsAreConfusable(string core)
    {
        foreach (var part in core.Split('-', '\'', '\u2019'))
        {
            if (part.Skip(1).Any(c => char.IsUpper(c) && c is not ('S' or 'I' or 'O')))
            {
                return false;
            }
        }
        return true;
    }

    private static CaseStyle StyleOf(string core, WordContext context)
    {
        // 'l' is no evidence of lowercase: it is often a misread 'I' in capitals.
        bool hasLower = core.Any(c => char.IsLower(c) && c != 'l');
        bool hasDefiniteUpper = core.Any(c => char.IsUpper(c) && c is not ('S' or 'I' or 'O'));
        if (!hasLower)
        {
            if (hasDefiniteUpper)
            {
                return CaseStyle.Upper;
            }
            if (WordParts.IsAllCaps(context.Previous) || WordParts.IsAllCaps(context.Next))
            {
                return CaseStyle.Upper;
            }
            return context.IsSentenceStart ? CaseStyle.Capital : CaseStyle.Lower;
        }
        char first = core[0];
        if (first is 'S' or 'I' or 'O' or 'l' or '1' or '0')
        {
            return context.IsSentenceStart ? CaseStyle.Capital : CaseStyle.Lower;
        }
        return char.IsUpper(first) ? CaseStyle.Capital : CaseStyle.Lower;
    }

    private static string Recase(string lower, CaseStyle style, Lexicon lexicon)
    {
        if (style == CaseStyle.Upper)
        {
            return lower.ToUpperInvariant();
        }
        if (style == CaseStyle.Capital || !lexicon.IsCommonWord(lower))
        {
            return Capitalise(lower);
        }
        return lower;
    }

    private static string Capitalise(string lower) => char.ToUpperInvariant(lower[0]) + lower[1..];

    /// <summary>A running sentence around the word: the previous word starts lowercase, the next is not capitalised, no "X of".</summary>
    private static bool CapitalSContextAllowsLowercase(WordContext context)
    {
        if (context.IsSentenceStart || !WordParts.StartsLower(context.Previous) || WordParts.StartsUpper(context.Next))
        {
            return false;
        }
        // "Secretary of State", "Department of State and ...": a title.
        return !(context.Previous is "of" or "and" && WordParts.StartsUpper(context.BeforePrevious)
            && !WordParts.EndsSentence(context.BeforePrevious));
    }

    /// <summary>"Some": capital S then lowercase letters, an ordinary word, and not itself an entry with the capital ("Senate").</summary>
    private static bool IsOrdinaryWordWithCapitalS(string core, Lexicon lexicon) =>
        core.Length >= 2 && core[0] == 'S' && core.Skip(1).All(char.IsLower)
        && lexicon.IsCommonWord(core) && !lexicon.ContainsExactCase(core);

    /// <param name="capitalsAreRight">In an all-capitals word only digits and lowercase letters are suspect: "OWI" is not "OWL".</param>
    private static string? BestCandidate(string core, Lexicon lexicon, int maxEdits, bool ordinaryOnly, bool capitalsAreRight, IReadOnlyList<Confusion> learned)
    {
        var lower = core.ToLowerInvariant();
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var search = new Search(core, lower, maxEdits, capitalsAreRight,
            candidate => lexicon.Contains(candidate) && (!ordinaryOnly || lexicon.IsCommonWord(candidate)), found, learned);
        search.Generate(0, 0, new StringBuilder(lower.Length));
        if (found.Count == 0)
        {
            return null;
        }
        int least = found.Values.Min();
        var best = found.Where(kv => kv.Value == least).Select(kv => kv.Key).ToList();
        if (best.Count == 1)
        {
            return best[0];
        }
        var common = best.Where(CommonShortWords.Contains).ToList();
        return common.Count == 1 ? common[0] : null;
    }

    private sealed record Search(
        string Original, string Lower, int MaxEdits, bool CapitalsAreRight, Func<string, bool> Accept, Dictionary<string, int> Found,
        IReadOnlyList<Confusion> Learned)
    {
        public void Generate(int index, int cost, StringBuilder built)
        {
            int mark = built.Length;
            // A letter the collection's typewriter leaves out goes in before the next one, or at the end.
            if (cost < MaxEdits)
            {
                foreach (var (from, to) in Learned)
                {
                    if (from.Length > 0)
                    {
                        continue;
                    }
                    built.Append(to);
                    Generate(index, cost + 1, built);
                    built.Length = mark;
                }
            }
            if (index == Lower.Length)
            {
                var candidate = built.ToString();
                if (cost > 0 && (!Found.TryGetValue(candidate, out var known) || cost < known) && Accept(candidate))
                {
                    Found[candidate] = cost;
                }
                return;
            }
            built.Append(Lower[index]);
            Generate(index + 1, cost, built);
            built.Length = mark;
            if (cost >= MaxEdits)
            {
                return;
            }
            foreach (var (from, to, minLength) in Swaps)
            {
                if (Lower.Length >= minLength && string.CompareOrdinal(Lower, index, from, 0, from.Length) == 0 && MaySwap(index, from.Length))
                {
                    built.Append(to);
                    Generate(index + from.Length, cost + 1, built);
                    built.Length = mark;
                }
            }
            foreach (var (from, to) in Learned)
            {
                if (from.Length > 0 && string.CompareOrdinal(Lower, index, from, 0, from.Length) == 0 && MaySwap(index, from.Length))
                {
                    built.Append(to);
                    Generate(index + from.Length, cost + 1, built);
                    built.Length = mark;
                }
            }
            // One glyph read twice, once in each case: "alsSo".
            if (index + 1 < Original.Length && Original[index] is 's' or 'S' && Original[index + 1] is 's' or 'S'
                && Original[index] != Original[index + 1])
            {
                built.Append('s');
                Generate(index + 2, cost + 1, built);
                built.Length = mark;
            }
        }

        private bool MaySwap(int index, int length)
        {
            if (!CapitalsAreRight)
            {
                return true;
            }
            for (int i = index; i < index + length; i++)
            {
                if (char.IsUpper(Original[i]))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
