using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using IngestPipeline.Domain.Illegibility.Evidence;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility.Model;

/// <summary>
/// The learned [ILLEGIBLE] decision: for a word and for a stretch, boosted trees over the candidate's measures
/// (<see cref="CandidateFeatures"/>) and a calibration, giving the probability that what was typed there cannot be
/// read. Kept as a small JSON file; its <see cref="Version"/> is a digest of the weights, so a retrained model is a
/// new version by construction and every transcript can say which model flagged it.
/// </summary>
public sealed class IllegibilityModel
{
    private IllegibilityModel(BoostedTrees words, BoostedTrees stretches, IReadOnlySet<StretchSource> sources, ModelTraining training, string version)
    {
        StretchSources = sources;
        Words = words;
        Stretches = stretches;
        Training = training;
        Version = version;
    }

    public BoostedTrees Words { get; }
    public BoostedTrees Stretches { get; }

    /// <summary>The kinds of stretch the model was trained on and decides; the others are left as they are.</summary>
    public IReadOnlySet<StretchSource> StretchSources { get; }

    /// <summary>
    /// Whether the model decides stretches the hand rules weigh by their ink and layout alone (gaps in the header, lines
    /// starting late or stopping short after a sentence) or never (whole lines lost): the recognition must then propose
    /// them and re-read even the blank ones (<c>OcrOptions.AllStretches</c>), or the model never sees their readings.
    /// </summary>
    public bool WeighsStretchesBeyondTheRules => StretchSources.Overlaps(
        [StretchSource.Header, StretchSource.LineStart, StretchSource.ShortLine, StretchSource.LostLine]);

    /// <summary>
    /// The layout's gaps the model weighs; the hand rules (<see cref="GapMarker"/>) weigh the others. A gap in running
    /// text is the model's when it decides stretches between words or at a line's end.
    /// </summary>
    public IReadOnlySet<GapSource> GapSources => _gapSources ??= new HashSet<GapSource>(
        new (GapSource Gap, bool Decided)[]
        {
            (GapSource.Layout, StretchSources.Contains(StretchSource.BetweenWords) || StretchSources.Contains(StretchSource.LineEnd)),
            (GapSource.Header, StretchSources.Contains(StretchSource.Header)),
            (GapSource.LineStart, StretchSources.Contains(StretchSource.LineStart)),
            (GapSource.ShortLine, StretchSources.Contains(StretchSource.ShortLine)),
            (GapSource.LostLine, StretchSources.Contains(StretchSource.LostLine)),
        }.Where(g => g.Decided).Select(g => g.Gap));

    private IReadOnlySet<GapSource>? _gapSources;

    /// <summary>Whether the model decides this candidate: every word, and the stretches of the kinds it was trained on.</summary>
    public bool Decides(UnreadableCandidate candidate) => candidate.Kind == CandidateKind.Word || StretchSources.Contains(candidate.Source);

    /// <summary>What the model was trained on, and the threshold its training chose.</summary>
    public ModelTraining Training { get; }

    /// <summary>"illegibility-" and the first twelve hex digits of the SHA-256 of the weights.</summary>
    public string Version { get; }

    public double Probability(UnreadableCandidate candidate) =>
        (candidate.Kind == CandidateKind.Word ? Words : Stretches).Probability(candidate.Features);

    public static IllegibilityModel Create(BoostedTrees words, BoostedTrees stretches, IReadOnlySet<StretchSource> sources, ModelTraining training)
    {
        var weights = JsonSerializer.Serialize(Weights(words, stretches, sources), ModelJsonContext.Default.WeightsDto);
        return new IllegibilityModel(words, stretches, sources, training, VersionOf(weights));
    }

    private static WeightsDto Weights(BoostedTrees words, BoostedTrees stretches, IReadOnlySet<StretchSource> sources) =>
        new(ToDto(words), ToDto(stretches), sources.Order().Select(s => s.ToString()).ToList());

    public string ToJson() =>
        JsonSerializer.Serialize(new ModelFileDto(Version, CandidateFeatures.WordNames.ToList(), CandidateFeatures.StretchNames.ToList(), Training,
            Weights(Words, Stretches, StretchSources)), ModelJsonContext.Default.ModelFileDto);

    /// <summary>
    /// Reads a model file's text, refusing one whose measures are not this build's or whose weights do not match its
    /// version; <paramref name="source"/> (the file's path) names it in the error.
    /// </summary>
    public static IllegibilityModel FromJson(string json, string source)
    {
        ModelFileDto file;
        try
        {
            file = JsonSerializer.Deserialize(json, ModelJsonContext.Default.ModelFileDto)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not an illegibility model ({e.Message})", e);
        }
        if (!file.WordFeatures.SequenceEqual(CandidateFeatures.WordNames) || !file.StretchFeatures.SequenceEqual(CandidateFeatures.StretchNames))
            throw new InvalidDataException($"{source}: the model {file.Version} was trained on other measures than this build takes; train it again");
        var version = VersionOf(JsonSerializer.Serialize(file.Weights, ModelJsonContext.Default.WeightsDto));
        if (version != file.Version)
            throw new InvalidDataException($"{source}: its weights are not those of version {file.Version} (they are {version}): the file was edited or damaged");
        var sources = new HashSet<StretchSource>();
        foreach (var name in file.Weights.StretchSources)
            sources.Add(Enum.TryParse<StretchSource>(name, out var kind) ? kind : throw new InvalidDataException($"{source}: unknown kind of stretch '{name}'"));
        return new IllegibilityModel(FromDto(file.Weights.Words), FromDto(file.Weights.Stretches), sources, file.Training, version);
    }

    private static string VersionOf(string weights) =>
        "illegibility-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(weights)))[..12];

    private static TreesDto ToDto(BoostedTrees trees) =>
        new(trees.Bias, trees.Calibration.A, trees.Calibration.B, trees.Trees.Select(t => new TreeDto(t.Feature, t.Threshold, t.Left, t.Right, t.Value)).ToList());

    private static BoostedTrees FromDto(TreesDto dto) =>
        new(dto.Bias, dto.Trees.Select(t => new RegressionTree(t.F, t.T, t.L, t.R, t.V)).ToList(), new PlattScaling(dto.A, dto.B));
}

/// <summary>What a model was trained on: the sets, how many pages and candidates, the seed, and the operating threshold chosen.</summary>
public sealed record ModelTraining(IReadOnlyList<string> Sets, int Pages, int WordCases, int StretchCases, int Seed, double Threshold, string Settings);

internal sealed record ModelFileDto(string Version, List<string> WordFeatures, List<string> StretchFeatures, ModelTraining Training, WeightsDto Weights);

internal sealed record WeightsDto(TreesDto Words, TreesDto Stretches, List<string> StretchSources);

internal sealed record TreesDto(float Bias, double A, double B, List<TreeDto> Trees);

/// <summary>A tree's arrays, with short names: a model holds hundreds.</summary>
internal sealed record TreeDto(int[] F, float[] T, int[] L, int[] R, float[] V);

// A member missing or null is a damaged file, not a default.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ModelFileDto))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
