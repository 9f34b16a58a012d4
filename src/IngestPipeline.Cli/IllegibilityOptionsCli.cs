using System.CommandLine;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Ocr.Illegibility;

namespace IngestPipeline.Cli;

/// <summary>The options that choose the [ILLEGIBLE] decision, shared by the commands that clean.</summary>
internal static class IllegibilityOptionsCli
{
    public static Option<string?> ModelOption() =>
        new("--illegibility-model") { Description = "What decides [ILLEGIBLE]: rules (the hand rules, default), learned (the model shipped), or a model file" };

    public static Option<double?> ThresholdOption() =>
        new("--illegible-threshold") { Description = "With a model, mark candidates from this probability of being unreadable (default: the model's own, chosen for precision 0.9)" };

    public static CleanupOptions Apply(CleanupOptions options, string? modelPath, double? threshold)
    {
        if (threshold is < 0 or > 1) throw new ArgumentException("--illegible-threshold is a probability between 0 and 1");
        var model = IllegibilityModelFiles.Choose(modelPath);
        if (model is null && threshold is not null) throw new ArgumentException("--illegible-threshold needs a model: --illegibility-model learned or a model file");
        return options with { Model = model, IllegibleThreshold = threshold };
    }
}
