namespace IngestPipeline.Ocr.Paddle;

/// <summary>
/// Greedy CTC decoding of a recognition model's output: the most likely class at each time step, repeats merged,
/// blanks dropped. Each character keeps its probability (the mean over the steps it spans, as PaddleOCR reports it)
/// and its first and last step, which place it along the line.
/// </summary>
public static class CtcDecoder
{
    /// <param name="probabilities">Steps × classes, row-major; class 0 is the CTC blank.</param>
    /// <param name="alphabet">The text of each class from 1 on (<c>alphabet[c - 1]</c>): <paramref name="classes"/> - 1 of them.</param>
    public static List<DecodedCharacter> Decode(ReadOnlySpan<float> probabilities, int classes, IReadOnlyList<string> alphabet)
    {
        int steps = probabilities.Length / classes;
        var decoded = new List<DecodedCharacter>();
        int previous = 0;
        for (int step = 0; step < steps; step++)
        {
            var row = probabilities.Slice(step * classes, classes);
            int best = 0;
            for (int c = 1; c < classes; c++)
                if (row[c] > row[best]) best = c;
            if (best != 0 && best == previous)
            {
                var last = decoded[^1];
                // Mean of the steps' probabilities, kept as a running sum divided at the end.
                decoded[^1] = last with { Probability = last.Probability + row[best], LastStep = step };
            }
            else if (best != 0)
            {
                decoded.Add(new DecodedCharacter(alphabet[best - 1], row[best], step, step));
            }
            previous = best;
        }
        for (int i = 0; i < decoded.Count; i++)
            decoded[i] = decoded[i] with { Probability = decoded[i].Probability / (decoded[i].LastStep - decoded[i].FirstStep + 1) };
        return decoded;
    }
}

/// <summary>One decoded character: its text, mean probability (0-1) and the time steps it spans.</summary>
public readonly record struct DecodedCharacter(string Text, float Probability, int FirstStep, int LastStep);
