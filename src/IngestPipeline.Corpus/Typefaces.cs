namespace IngestPipeline.Corpus;

/// <summary>Which part of the corpus a page is for: training and validation never share a typeface.</summary>
public enum CorpusSplit { Train, Validation }

/// <summary>
/// A typeface of Debian's font packages (infra/install-deps.sh installs them). Monospaced ones are typed, a letter a
/// cell; proportional ones are printed.
/// </summary>
public sealed record Typeface(string Name, string File, bool Monospaced, CorpusSplit Split)
{
    public static readonly IReadOnlyList<Typeface> All =
    [
        new("Nimbus Mono PS", "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf", true, CorpusSplit.Train),
        new("FreeMono", "/usr/share/fonts/truetype/freefont/FreeMono.ttf", true, CorpusSplit.Train),
        new("Liberation Mono", "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf", true, CorpusSplit.Train),
        new("DejaVu Sans Mono", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", true, CorpusSplit.Train),
        new("Go Mono", "/usr/share/fonts/fonts-go/Go-Mono.ttf", true, CorpusSplit.Train),
        new("Anonymous Pro", "/usr/share/fonts/truetype/anonymous-pro/Anonymous Pro.ttf", true, CorpusSplit.Train),
        new("Courier Prime", "/usr/share/fonts/opentype/courier-prime/Courier Prime.otf", true, CorpusSplit.Validation),
        new("TeX Gyre Cursor", "/usr/share/texmf/fonts/opentype/public/tex-gyre/texgyrecursor-regular.otf", true, CorpusSplit.Validation),
        new("Cousine", "/usr/share/fonts/truetype/croscore/Cousine-Regular.ttf", true, CorpusSplit.Validation),
        new("Noto Mono", "/usr/share/fonts/truetype/noto/NotoMono-Regular.ttf", true, CorpusSplit.Validation),
        new("Liberation Serif", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf", false, CorpusSplit.Train),
        new("DejaVu Serif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", false, CorpusSplit.Train),
        new("Tinos", "/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf", false, CorpusSplit.Validation),
        new("TeX Gyre Termes", "/usr/share/texmf/fonts/opentype/public/tex-gyre/texgyretermes-regular.otf", false, CorpusSplit.Validation),
    ];

    public static IReadOnlyList<Typeface> Of(CorpusSplit split) => [.. All.Where(t => t.Split == split)];

    /// <summary>The typefaces whose files are missing, named with the package to install.</summary>
    public static IReadOnlyList<Typeface> Missing() => [.. All.Where(t => !System.IO.File.Exists(t.File))];
}
