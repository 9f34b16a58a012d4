namespace IngestPipeline.Domain.Metadata;

/// <summary>
/// Undoes the letter-for-digit confusions of typewriter OCR in places where only a number can stand
/// (a year, a day, an hour, a telegram or file number): 'l', 'I', 'i', '|' for '1' and 'O', 'o' for '0'.
/// Other look-alikes (S/5, B/8) are left alone because file numbers carry real letters ("800.00B").
/// </summary>
internal static class OcrNumbers
{
    public static char? AsDigit(char c) => c switch
    {
        >= '0' and <= '9' => c,
        'l' or 'I' or 'i' or '|' => '1',
        'O' or 'o' => '0',
        _ => null,
    };

    /// <summary>A token that must be all digits: repaired character by character, or null when it is not a number.</summary>
    public static string? Token(string token, out bool repaired)
    {
        repaired = false;
        var digits = new char[token.Length];
        var real = 0;
        for (var i = 0; i < token.Length; i++)
        {
            if (AsDigit(token[i]) is not { } d) return null;
            if (d != token[i]) repaired = true;
            else real++;
            digits[i] = d;
        }
        // A token of look-alike letters only ("Il", "O") is a word, not a damaged number.
        return token.Length == 0 || (real == 0 && token.Length > 1) ? null : new string(digits);
    }

    /// <summary>
    /// Repairs look-alike letters inside a line where they touch a digit and no real letter, e.g. "l942",
    /// "740.OO11" but not "International/309". Repeats so runs of look-alikes ("OO11") are reached.
    /// </summary>
    public static string InLine(string line, out bool repaired)
    {
        var chars = line.ToCharArray();
        repaired = false;
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < chars.Length; i++)
            {
                if (char.IsDigit(chars[i]) || AsDigit(chars[i]) is not { } digit) continue;
                char? before = i > 0 ? chars[i - 1] : null;
                char? after = i + 1 < chars.Length ? chars[i + 1] : null;
                if ((IsDigit(before) || IsDigit(after)) && !IsRealLetter(before) && !IsRealLetter(after))
                {
                    chars[i] = digit;
                    changed = repaired = true;
                }
            }
        }
        return new string(chars);
    }

    private static bool IsDigit(char? c) => c is >= '0' and <= '9';

    private static bool IsRealLetter(char? c) => c is { } ch && char.IsLetter(ch) && AsDigit(ch) is null;
}
