namespace IngestPipeline.Publishing;

/// <summary>
/// Text to the bytes of PDF's WinAnsiEncoding (Windows code page 1252), the only encoding the standard fonts
/// can show without embedding anything. Written out here because the runtime runs with invariant globalization:
/// neither code page 1252 nor Unicode normalization is available from the framework.
/// </summary>
internal static class WinAnsiEncoding
{
    public const byte Replacement = (byte)'?';

    // Code page 1252 puts typographic punctuation and a few letters where Latin-1 has C1 controls (80-9F);
    // '\0' marks the five codes it leaves undefined.
    private const string Row80To9F =
        "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0" +
        "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";

    private static readonly Dictionary<char, byte> HighCodes = Row80To9F
        .Select((c, i) => (c, code: (byte)(0x80 + i)))
        .Where(x => x.c != '\0')
        .ToDictionary(x => x.c, x => x.code);

    // OCR output sometimes spells an accented letter as base letter + combining mark. Each string pairs a base
    // letter with the precomposed letter that WinAnsi has for it, so "e\u0301" still becomes é instead of "e?".
    private static readonly Dictionary<(char Base, char Mark), char> Compositions = new (char Mark, string Pairs)[]
    {
        ('\u0300', "AÀEÈIÌOÒUÙaàeèiìoòuù"),             // grave
        ('\u0301', "AÁEÉIÍOÓUÚYÝaáeéiíoóuúyý"),         // acute
        ('\u0302', "AÂEÊIÎOÔUÛaâeêiîoôuû"),             // circumflex
        ('\u0303', "AÃNÑOÕaãnñoõ"),                     // tilde
        ('\u0308', "AÄEËIÏOÖUÜaäeëiïoöuüyÿYŸ"),         // diaeresis
        ('\u030A', "AÅaå"),                             // ring above
        ('\u0327', "CÇcç"),                             // cedilla
        ('\u030C', "SŠsšZŽzž"),                         // caron
    }
    .SelectMany(m => m.Pairs.Chunk(2).Select(p => (Key: (p[0], m.Mark), Composed: p[1])))
    .ToDictionary(x => x.Key, x => x.Composed);

    /// <summary>One byte per character; anything WinAnsi cannot show (including a whole surrogate pair) becomes '?'.</summary>
    public static byte[] Encode(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i + 1 < text.Length && Compositions.TryGetValue((c, text[i + 1]), out var composed))
            {
                c = composed;
                i++;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            bytes.Add(EncodeChar(c));
        }
        return bytes.ToArray();
    }

    private static byte EncodeChar(char c) => c switch
    {
        >= ' ' and <= '~' => (byte)c,
        >= '\u00A0' and <= '\u00FF' => (byte)c,
        _ => HighCodes.GetValueOrDefault(c, Replacement),
    };
}
