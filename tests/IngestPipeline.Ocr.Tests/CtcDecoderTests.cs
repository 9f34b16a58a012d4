using IngestPipeline.Ocr.Paddle;

namespace IngestPipeline.Ocr.Tests;

public sealed class CtcDecoderTests
{
    private static readonly string[] Alphabet = ["a", "b", " "];

    /// <summary>One row per step: the probability of blank, "a", "b" and " ".</summary>
    private static float[] Steps(params float[][] rows) => rows.SelectMany(r => r).ToArray();

    [Fact]
    public void Repeats_merge_blanks_separate_and_probabilities_are_averaged_over_a_characters_steps()
    {
        var output = Steps(
            [0.1f, 0.8f, 0.1f, 0f], // a
            [0.2f, 0.6f, 0.2f, 0f], // a again: the same character
            [0.9f, 0.1f, 0f, 0f],   // blank
            [0.1f, 0.7f, 0.2f, 0f], // a, a new one after the blank
            [0.1f, 0f, 0f, 0.9f],   // space
            [0f, 0f, 1f, 0f]);      // b

        var decoded = CtcDecoder.Decode(output, 4, Alphabet);

        Assert.Equal("aa b", string.Concat(decoded.Select(c => c.Text)));
        Assert.Equal(0.7f, decoded[0].Probability, 5);
        Assert.Equal((0, 1), (decoded[0].FirstStep, decoded[0].LastStep));
        Assert.Equal((3, 3), (decoded[1].FirstStep, decoded[1].LastStep));
        Assert.Equal(1f, decoded[3].Probability);
    }

    [Fact]
    public void All_blank_decodes_to_nothing() =>
        Assert.Empty(CtcDecoder.Decode(Steps([1f, 0f, 0f, 0f], [0.6f, 0.4f, 0f, 0f]), 4, Alphabet));
}
