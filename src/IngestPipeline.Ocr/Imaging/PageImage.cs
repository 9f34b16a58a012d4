using System.Runtime.InteropServices;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Native;

namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// A decoded page in native (Leptonica) memory. Every transformation returns a new image; the caller
/// disposes each one it owns. Pixels never cross into managed memory except when encoded for output, and a page
/// shrunk 4 x 4 for its stains to be labelled (<see cref="StainFinder"/>).
/// </summary>
public sealed unsafe class PageImage : IDisposable
{
    internal PixHandle Handle { get; }

    internal PageImage(PixHandle handle, string operation)
    {
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new InvalidOperationException($"Leptonica could not {operation}.");
        }
        Handle = handle;
    }

    public int Width => Leptonica.pixGetWidth(Handle);
    public int Height => Leptonica.pixGetHeight(Handle);
    public int Depth => Leptonica.pixGetDepth(Handle);
    /// <summary>Horizontal resolution as stored in the file; 0 when the file did not say.</summary>
    public int StoredDpi => Leptonica.pixGetXRes(Handle);

    public void SetDpi(int dpi) => Leptonica.pixSetResolution(Handle, dpi, dpi);

    /// <summary>Sets the resolution and returns the same image.</summary>
    public PageImage WithDpi(int dpi)
    {
        SetDpi(dpi);
        return this;
    }

    /// <summary>Decodes a PNG, JPEG, TIFF (first page) or other Leptonica-readable image.</summary>
    public static PageImage Decode(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data) return new PageImage(Leptonica.pixReadMem(p, (nuint)data.Length), "decode the image");
    }

    /// <summary>Decodes page <paramref name="index"/> (0-based) of a TIFF.</summary>
    public static PageImage DecodeTiffPage(ReadOnlySpan<byte> data, int index)
    {
        fixed (byte* p = data) return new PageImage(Leptonica.pixReadMemTiff(p, (nuint)data.Length, index), $"decode TIFF page {index + 1}");
    }

    public PageImage ToGray() => new(Leptonica.pixConvertTo8(Handle, 0), "convert the image to grayscale");

    /// <summary>Rotates clockwise by a multiple of 90 degrees.</summary>
    public PageImage RotateClockwise(int quarterTurns) =>
        new(Leptonica.pixRotateOrth(Handle, ((quarterTurns % 4) + 4) % 4), "rotate the image");

    /// <summary>Another reference to the same pixels (no copy); dispose it like any image.</summary>
    public PageImage Share() => new(Leptonica.pixClone(Handle), "share the image");

    /// <summary>
    /// Finds the skew of the text lines and rotates it away; returns the angle found (degrees, counter-clockwise
    /// positive) and Leptonica's confidence in it. The lines are measured on the page binarised at its own ink threshold,
    /// so faint typing is measured too (Leptonica's own deskew thresholds at a fixed gray level and misses a faded ribbon).
    /// An angle under <paramref name="minAngle"/> is measured but left alone (<paramref name="rotated"/> false).
    /// </summary>
    public PageImage Deskew(int inkThreshold, float minAngle, out float angle, out float confidence, out bool rotated)
    {
        using var ink = Binarize(inkThreshold);
        rotated = Leptonica.pixFindSkew(ink.Handle, out angle, out confidence) == 0 && confidence > 0 && MathF.Abs(angle) >= Math.Max(minAngle, 0.05f);
        if (!rotated)
            return Share();
        // Shear rotation: at the few degrees a scan is skewed it reads as well as area-mapped rotation
        // (dev corpus CER 0.0073 against 0.0072) and costs a fraction of it.
        const int shear = 2, bringInWhite = 1;
        return new PageImage(Leptonica.pixRotate(Handle, angle * MathF.PI / 180f, shear, bringInWhite, 0, 0), "deskew the image");
    }

    /// <summary>
    /// The gray level that separates ink from paper on this page (Otsu's method). The histogram is
    /// sampled every fourth pixel each way: as good as the full one and a sixteenth of the work.
    /// </summary>
    public int InkThreshold()
    {
        if (Leptonica.pixSplitDistributionFgBg(Handle, 0f, 4, out int threshold, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero) != 0)
            throw new InvalidOperationException("Leptonica could not find the ink threshold.");
        return threshold;
    }

    /// <summary>Ink (darker than <paramref name="threshold"/>) black, the rest white.</summary>
    public PageImage Binarize(int threshold) => new(Leptonica.pixThresholdToBinary(Handle, threshold), "binarise the image");

    /// <summary>
    /// Whitens specks (dust, scanner noise, foxing) no larger than <paramref name="maxSize"/> pixels either way in a
    /// gray page. The page stays gray: Tesseract's line recogniser reads the gray image, and a binarised
    /// one costs it accuracy. Specks are found on the page binarised at <paramref name="inkThreshold"/>.
    /// A speck within <paramref name="textReach"/> pixels across and half that up or down of a larger mark (a letter)
    /// is kept: on a text line it is punctuation or the dot of an i as often as dirt, and on a clean scan a full stop
    /// is no larger than a speck. Dirt between the lines and in the margins goes; 0 takes every speck.
    /// </summary>
    public PageImage RemoveSpecks(int inkThreshold, int maxSize, int textReach = 0)
    {
        using var split = SplitSpecks(inkThreshold, maxSize);
        using var lone = textReach > 0 ? LoneSpecks(split.Specks, split.Letters, textReach) : split.Specks.Share();
        var cleaned = Scale(1f);
        if (Leptonica.pixSetMasked(cleaned.Handle, lone.Handle, 255) != 0)
        {
            cleaned.Dispose();
            throw new InvalidOperationException("Leptonica could not remove specks.");
        }
        return cleaned;
    }

    /// <summary>The gray level this share of the pixels is darker than: at 0.5, on a page of typing, its paper.</summary>
    public int Level(float rank)
    {
        if (Leptonica.pixGetRankValue(Handle, 2, rank, out uint level) != 0)
            throw new InvalidOperationException("Leptonica could not measure the image's levels.");
        return (int)level;
    }

    /// <summary>
    /// A copy with each box painted over in gray <paramref name="level"/>, <paramref name="across"/> pixels beyond it
    /// left and right, <paramref name="down"/> above and below.
    /// </summary>
    public PageImage WithPainted(IEnumerable<BoundingBox> boxes, int across, int down, int level)
    {
        var painted = Scale(1f);
        foreach (var b in boxes)
        {
            using var box = Leptonica.boxCreate(b.Left - across, b.Top - down, b.Width + 2 * across, b.Height + 2 * down);
            if (Leptonica.pixSetInRectArbitrary(painted.Handle, box, (uint)level) != 0)
            {
                painted.Dispose();
                throw new InvalidOperationException("Leptonica could not paint a region.");
            }
        }
        return painted;
    }

    /// <summary>
    /// How many specks (marks no larger than <paramref name="maxSize"/> pixels either way) the page holds, and how many
    /// of them lie within <paramref name="textReach"/> of a letter: those are what speck removal may get wrong (a full
    /// stop, a comma, the dot of an i), where the rest is dirt in the margins and between the lines.
    /// </summary>
    public (int All, int BesideLetters) CountSpecks(int inkThreshold, int maxSize, int textReach)
    {
        using var split = SplitSpecks(inkThreshold, maxSize);
        using var lone = LoneSpecks(split.Specks, split.Letters, textReach);
        if (Leptonica.pixCountConnComp(split.Specks.Handle, 8, out int all) != 0 || Leptonica.pixCountConnComp(lone.Handle, 8, out int loneCount) != 0)
            throw new InvalidOperationException("Leptonica could not count specks.");
        return (all, all - loneCount);
    }

    /// <summary>The page's ink, binarised at <paramref name="inkThreshold"/>, as marks larger than <paramref name="maxSize"/> either way (letters) and the rest (specks).</summary>
    private SpeckSplit SplitSpecks(int inkThreshold, int maxSize)
    {
        using var ink = Binarize(inkThreshold);
        var letters = new PageImage(
            Leptonica.pixSelectBySize(ink.Handle, maxSize, maxSize, 8, 5 /* either dimension */, 2 /* greater than */, IntPtr.Zero),
            "find specks");
        try
        {
            return new SpeckSplit(letters, new PageImage(Leptonica.pixSubtract(IntPtr.Zero, ink.Handle, letters.Handle), "find specks"));
        }
        catch
        {
            letters.Dispose();
            throw;
        }
    }

    private sealed class SpeckSplit(PageImage letters, PageImage specks) : IDisposable
    {
        public PageImage Letters => letters;
        public PageImage Specks => specks;

        public void Dispose()
        {
            letters.Dispose();
            specks.Dispose();
        }
    }

    /// <summary>The specks no part of which lies within reach of a letter.</summary>
    private static PageImage LoneSpecks(PageImage specks, PageImage letters, int reach)
    {
        using var nearLetters = new PageImage(Leptonica.pixDilateBrick(IntPtr.Zero, letters.Handle, 2 * reach + 1, reach + 1), "find specks");
        using var touching = new PageImage(Leptonica.pixAnd(IntPtr.Zero, specks.Handle, nearLetters.Handle), "find specks");
        // Grow each touching part back to its whole speck, so a speck is kept or taken whole.
        using var beside = new PageImage(Leptonica.pixSeedfillBinary(IntPtr.Zero, touching.Handle, specks.Handle, 8), "find specks");
        return new PageImage(Leptonica.pixSubtract(IntPtr.Zero, specks.Handle, beside.Handle), "find specks");
    }

    public PageImage Scale(float factor) => Scale(factor, factor);

    public PageImage Scale(float horizontal, float vertical) => new(Leptonica.pixScale(Handle, horizontal, vertical), "scale the image");

    public PageImage Crop(int left, int top, int width, int height)
    {
        using var box = Leptonica.boxCreate(left, top, width, height);
        return new PageImage(Leptonica.pixClipRectangle(Handle, box, IntPtr.Zero), "crop the image");
    }

    /// <summary>
    /// A grayscale copy whose levels are stretched so the darkest ink present (the 1st percentile) becomes black and
    /// the paper (the median) white: ribbon faded to a few levels darker than the paper comes out as dark strokes.
    /// </summary>
    public PageImage StretchContrast()
    {
        if (Leptonica.pixGetRankValue(Handle, 1, 0.01f, out uint ink) != 0 || Leptonica.pixGetRankValue(Handle, 1, 0.5f, out uint paper) != 0)
            throw new InvalidOperationException("Leptonica could not measure the image's levels.");
        int dark = (int)ink, light = (int)Math.Max(paper, ink + 1);
        return new PageImage(Leptonica.pixGammaTRC(IntPtr.Zero, Handle, 1.0f, dark, light), "stretch the contrast");
    }

    public byte[] EncodeJpeg(int quality = 80) =>
        Encode(Leptonica.pixWriteMemJpeg(out var data, out var size, Handle, quality, 0), data, size, "JPEG");

    /// <summary>Lossless: PNG, or for a bitonal page TIFF with CCITT G4 (a tenth of the size, and faster).</summary>
    public byte[] EncodeLossless()
    {
        const int TiffG4 = 8; // Leptonica's IFF_TIFF_G4
        return Depth == 1
            ? Encode(Leptonica.pixWriteMemTiff(out var tiff, out var tiffSize, Handle, TiffG4), tiff, tiffSize, "TIFF")
            : Encode(Leptonica.pixWriteMemPng(out var png, out var pngSize, Handle, 0f), png, pngSize, "PNG");
    }

    private static byte[] Encode(int status, IntPtr data, nuint size, string format)
    {
        try
        {
            if (status != 0 || data == IntPtr.Zero) throw new InvalidOperationException($"Leptonica could not encode the page as {format}.");
            var bytes = new byte[(int)size];
            Marshal.Copy(data, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            if (data != IntPtr.Zero) Leptonica.lept_free(data);
        }
    }

    public void Dispose() => Handle.Dispose();
}
