using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SkiaSharp;

namespace IngestPipeline.Corpus;

/// <summary>
/// Generates pages with exact ground truth in the dev corpus's format (NAME.png, NAME.gt.txt, NAME.gt.json, and a line
/// a page in generation.log), so `eval` and the reference scorer read them unchanged. Every page is drawn from its own
/// seed (the run's seed, split and number), so a page is the same whatever else is generated and in whatever order.
/// </summary>
public static class CorpusGenerator
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = false };

    /// <param name="damaged">Whether pages get the damage of their split (<see cref="Damage"/>); without it they are typed on white paper.</param>
    /// <param name="names">A collection's own names, which its cables repeat; null for the general text.</param>
    /// <param name="typewriter">The collection's typewriter, which types every page; null: each page drawn its own typeface and ink.</param>
    public static IReadOnlyList<string> Generate(string outDir, int pages, int seed, CorpusSplit split, bool damaged = true, int parallelism = 0,
        CollectionNames? names = null, Typewriter? typewriter = null)
    {
        if (Typeface.Missing() is { Count: > 0 } missing)
            throw new InvalidOperationException($"Fonts are missing ({string.Join(", ", missing.Select(t => t.File))}); run infra/install-deps.sh.");
        Directory.CreateDirectory(outDir);
        var written = new string[pages];
        var log = new string[pages];
        Parallel.For(0, pages, new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount }, index =>
        {
            var name = $"gen-{split.ToString().ToLowerInvariant()}-{seed}-{index:D4}";
            log[index] = WritePage(outDir, name, PageSeed(seed, split, index));
            written[index] = name;
        });
        File.WriteAllLines(Path.Combine(outDir, "generation.log"), log);
        return written;

        string WritePage(string dir, string name, int pageSeed)
        {
            var page = GeneratedPage.Make(name, pageSeed, split, damaged ? null : Damage.None, names, typewriter);
            File.WriteAllBytes(Path.Combine(dir, name + ".png"), page.Png);
            File.WriteAllText(Path.Combine(dir, name + ".gt.txt"), page.Text);
            File.WriteAllText(Path.Combine(dir, name + ".gt.json"), JsonSerializer.Serialize(page.GroundTruth, Json));
            var d = page.GroundTruth.Degradations;
            return $"{name}\t{page.GroundTruth.Degradations.Category}\t{page.GroundTruth.IllegibleSpans.Count} spans\t{page.GroundTruth.Font}\t{page.GroundTruth.Dpi} dpi\tskew {d.Skew}\tjpeg {d.JpegQ}\t{page.Png.Length}";
        }
    }

    /// <summary>A page's own seed: the same run seed, split and number always give the same page.</summary>
    public static int PageSeed(int seed, CorpusSplit split, int index)
    {
        // SplitMix64's finaliser over the three numbers: stable across processes and versions, unlike string.GetHashCode.
        ulong z = ((ulong)(uint)seed << 32 | (uint)index) ^ ((ulong)split + 1) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }
}

/// <summary>One generated page: its PNG and its ground truth.</summary>
public sealed record GeneratedPage(byte[] Png, string Text, GroundTruth GroundTruth)
{
    /// <param name="damage">The damage to give it; null draws it from the seed within the split's ranges.</param>
    /// <param name="names">A collection's own names for its text (<see cref="CableText.Compose"/>).</param>
    /// <param name="typewriter">The collection's typewriter: its typeface, pitch, ribbon and worn type replace the page's own draws (which are still made, so the rest of the page is as without it).</param>
    public static GeneratedPage Make(string name, int seed, CorpusSplit split, Damage? damage = null, CollectionNames? names = null, Typewriter? typewriter = null)
    {
        var random = new Random(seed);
        var faces = Typeface.Of(split);
        var typeface = faces[random.Next(faces.Count)];
        if (typewriter is not null) typeface = typewriter.Typeface;
        var style = PageStyle.Draw(random, typeface, PageRenderer.AdvancePerEm(typeface));
        if (typewriter is not null)
        {
            float cell = (float)PageLayout.Dpi / typewriter.Pitch;
            style = style with { Cell = cell, FontPixels = cell / PageRenderer.AdvancePerEm(typeface), InkMean = typewriter.InkMean, InkSpread = typewriter.InkSpread,
                WeakKeys = typewriter.WeakKeys, WeakStrike = typewriter.WeakStrike };
        }
        var text = CableText.Compose(random, names);
        using var renderer = new PageRenderer(typeface, style.FontPixels);
        var lines = Fit(ref text, style, renderer.Measure);
        var (typing, typed) = renderer.Render(lines, style, random);
        damage ??= Damage.Draw(random, split);
        if (typewriter is not null && damage != Damage.None) damage = damage with { Wear = typewriter.Wear };
        var (bitmap, words, spans) = damage == Damage.None ? (typing, typed, []) : PageDamage.Apply(typing, typed, damage, random);
        if (!ReferenceEquals(bitmap, typing)) typing.Dispose();
        using (bitmap)
        {
            // Line by line: each destroyed run of words becomes one [ILLEGIBLE] in the text, the typed line stays as typed.
            var byLine = words.GroupBy(w => w.Line).ToDictionary(g => g.Key, g => g.ToList());
            var destroyed = new HashSet<RenderedWord>(spans.SelectMany(s => byLine[s.Plan.Line].GetRange(s.Plan.FirstWord, s.Plan.Count)));
            var placed = lines.OfType<PlacedLine>().ToList();
            var gtLines = placed.Select((line, i) =>
            {
                var own = byLine[i];
                var typedText = string.Join(" ", own.Select(w => w.Text));
                var shown = new List<string>();
                foreach (var word in own)
                {
                    if (!destroyed.Contains(word)) shown.Add(word.Text);
                    else if (shown.Count == 0 || shown[^1] != Marker || !destroyed.Contains(own[own.IndexOf(word) - 1])) shown.Add(Marker);
                }
                return new GroundTruthLine(string.Join(" ", shown), typedText, [own.Min(w => w.X0), own.Min(w => w.Y0), own.Max(w => w.X1), own.Max(w => w.Y1)], line.Kind);
            }).ToList();
            int next = 0;
            var gtText = string.Join("\n", lines.Select(l => l is null ? "" : gtLines[next++].Text)) + "\n";
            var illegible = spans.Select(s =>
            {
                var run = byLine[s.Plan.Line].GetRange(s.Plan.FirstWord, s.Plan.Count);
                return new IllegibleSpan([run.Min(w => w.X0), run.Min(w => w.Y0), run.Max(w => w.X1), run.Max(w => w.Y1)], [.. run.Select(w => w.Text)],
                    s.Plan.Kind, s.Plan.Line, [s.DamageBox.X0, s.DamageBox.Y0, s.DamageBox.X1, s.DamageBox.Y1]);
            }).ToList();
            return new GeneratedPage(EncodePng(bitmap, damage.Dpi), gtText, new GroundTruth(
                name, name + ".png", bitmap.Width, bitmap.Height, damage.Dpi, gtText, gtLines,
                [.. words.Select(w => new GroundTruthWord(w.Text, [w.X0, w.Y0, w.X1, w.Y1], destroyed.Contains(w), w.Line))], illegible,
                typeface.Name, typeface.File, "generated", seed, typeface.Monospaced ? "typed" : "printed",
                new Degradations(illegible.Count > 0 ? "illegible" : "clean", null, Math.Round(damage.SkewDegrees, 2), typeface.Monospaced ? (int)Math.Round(PageLayout.Dpi / style.Cell) : null,
                    Math.Round(style.LineHeight / (double)(PageLayout.Dpi / 6), 2), Math.Round(style.FontPixels, 1), style.InkMean, style.InkSpread, style.BaselineJitter,
                    damage.PaperTone, Math.Round(damage.PaperNoise, 1), damage.Foxing, Math.Round(damage.Fade, 2), Math.Round(damage.Wear, 3),
                    Math.Round(damage.CarbonBlur, 2), Math.Round(damage.BleedThrough, 3), damage.Holes, damage.FoldY, Math.Round(damage.Contrast, 2), damage.JpegQuality,
                    [.. illegible.Select(i => i.Kind).Distinct()])
                { WeakKeys = style.WeakKeys.Length == 0 ? null : style.WeakKeys, WeakStrike = style.WeakKeys.Length == 0 ? null : Math.Round(style.WeakStrike, 3) }));
        }
    }

    private const string Marker = "[ILLEGIBLE]";

    /// <summary>The text laid out; paragraphs dropped from the end, or cut, until the page holds it above its bottom margin.</summary>
    private static List<PlacedLine?> Fit(ref CableText text, PageStyle style, Func<string, float> measure)
    {
        const int Bottom = PageLayout.Height - 240;
        while (true)
        {
            var lines = PageLayout.Lay(text, style, measure);
            if (lines.OfType<PlacedLine>().Last().Baseline <= Bottom) return lines;
            var paragraphs = text.Paragraphs.ToList();
            if (paragraphs.Count > 1) paragraphs.RemoveAt(paragraphs.Count - 1);
            else
            {
                var words = paragraphs[0].Split(' ');
                paragraphs[0] = string.Join(" ", words[..Math.Max(1, words.Length * 3 / 4)]);
            }
            text = text with { Paragraphs = paragraphs };
        }
    }

    /// <summary>PNG with its resolution (a pHYs chunk after the header: 300 dpi is 11,811 pixels a metre).</summary>
    private static byte[] EncodePng(SKBitmap bitmap, int dpi)
    {
        // zlib level 4: a grainy page compresses almost as well as at the default and in half the time.
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 4)) ?? throw new InvalidOperationException("Skia could not encode the page as PNG.");
        var png = data.ToArray();
        const int AfterHeader = 8 + 25; // signature, then IHDR: length, type, 13 bytes, CRC
        var chunk = new byte[21];
        BinaryPrimitives.WriteInt32BigEndian(chunk, 9);
        Encoding.ASCII.GetBytes("pHYs").CopyTo(chunk, 4);
        int perMetre = (int)Math.Round(dpi / 0.0254);
        BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(8), perMetre);
        BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(12), perMetre);
        chunk[16] = 1; // unit: metre
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc32(chunk.AsSpan(4, 13)));
        return [.. png[..AfterHeader], .. chunk, .. png[AfterHeader..]];
    }

    /// <summary>
    /// The same page with a note in a PNG text chunk: other bytes (another document to an archive that knows files by
    /// their hash), the same pixels.
    /// </summary>
    public static byte[] WithNote(byte[] png, string note)
    {
        ArgumentNullException.ThrowIfNull(png);
        const int AfterHeader = 8 + 25;
        var text = Encoding.Latin1.GetBytes("Comment\0" + note);
        var chunk = new byte[12 + text.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, text.Length);
        Encoding.ASCII.GetBytes("tEXt").CopyTo(chunk, 4);
        text.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + text.Length), Crc32(chunk.AsSpan(4, 4 + text.Length)));
        return [.. png[..AfterHeader], .. chunk, .. png[AfterHeader..]];
    }

    /// <summary>PNG's CRC-32 (ISO 3309), bit by bit: a chunk of a few bytes does not need a table.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}

public sealed record GroundTruthLine(string Text, string Typed, int[] Bbox, string Kind);

public sealed record GroundTruthWord(string Text, int[] Bbox, bool Illegible, int Line);

public sealed record IllegibleSpan(int[] Bbox, string[] Words, string Kind, int Line, int[] DamageBbox);

/// <summary>How the page was typed and damaged; the dev corpus's names where it has them.</summary>
public sealed record Degradations(string Category, string? HardMode, double Skew, int? PitchCpi, double LineSpacing, double FontPx,
    int InkMu, int InkSd, int Jitter, int PaperTone, double PaperNoise, int Foxing, double Fade, double Wear,
    double Carbon, double Bleed, int Holes, int? Fold, double Levels, int JpegQ, IReadOnlyList<string> IllegibleKinds)
{
    /// <summary>A collection's typewriter's weak keys and the share of ink they strike with (<see cref="Typewriter"/>); null elsewhere.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WeakKeys { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? WeakStrike { get; init; }
}

/// <summary>NAME.gt.json, as the dev corpus's README defines it.</summary>
public sealed record GroundTruth(string Name, string Image, int Width, int Height, int Dpi, string Text,
    IReadOnlyList<GroundTruthLine> Lines, IReadOnlyList<GroundTruthWord> Words, IReadOnlyList<IllegibleSpan> IllegibleSpans,
    string Font, string FontFile, string Source, int Seed, string Profile, Degradations Degradations);
