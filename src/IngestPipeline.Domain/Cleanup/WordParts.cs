namespace IngestPipeline.Domain.Cleanup;

/// <summary>
/// A recognised word split into leading punctuation, the core (from the first to the last letter or digit) and
/// trailing punctuation: <c>"(Embassy's),"</c> gives <c>"("</c>, <c>"Embassy's"</c>, <c>"),"</c>.
/// </summary>
internal readonly record struct WordParts(string Lead, string Core, string Trail)
{
    public static WordParts Of(string text)
    {
        int start = 0, end = text.Length;
        while (start < end && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }
        while (end > start && !char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }
        return new WordParts(text[..start], text[start..end], text[end..]);
    }

    /// <summary>Whether the word ends in a hyphen after a letter: the first half of a word broken at a line end ("discrimina-").</summary>
    public static bool EndsInBreak(string? word) => word is { Length: >= 2 } && word[^1] == '-' && char.IsLetter(word[^2]);

    /// <summary>
    /// Whether the word ends a sentence (or a heading field like <c>"FROM:"</c>), so the next word may be
    /// capitalised for that reason alone. No word at all (the start of the text) counts as a sentence end.
    /// </summary>
    public static bool EndsSentence(string? word)
    {
        if (word is null)
        {
            return true;
        }
        var trimmed = word.TrimEnd('"', '\'', ')', ']', '\u2019', '\u201D');
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or ':';
    }

    /// <summary>At least two letters and no lowercase letter: a word of an all-capitals heading.</summary>
    public static bool IsAllCaps(string? word) =>
        word is not null && word.Count(char.IsLetter) >= 2 && !word.Any(char.IsLower);

    public static bool StartsLower(string? word)
    {
        if (word is null)
        {
            return false;
        }
        var core = Of(word).Core;
        return core.Length > 0 && char.IsLower(core[0]);
    }

    public static bool StartsUpper(string? word)
    {
        if (word is null)
        {
            return false;
        }
        var core = Of(word).Core;
        return core.Length > 0 && char.IsUpper(core[0]);
    }
}
