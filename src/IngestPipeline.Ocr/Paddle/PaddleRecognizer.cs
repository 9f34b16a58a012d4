using System.Buffers;
using IngestPipeline.Domain.Readings;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Imaging;
using IngestPipeline.Ocr.Native;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace IngestPipeline.Ocr.Paddle;

/// <summary>
/// PaddleOCR's PP-OCRv4 text recogniser through ONNX Runtime: reads one line crop, scaled to the model's
/// <see cref="InputHeight"/>, into characters with their probabilities and places. Thread-safe: ONNX Runtime runs a
/// session for several callers at once, so the <see cref="Recognition.EnginePool"/>'s engines share one (and its
/// weights and memory arena). Each reading runs on its caller's thread alone; the arena stays small because no input
/// is wider than <see cref="DefaultMaxInputWidth"/>.
/// </summary>
public sealed unsafe class PaddleRecognizer : IDisposable
{
    /// <summary>The height PP-OCRv4's recogniser was trained on.</summary>
    public const int InputHeight = 48;

    /// <summary>
    /// The widest input read at once, in model pixels: a longer line is read in parts cut between its words. The
    /// model mixes the whole input's width in attention, so time grows with the square of the width (a 1,600 px
    /// input takes 20 times a 360 px one), and it was trained on inputs about 320 px wide. Longer parts read worse
    /// (docs/recognition.md): 408 px is 480 px of type at its height's scale, squeezed by <see cref="HorizontalScale"/>.
    /// </summary>
    public const int DefaultMaxInputWidth = 408;

    private readonly int _maxInputWidth;

    /// <summary>
    /// Room left around a line's box, in line heights, above and below and at either end: the model was trained on
    /// detected text regions, which reach a little past the ink, and reads letters cut at the box's edge badly.
    /// </summary>
    private const float VerticalMargin = 0.15f, HorizontalMargin = 0.3f;

    /// <summary>
    /// How much narrower than its height's scale a crop is given to the model. A typewriter gives every letter the
    /// width of an m; the model learnt from printed type whose letters are narrower. Squeezed so, it reads the four
    /// sets as well (CER within 0.0005 on each) from 15 % fewer pixels, and its time grows with the input's width
    /// (docs/recognition.md).
    /// </summary>
    public const float HorizontalScale = 0.85f;

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string[] _alphabet;
    private readonly HashSet<char> _writable;

    public PaddleRecognizer(PaddleModels models, int maxInputWidth = DefaultMaxInputWidth)
    {
        _maxInputWidth = maxInputWidth;
        Models = models;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            EnableCpuMemArena = true,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(HardSwishFusion.Rewrite(File.ReadAllBytes(models.RecognitionPath)).Model, options);
        _inputName = _session.InputMetadata.Keys.First();
        // PP-OCR's recogniser knows the characters of its list and a space after them; class 0 is CTC's blank.
        _alphabet = [.. File.ReadAllLines(models.CharactersPath).Select(LatinPunctuation.Fold), " "];
        _writable = [.. _alphabet.Where(a => a.Length == 1).Select(a => a[0])];
        int classes = _session.OutputMetadata.Values.First().Dimensions[^1];
        if (classes != _alphabet.Length + 1)
        {
            _session.Dispose();
            throw new PaddleModelsMissingException($"the PP-OCR model {models.RecognitionPath} has {classes} classes where its character list gives {_alphabet.Length + 1}");
        }
    }

    /// <summary>The model files it reads with.</summary>
    public PaddleModels Models { get; }

    /// <summary>Whether the model can write the character at all (its list has no ß, ô or ç).</summary>
    public bool CanWrite(char character) => _writable.Contains(character);

    /// <summary>PP-OCR's reading of one line Tesseract found (see <see cref="ReadLines"/>).</summary>
    public IReadOnlyList<ReadCharacter> ReadLine(PageImage gray, Line line) => ReadLines(gray, [line])[0];

    /// <summary>
    /// PP-OCR's reading of the lines Tesseract found on <paramref name="gray"/> (the page image Tesseract read), placed
    /// in page pixels. Each line is read in parts of its words, each part at most the widest input once scaled and cut
    /// halfway between two words, with a space between parts.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ReadCharacter>> ReadLines(PageImage gray, IReadOnlyList<Line> lines)
    {
        var result = lines.Select(_ => new List<ReadCharacter>()).ToArray();
        for (int l = 0; l < lines.Count; l++)
            foreach (var box in PartsOf(lines[l]))
            {
                if (Prepare(gray, box) is not { } part) continue;
                if (result[l].Count > 0) result[l].Add(new ReadCharacter(" ", 1, part.Left, part.Left));
                result[l].AddRange(Run(part));
            }
        return result;
    }

    /// <summary>Parts of at most the widest input once scaled, each ending halfway to the next word at most.</summary>
    private IEnumerable<BoundingBox> PartsOf(Line line)
    {
        int height = line.Box.Height;
        float scale = HorizontalScale * InputHeight / (height * (1 + 2 * VerticalMargin));
        int end = (int)Math.Round(height * HorizontalMargin);
        for (int first = 0, last; first < line.Words.Count; first = last + 1)
        {
            last = first;
            while (last + 1 < line.Words.Count && (line.Words[last + 1].Box.Right - line.Words[first].Box.Left + 2 * end) * scale <= _maxInputWidth) last++;
            // A neighbour's letter cut in two reads as a stray character.
            int left = first == 0 ? line.Words[0].Box.Left - end
                : Math.Max(line.Words[first].Box.Left - end, (line.Words[first - 1].Box.Right + line.Words[first].Box.Left) / 2);
            int right = last == line.Words.Count - 1 ? line.Words[last].Box.Right + end
                : Math.Min(line.Words[last].Box.Right + end, (line.Words[last].Box.Right + line.Words[last + 1].Box.Left) / 2);
            // A part is as high as its own words: a sloping line's box takes in parts of the lines above and below.
            var words = line.Words.Skip(first).Take(last - first + 1).ToList();
            yield return new BoundingBox(left, words.Min(w => w.Box.Top), right, words.Max(w => w.Box.Bottom));
        }
    }

    /// <summary>The part's pixels scaled to the model's height and normalised as PP-OCR does: (v / 255 - 0.5) / 0.5.</summary>
    private Part? Prepare(PageImage gray, BoundingBox box)
    {
        int margin = (int)Math.Round(box.Height * VerticalMargin);
        int left = Math.Max(0, box.Left), top = Math.Max(0, box.Top - margin);
        int right = Math.Min(gray.Width, box.Right), bottom = Math.Min(gray.Height, box.Bottom + margin);
        if (right - left < 2 || bottom - top < 2) return null;
        float scaleY = InputHeight / (float)(bottom - top);
        // A single word wider than one input (a rule of dashes) is read squeezed further rather than cut.
        float scaleX = Math.Min(scaleY * HorizontalScale, _maxInputWidth / (float)(right - left));

        using var cut = gray.Crop(left, top, right - left, bottom - top);
        using var crop = cut.Depth == 8 ? cut.Share() : cut.ToGray();
        using var scaled = crop.Scale(scaleX, scaleY);
        int width = Math.Max(1, scaled.Width), height = Math.Min(scaled.Height, InputHeight);
        // The three planes of the model's input: the first filled here, copied to the others when it is read.
        var pixels = ArrayPool<float>.Shared.Rent(3 * InputHeight * width);
        int wpl = Leptonica.pixGetWpl(scaled.Handle);
        byte* data = (byte*)Leptonica.pixGetData(scaled.Handle);
        for (int y = 0; y < InputHeight; y++)
        {
            // Below a crop a rounding short of the model's height the input is white paper.
            byte* row = y < height ? data + (long)y * wpl * 4 : null;
            for (int x = 0; x < width && x < scaled.Width; x++)
                // Leptonica keeps 8-bit pixels in big-endian 32-bit words: byte x of a row is at x ^ 3 on little-endian machines.
                pixels[y * width + x] = row is null ? 1f : row[x ^ 3] / 127.5f - 1f;
        }
        return new Part(left, scaleX, width, pixels);
    }

    /// <summary>
    /// Reads one part. Parts are read one at a time: batches of parts padded to a common width took longer and more
    /// memory on this CPU (docs/recognition.md).
    /// </summary>
    private List<ReadCharacter> Run(Part part)
    {
        int plane = InputHeight * part.Width;
        try
        {
            // Buffers are rented: a page's hundred parts would otherwise leave tens of megabytes on the large object heap.
            var planes = part.Pixels.AsSpan(0, 3 * plane);
            planes[..plane].CopyTo(planes[plane..]);
            planes[..plane].CopyTo(planes[(2 * plane)..]);
            return Decode(part, new DenseTensor<float>(part.Pixels.AsMemory(0, 3 * plane), [1, 3, InputHeight, part.Width]));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(part.Pixels);
        }
    }

    private List<ReadCharacter> Decode(Part part, DenseTensor<float> input)
    {
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_inputName, input)]);
        var output = results[0].AsTensor<float>();
        int steps = output.Dimensions[1], classes = output.Dimensions[2];
        var probabilities = output is DenseTensor<float> dense ? dense.Buffer.Span : output.ToArray();
        var characters = CtcDecoder.Decode(probabilities, classes, _alphabet);
        // Each time step covers an equal share of the input's width.
        float stepWidth = part.Width / (float)steps / part.Scale;
        return [.. characters.Select(c => new ReadCharacter(c.Text, c.Probability,
            part.Left + (int)Math.Round(c.FirstStep * stepWidth), part.Left + (int)Math.Round((c.LastStep + 1) * stepWidth)))];
    }

    /// <summary>A stretch of a line ready for the model: its left edge and horizontal scale on the page, and normalised pixels.</summary>
    private sealed record Part(int Left, float Scale, int Width, float[] Pixels);

    public void Dispose() => _session.Dispose();
}
