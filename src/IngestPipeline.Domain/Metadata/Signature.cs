using System.Text.RegularExpressions;

namespace IngestPipeline.Domain.Metadata;

/// <summary>
/// The signature is the body's closing line when it is a name in capitals ("GAUSS", "W. A. HARRIMAN").
/// A closing line of prose ("military.") means the page has no signature.
/// </summary>
internal static partial class Signature
{
    // Closing lines in capitals that are not names.
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "END", "STOP", "FULL STOP", "END OF MESSAGE", "TOP SECRET", "SECRET", "CONFIDENTIAL", "RESTRICTED", "ILLEGIBLE",
    };

    [GeneratedRegex(@"^[A-Z](?:[A-Z'’-]*[A-Z])?\.?(?: [A-Z](?:[A-Z'’-]*[A-Z])?\.?){0,3}$")]
    private static partial Regex NameInCapitals();

    public static MetadataField<string>? Read(CableLayout layout)
    {
        if (layout.Signature < 0) return null;
        var source = layout.Lines[layout.Signature];
        var value = Addressees.Tidy(source, out var cleaned);
        var name = UndoDigitConfusions(value, out var repaired);
        if (!NameInCapitals().IsMatch(name) || NotNames.Contains(name)) return null;
        if (!name.Split(' ').Any(w => w.Count(char.IsLetter) >= 2)) return null;

        // Typed signatures stand apart from the body; without the empty line it might be a body line.
        var separated = layout.Lines[layout.Signature - 1].Length == 0;
        var certainty = Math.Min(separated ? Certainty.Exact : Certainty.Inferred,
            repaired ? Certainty.Repaired : cleaned ? Certainty.Cleaned : Certainty.Exact);
        return new MetadataField<string>(name, certainty, source);
    }

    /// <summary>
    /// '0' for 'O', '1' for 'I', '5' for 'S', '8' for 'B', only in a word that already has two capitals
    /// ("GAU5S"), so a closing page number such as "101" is not turned into a name.
    /// </summary>
    private static string UndoDigitConfusions(string text, out bool repaired)
    {
        repaired = false;
        var words = text.Split(' ');
        for (var w = 0; w < words.Length; w++)
        {
            if (words[w].Count(char.IsUpper) < 2) continue;
            var repairedWord = new string(words[w].Select(c => c switch { '0' => 'O', '1' => 'I', '5' => 'S', '8' => 'B', _ => c }).ToArray());
            repaired |= repairedWord != words[w];
            words[w] = repairedWord;
        }
        return string.Join(' ', words);
    }
}
