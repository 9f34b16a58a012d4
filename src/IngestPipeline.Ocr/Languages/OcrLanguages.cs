using System.Text.RegularExpressions;

namespace IngestPipeline.Ocr.Languages;

/// <summary>
/// Tesseract language specifications (<c>eng</c>, <c>fra</c>, <c>eng+fra</c>) and the check that their models are
/// installed, made before any engine starts so a missing model is reported once, with the package that brings it.
/// </summary>
public static partial class OcrLanguages
{
    public const string Default = "eng";

    /// <summary>Where Debian's Tesseract 5 (and, on older systems, 4) keeps its models.</summary>
    private static readonly string[] DebianTessdata = ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata"];

    /// <summary>The languages of a specification, in its order, without repeats.</summary>
    /// <exception cref="ArgumentException">The specification is empty or names something that is not a language code.</exception>
    public static IReadOnlyList<string> Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var languages = spec.Split('+', StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        foreach (var language in languages.Where(l => !Code().IsMatch(l)))
            throw new ArgumentException($"'{spec}' is not a Tesseract language list such as eng, fra or eng+fra ('{language}' is not a language code)");
        return languages;
    }

    /// <summary>The Debian package with a language's model: <c>tesseract-ocr-fra</c>, <c>tesseract-ocr-chi-sim</c>.</summary>
    public static string DebianPackage(string language) =>
        "tesseract-ocr-" + language.ToLowerInvariant().Replace('_', '-');

    /// <summary>
    /// Fails when a language has no <c>LANG.traineddata</c> in the folder Tesseract will read: <paramref name="tessdataPath"/>,
    /// else <c>TESSDATA_PREFIX</c>, else Debian's folders. When none of those folders exists the check is left to the
    /// engine, which reports it on start.
    /// </summary>
    /// <exception cref="InvalidOperationException">A model is missing; the message names the packages to install.</exception>
    public static void RequireModels(IEnumerable<string> languages, string? tessdataPath = null)
    {
        var explicitFolder = tessdataPath ?? Environment.GetEnvironmentVariable("TESSDATA_PREFIX");
        var folders = (string.IsNullOrEmpty(explicitFolder) ? DebianTessdata : [explicitFolder]).Where(Directory.Exists).ToList();
        if (folders.Count == 0)
            return;
        var missing = languages.Where(l => !folders.Any(f => File.Exists(Path.Combine(f, l + ".traineddata")))).ToList();
        if (missing.Count == 0)
            return;
        throw new InvalidOperationException(
            $"no Tesseract model for {string.Join(", ", missing)} in {string.Join(" or ", folders)}; " +
            $"install {string.Join(" ", missing.Select(DebianPackage))} (apt-get install, or infra/install-deps.sh for fra and deu)");
    }

    // Tesseract's model names: ISO 639-2/3 codes with an optional script or variant (chi_sim, deu_latf, script/Latin).
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_/-]*$")]
    private static partial Regex Code();
}
