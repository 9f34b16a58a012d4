using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Imaging;
using IngestPipeline.Ocr.Native;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace IngestPipeline.Ocr.Paddle;

/// <summary>
/// PaddleOCR's PP-OCRv4 text recogniser through ONNX Runtime: reads one line crop, scaled to the model's
/// <see cref="InputHeight"/>, into characters with their probabilities and places. Not thread-safe: one per engine
/// (the <see cref="Recognition.EnginePool"/> pairs one with each Tesseract engine). The session runs on one thread
/// and without ONNX Runtime's memory arena, so memory follows the line being read, not the widest line ever read.
/// </summary>
public sealed unsafe class PaddleRecognizer : IDisposable
{
    /// <summary>The height PP-OCRv4's recogniser was trained on.</summary>
    public const int InputHeight = 48;

    /// <summary>
    /// The widest input read at once, in model pixels: a longer line is read in parts cut between its words. The
    /// model mixes the whole input's width in attention, so time grows with the square of the width (a 1,600 px
    /// input takes 20 times a 360 px one), and it was trained on inputs about 320 px wide.
    /// </summary>
    public const int DefaultMaxInputWidth = 480;

    private readonly int _maxInputWidth;

    /// <summary>
    /// Room left around a line's box, in line heights, above and below and at either end: the model was trained on
    /// detected text regions, which reach a little past the ink, and reads letters cut at the box's edge badly.
    /// </summary>
    private const float VerticalMargin = 0.15f, HorizontalMargin = 0.3f;

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string[] _alphabet;

    public PaddleRecognizer(PaddleModels models, int maxInputWidth = DefaultMaxInputWidth)
    {
        _maxInputWidth = maxInputWidth;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            EnableCpuMemArena = true,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(models.RecognitionPath, options);
        _inputName = _session.InputMetadata.Keys.First();
        // PP-OCR's recogniser knows the characters of its list and a space after them; class 0 is CTC's blank.
        _alphabet = [.. File.ReadAllLines(models.CharactersPath).Select(LatinPunctuation.Fold), " "];
        int classes = _session.OutputMetadata.Values.First().Dimensions[^1];
        if (classes != _alphabet.Length + 1)
        {
            _session.Dispose();
            throw new PaddleModelsMissingException($"the PP-OCR model {models.RecognitionPath} has {classes} classes where its character list gives {_alphabet.Length + 1}");
        }
    }

    /// <summary>
    /// PP-OCR's reading of a line Tesseract found, in page pixels: the line is read in parts of its words, each part
    /// at most <see cref="DefaultMaxInputWidth"/> wide once scaled, cut halfway between two words.
    /// </summary>
    public IReadOnlyList<PaddleWord> ReadLine(PageImage gray, Line line)
    {
        var words = new List<PaddleWord>();
        int height = line.Box.Height;
        float scale = InputHeight / (height * (1 + 2 * VerticalMargin));
        int end = (int)Math.Round(height * HorizontalMargin);
        int first = 0;
        while (first < line.Words.Count)
        {
            int last = first;
            while (last + 1 < line.Words.Count && (line.Words[last + 1].Box.Right - line.Words[first].Box.Left + 2 * end) * scale <= _maxInputWidth) last++;
            // A part ends halfway to the next word at most: a neighbour's letter cut in two reads as a stray character.
            int left = first == 0 ? line.Words[0].Box.Left - end
                : Math.Max(line.Words[first].Box.Left - end, (line.Words[first - 1].Box.Right + line.Words[first].Box.Left) / 2);
            int right = last == line.Words.Count - 1 ? line.Words[last].Box.Right + end
                : Math.Min(line.Words[last].Box.Right + end, (line.Words[last].Box.Right + line.Words[last + 1].Box.Left) / 2);
            // A part is as high as its own words: a sloping line's box takes in parts of the lines above and below.
            int top = line.Words.Skip(first).Take(last - first + 1).Min(w => w.Box.Top);
            int bottom = line.Words.Skip(first).Take(last - first + 1).Max(w => w.Box.Bottom);
            words.AddRange(Read(gray, new BoundingBox(left, top, right, bottom)));
            first = last + 1;
        }
        return words;
    }

    /// <summary>The words PP-OCR reads in <paramref name="box"/> of <paramref name="gray"/> (the page image Tesseract read), in page pixels.</summary>
    public IReadOnlyList<PaddleWord> Read(PageImage gray, BoundingBox box)
    {
        int margin = (int)Math.Round(box.Height * VerticalMargin);
        int left = Math.Max(0, box.Left), top = Math.Max(0, box.Top - margin);
        int right = Math.Min(gray.Width, box.Right), bottom = Math.Min(gray.Height, box.Bottom + margin);
        if (right - left < 2 || bottom - top < 2) return [];
        float scale = InputHeight / (float)(bottom - top);
        // A single word wider than one input (a rule of dashes) is read squeezed rather than cut.
        if ((right - left) * scale > _maxInputWidth) scale = _maxInputWidth / (float)(right - left);

        using var cut = gray.Crop(left, top, right - left, bottom - top);
        using var crop = cut.Depth == 8 ? cut.Share() : cut.ToGray();
        using var scaled = crop.Scale(scale);
        int width = scaled.Width, height = Math.Min(scaled.Height, InputHeight);
        var input = new DenseTensor<float>([1, 3, InputHeight, width]);
        var pixels = input.Buffer.Span;
        int wpl = Leptonica.pixGetWpl(scaled.Handle);
        byte* data = (byte*)Leptonica.pixGetData(scaled.Handle);
        int plane = InputHeight * width;
        for (int y = 0; y < InputHeight; y++)
        {
            // Below a squeezed crop (or one a rounding short of the model's height) the input is white paper.
            byte* row = y < height ? data + (long)y * wpl * 4 : null;
            for (int x = 0; x < width; x++)
            {
                if (row is null)
                {
                    pixels[y * width + x] = pixels[plane + y * width + x] = pixels[2 * plane + y * width + x] = 1f;
                    continue;
                }
                // Leptonica keeps 8-bit pixels in big-endian 32-bit words: byte x of a row is at x ^ 3 on little-endian machines.
                float value = row[x ^ 3] / 127.5f - 1f; // PP-OCR's normalisation: (v / 255 - 0.5) / 0.5
                int at = y * width + x;
                pixels[at] = value;
                pixels[plane + at] = value;
                pixels[2 * plane + at] = value;
            }
        }

        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_inputName, input)]);
        var output = results[0].AsTensor<float>();
        int steps = output.Dimensions[1], classes = output.Dimensions[2];
        var probabilities = output is DenseTensor<float> dense ? dense.Buffer.Span : output.ToArray();
        var characters = CtcDecoder.Decode(probabilities, classes, _alphabet);
        // Each time step covers an equal share of the input's width.
        float stepWidth = width / (float)steps / scale;
        return Words(characters, step => left + (int)Math.Round(step * stepWidth), box);
    }

    private static List<PaddleWord> Words(List<DecodedCharacter> characters, Func<int, int> x, BoundingBox line)
    {
        var words = new List<PaddleWord>();
        int start = 0;
        for (int i = 0; i <= characters.Count; i++)
        {
            if (i < characters.Count && characters[i].Text != " ") continue;
            if (i > start)
            {
                var part = characters.GetRange(start, i - start);
                var box = new BoundingBox(x(part[0].FirstStep), line.Top, x(part[^1].LastStep + 1), line.Bottom);
                words.Add(new PaddleWord(string.Concat(part.Select(c => c.Text)), box, [.. part.Select(c => c.Probability)]));
            }
            start = i + 1;
        }
        return words;
    }

    public void Dispose() => _session.Dispose();
}

/// <summary>A word as PP-OCR read it: text, box in page pixels, and each character's probability (0-1).</summary>
public sealed record PaddleWord(string Text, BoundingBox Box, IReadOnlyList<float> Probabilities)
{
    /// <summary>The mean character probability, 0-100 like Tesseract's word confidence.</summary>
    public float Confidence => Probabilities.Count == 0 ? 0 : 100 * Probabilities.Average();
}
