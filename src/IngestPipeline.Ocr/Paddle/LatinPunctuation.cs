namespace IngestPipeline.Ocr.Paddle;

/// <summary>
/// PP-OCR's character list is Chinese and Latin: on a Latin page it writes a full stop as "。", a comma as "，" or
/// "、" and a colon as "：". These, fullwidth forms and typographic quotes become the typewriter's marks.
/// </summary>
public static class LatinPunctuation
{
    public static string Fold(string character) => character switch
    {
        "。" or "·" => ".",
        "、" => ",",
        "“" or "”" => "\"",
        "‘" or "’" => "'",
        // Fullwidth forms mirror ASCII 0x21-0x7E (the process runs without ICU, so no NFKC to do it).
        [var c] when c is >= '\uFF01' and <= '\uFF5E' => ((char)(c - 0xFEE0)).ToString(),
        _ => character,
    };
}
