using System.Text.RegularExpressions;
using IngestPipeline.Domain.Cleanup;

namespace IngestPipeline.Domain.Illegibility;

/// <summary>
/// Whether a recognised token could be something a typist wrote: a word of the lexicon, a number, a
/// date, an ordinal, a telegram or file number, a code, or a proper name. Garbage that OCR makes of
/// blots and smears (<c>i&gt;</c>, <c>ee@e</c>, <c>HePe¥ee</c>) is none of these.
/// </summary>
public static partial class WordPlausibility
{
    public static WordKind Classify(string token, Lexicon lexicon)
    {
        // Typewriters of the period had no tilde: between letters it is a misread hyphen ("Tsung~nan").
        var core = TildeForHyphen().Replace(Core(token), "-");
        // An editor's insertion typed inside a word ("gendarm[er]ie") is part of the word.
        if (core.Contains('[') && core.Contains(']')) core = core.Replace("[", "").Replace("]", "");
        if (core.Length == 0) return WordKind.Punctuation;
        // "#i%&": the lexicon strips symbols around a word and would find "i"; a typist wrote none of them.
        if (Symbols().IsMatch(token) && Symbols().Replace(token, "").Count(char.IsLetterOrDigit) <= 2) return WordKind.Garbage;
        if (lexicon.Contains(core)) return WordKind.Lexicon;
        if (NumberLike().IsMatch(core) || CodeLike().IsMatch(core)) return WordKind.Number;
        // "in.your", "Kuomintang~Communist", "Pacific,theater": known words run together by a misread mark.
        var parts = core.Split(['-', '/', ',', '~', '.'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1 && parts.All(p => lexicon.Contains(p) || NumberLike().IsMatch(p))) return WordKind.Lexicon;
        bool symbols = Symbols().IsMatch(core) || Tripled().IsMatch(core);
        if (!symbols && IsNearWord(core, lexicon)) return WordKind.NearWord;
        if (symbols || (core.Length >= 4 && core.All(char.IsLetter) && !Vowel().IsMatch(core)))
            return WordKind.Garbage;
        // "PaosShan": a capital inside a word alone is a weak sign; such a token is judged like a name.
        if (CaseChaos().IsMatch(core)) return WordKind.Name;
        if (parts.Length > 0 && parts.All(p => NameLike().IsMatch(p) && Vowel().IsMatch(p))) return WordKind.Name;
        return WordKind.Unknown;
    }

    /// <summary>
    /// One slip away from a lexicon word ("agreemMent", "them8elves", "practitable"): a legible word the
    /// engine misread, not text lost on the page. Only words of five letters or more: short ones are
    /// near everything.
    /// </summary>
    private static bool IsNearWord(string core, Lexicon lexicon)
    {
        var word = core.ToLowerInvariant();
        if (word.Length < 5) return false;
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i <= word.Length; i++)
        {
            foreach (var c in letters)
            {
                if (lexicon.Contains(word.Insert(i, c.ToString()))) return true;
                if (i < word.Length && lexicon.Contains(string.Concat(word.AsSpan(0, i), c.ToString(), word.AsSpan(i + 1)))) return true;
            }
            if (i < word.Length && lexicon.Contains(word.Remove(i, 1))) return true;
            if (i + 1 < word.Length && lexicon.Contains(string.Concat(word.AsSpan(0, i), word[i + 1].ToString(), word[i].ToString(), word.AsSpan(i + 2))))
                return true;
        }
        return false;
    }

    /// <summary>Whether the token holds a symbol no typewriter of the period had (@ # | ~ ¥ …) or a Chinese character.</summary>
    public static bool HasForeignSymbols(string token) => Symbols().IsMatch(token) || HasChinese(token);

    /// <summary>Whether the token holds a CJK character (a second recogniser trained on Chinese reads marks and specks as such).</summary>
    public static bool HasChinese(string token) => token.Any(c => c >= '\u2E80');

    /// <summary>The token without surrounding quotes, brackets and sentence punctuation.</summary>
    public static string Core(string token) => token.Trim('"', '\'', '(', ')', '[', ']', '.', ',', ';', ':', '!', '?', '‘', '’', '“', '”', '-', '—');

    // Symbols a typewriter of the period did not have.
    [GeneratedRegex(@"[@©«»~¥|{}^_=<>*#$§®™¢£€\\°]")]
    private static partial Regex Symbols();

    [GeneratedRegex(@"(?<=\p{L})~(?=\p{L})")]
    private static partial Regex TildeForHyphen();

    [GeneratedRegex(@"(\p{L})\1\1")]
    private static partial Regex Tripled();

    // Lower case then upper case inside a word: "HePe".
    [GeneratedRegex(@"\p{Ll}\p{Lu}")]
    private static partial Regex CaseChaos();

    [GeneratedRegex(@"[aeiouyAEIOUYàâäéèêëîïôöùûüÀÂÄÉÈÊËÎÏÔÖÙÛÜ]")]
    private static partial Regex Vowel();

    // 1116, 4,500, 6:05, 1942, 3d, 22nd, 1940's, 6-3049, ½
    [GeneratedRegex(@"^[0-9½][0-9½,.:/-]*(st|nd|rd|th|d|s|'s)?$")]
    private static partial Regex NumberLike();

    // 851G.01/6-3049, 740.0011, A-1, USSR-2, 110600Z (a date-time group): letters and digits, at least one digit.
    [GeneratedRegex(@"^(?=.*[0-9])([A-Z0-9]+([./-][A-Z0-9]+)+|[0-9]{3,}[A-Z])$")]
    private static partial Regex CodeLike();

    // Szepingkai, Molotov, USSR, GAUSS, Chou, En-lai (parts).
    [GeneratedRegex(@"^(\p{Lu}[\p{Ll}']+|\p{Lu}{2,}|\p{Ll}+)$")]
    private static partial Regex NameLike();
}

public enum WordKind
{
    /// <summary>Only punctuation: a full stop, a dash, a stray mark.</summary>
    Punctuation,
    /// <summary>Characters no typist wrote in that order.</summary>
    Garbage,
    Number,
    Lexicon,
    /// <summary>One slip away from a lexicon word: misread, but legible.</summary>
    NearWord,
    /// <summary>Not in the lexicon, but shaped like a name or an unknown word.</summary>
    Name,
    Unknown,
}
