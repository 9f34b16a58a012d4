using IngestPipeline.Domain.Illegibility.Model;

namespace IngestPipeline.Ocr.Illegibility;

/// <summary>
/// Where the [ILLEGIBLE] decision comes from: the hand rules (the default, until a model keeps the real scans'
/// figures; see docs/illegibility.md), the model file shipped beside the program ("learned": trained on generated
/// pages and, as legible, on the real scans), or another one a collection trained.
/// </summary>
public static class IllegibilityModelFiles
{
    /// <summary>The setting that chooses the hand rules (also when the setting is empty).</summary>
    public const string Rules = "rules";

    /// <summary>The setting that chooses the model shipped with the program.</summary>
    public const string Learned = "learned";

    public static string ShippedPath => Path.Combine(AppContext.BaseDirectory, "Illegibility", "illegibility-model.json");

    /// <summary>The model a setting names: none (the hand rules) when it is empty or <see cref="Rules"/>, the shipped one for <see cref="Learned"/>, else the file at that path.</summary>
    /// <exception cref="FileNotFoundException">No model file at the path.</exception>
    /// <exception cref="InvalidDataException">The file is not a model this build can use (the message says why).</exception>
    public static IllegibilityModel? Choose(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting) || string.Equals(setting, Rules, StringComparison.OrdinalIgnoreCase)) return null;
        var path = string.Equals(setting, Learned, StringComparison.OrdinalIgnoreCase) ? ShippedPath : setting;
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such illegibility model file", path);
        return IllegibilityModel.FromJson(File.ReadAllText(path), path);
    }

    public static void Save(IllegibilityModel model, string path) => File.WriteAllText(path, model.ToJson() + "\n");
}
