using System.Text;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Cleanup;

/// <summary>Which typographic characters <see cref="TypewriterCharacterRule"/> replaces; everything is on by default.</summary>
public sealed record TypewriterCharacterOptions
{
    public static TypewriterCharacterOptions Default { get; } = new();

    /// <summary>Curly and low quotes and primes to <c>'</c> and <c>"</c>.</summary>
    public bool Quotes { get; init; } = true;

    /// <summary>Em dash and horizontal bar to <c>--</c>; en dash, figure dash, Unicode hyphens and minus to <c>-</c>.</summary>
    public bool Dashes { get; init; } = true;

    /// <summary>The ellipsis character to <c>...</c>.</summary>
    public bool Ellipsis { get; init; } = true;

    /// <summary>
    /// No-break and other Unicode spaces to a plain space (then trimmed at a word's ends and collapsed inside it);
    /// zero-width spaces, the byte order mark and soft hyphens removed.
    /// </summary>
    public bool Spaces { get; init; } = true;
}

/// <summary>
/// Rule 4: typographic characters to what a typewriter puts on paper (straight quotes, <c>--</c> for a dash,
/// <c>...</c>). Letters with diacritics and <c>½</c> are typewriter text and are left alone.
/// </summary>
public static class TypewriterCharacterRule
{
    public static string Normalize(string text, TypewriterCharacterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= TypewriterCharacterOptions.Default;
        var result = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            var replacement = Replace(c, options);
            if (replacement is null)
            {
                result.Append(c);
            }
            else
            {
                result.Append(replacement);
            }
        }
        if (options.Spaces)
        {
            return CollapseSpaces(result.ToString());
        }
        return result.ToString();
    }

    /// <summary>
    /// The line with every word normalised; a word left with no text (it was only spaces) is dropped.
    /// Boxes and confidences are kept.
    /// </summary>
    public static Line Normalize(Line line, TypewriterCharacterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = new List<Word>(line.Words.Count);
        bool changed = false;
        foreach (var word in line.Words)
        {
            var text = Normalize(word.Text, options);
            if (text == word.Text)
            {
                words.Add(word);
                continue;
            }
            changed = true;
            if (text.Length > 0)
            {
                words.Add(word with { Text = text });
            }
        }
        return changed ? line with { Words = words } : line;
    }

    private static string? Replace(char c, TypewriterCharacterOptions options)
    {
        if (options.Quotes)
        {
            switch (c)
            {
                case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032':
                    return "'";
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033':
                    return "\"";
            }
        }
        if (options.Dashes)
        {
            switch (c)
            {
                case '\u2014' or '\u2015':
                    return "--";
                case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212':
                    return "-";
            }
        }
        if (options.Ellipsis && c == '\u2026')
        {
            return "...";
        }
        if (options.Spaces)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                return "";
            }
            if (c != ' ' && (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.SpaceSeparator || c == '\t'))
            {
                return " ";
            }
        }
        return null;
    }

    private static string CollapseSpaces(string text)
    {
        if (!text.Contains(' '))
        {
            return text;
        }
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
