using IngestPipeline.Ocr.Paddle;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace IngestPipeline.Ocr.Tests;

/// <summary>PP-OCR's model with its hard-swish activations rewritten computes what the published model computes.</summary>
public sealed class HardSwishFusionTests
{
    [Fact]
    public void The_rewritten_model_gives_the_published_models_probabilities_with_fewer_nodes()
    {
        var published = File.ReadAllBytes(Path.Combine(PaddleModels.DefaultFolder, PaddleModels.Recognition.Name));

        var (rewritten, fused) = HardSwishFusion.Rewrite(published);

        // PP-OCRv4's recogniser has 28 hard-swish activations of the exported form, each four nodes made two.
        Assert.Equal(28, fused);
        Assert.True(rewritten.Length < published.Length);
        var input = LineLikeInput(width: 320);
        var expected = Probabilities(published, input);
        var actual = Probabilities(rewritten, input);
        Assert.Equal(expected.Length, actual.Length);
        float largest = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(largest < 1e-4f, $"the rewritten model's probabilities differ by up to {largest}");
    }

    [Fact]
    public void A_model_without_the_pattern_is_returned_unchanged()
    {
        byte[] notAModelGraph = [0x08, 0x07];

        var (rewritten, fused) = HardSwishFusion.Rewrite(notAModelGraph);

        Assert.Equal(0, fused);
        Assert.Same(notAModelGraph, rewritten);
    }

    [Fact]
    public void A_truncated_model_is_refused_with_where_it_breaks()
    {
        var published = File.ReadAllBytes(Path.Combine(PaddleModels.DefaultFolder, PaddleModels.Recognition.Name));

        var error = Assert.Throws<InvalidDataException>(() => HardSwishFusion.Rewrite(published[..1000]));

        Assert.Contains("past the message's end", error.Message);
    }

    /// <summary>Dark strokes on light paper in the model's normalised range, so activations take both signs.</summary>
    private static DenseTensor<float> LineLikeInput(int width)
    {
        var random = new Random(7);
        var input = new DenseTensor<float>([1, 3, PaddleRecognizer.InputHeight, width]);
        for (int y = 0; y < PaddleRecognizer.InputHeight; y++)
            for (int x = 0; x < width; x++)
            {
                bool stroke = y is > 10 and < 38 && (x % 24 < 3 || (y % 14 < 2 && x % 24 < 16));
                float value = (stroke ? -0.8f : 0.9f) + (float)(random.NextDouble() - 0.5) * 0.2f;
                for (int c = 0; c < 3; c++) input[0, c, y, x] = value;
            }
        return input;
    }

    private static float[] Probabilities(byte[] model, DenseTensor<float> input)
    {
        using var session = new InferenceSession(model);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)]);
        return results[0].AsTensor<float>().ToArray();
    }
}
