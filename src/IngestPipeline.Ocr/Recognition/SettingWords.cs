namespace IngestPipeline.Ocr.Recognition;

/// <summary>Settings given as one of a few words, from the command line or the configuration.</summary>
public static class SettingWords
{
    /// <summary>The choice named by <paramref name="value"/> (in any case).</summary>
    /// <exception cref="ArgumentException">Another word; the message names the <paramref name="setting"/> it came from and the words it takes.</exception>
    public static T Parse<T>(string value, string setting, params (string Word, T Choice)[] words)
    {
        foreach (var (word, choice) in words)
            if (string.Equals(word, value, StringComparison.OrdinalIgnoreCase)) return choice;
        var names = words.Select(w => w.Word).ToList();
        string allowed = names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
        throw new ArgumentException($"{setting} must be {allowed}, not '{value}'");
    }
}
