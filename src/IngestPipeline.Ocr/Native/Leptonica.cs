using System.Runtime.InteropServices;

namespace IngestPipeline.Ocr.Native;

/// <summary>The few Leptonica 1.82 functions the pipeline needs (liblept.so.5). l_ok is 0 on success.</summary>
internal static unsafe partial class Leptonica
{
    private const string Lib = "liblept.so.5";

    public const int SeverityNone = 6;

    static Leptonica()
    {
        NativeEnvironment.Prepare();
        // Leptonica reports failures on stderr; the pipeline turns them into its own messages instead.
        setMsgSeverity(SeverityNone);
    }

    [LibraryImport(Lib)] public static partial int setMsgSeverity(int newSeverity);

    [LibraryImport(Lib)] public static partial PixHandle pixReadMem(byte* data, nuint size);
    [LibraryImport(Lib)] public static partial PixHandle pixReadMemTiff(byte* data, nuint size, int page);
    [LibraryImport(Lib)]
    public static partial int pixReadHeaderMem(byte* data, nuint size, out int format, out int width, out int height,
        out int bitsPerSample, out int samplesPerPixel, out int isColormapped);

    [LibraryImport(Lib)] public static partial void pixDestroy(ref IntPtr pix);
    [LibraryImport(Lib)] public static partial int pixGetWidth(PixHandle pix);
    [LibraryImport(Lib)] public static partial int pixGetHeight(PixHandle pix);
    [LibraryImport(Lib)] public static partial int pixGetDepth(PixHandle pix);
    [LibraryImport(Lib)] public static partial int pixGetXRes(PixHandle pix);
    [LibraryImport(Lib)] public static partial int pixSetResolution(PixHandle pix, int xres, int yres);

    [LibraryImport(Lib)] public static partial PixHandle pixConvertTo8(PixHandle pix, int colormapFlag);
    [LibraryImport(Lib)] public static partial PixHandle pixRotateOrth(PixHandle pix, int quads);
    [LibraryImport(Lib)] public static partial PixHandle pixClone(PixHandle pix);
    [LibraryImport(Lib)] public static partial int pixFindSkew(PixHandle binary, out float angle, out float confidence);
    [LibraryImport(Lib)] public static partial PixHandle pixRotate(PixHandle pix, float radians, int type, int incoming, int width, int height);
    [LibraryImport(Lib)] public static partial PixHandle pixScale(PixHandle pix, float scaleX, float scaleY);
    [LibraryImport(Lib)] public static partial PixHandle pixClipRectangle(PixHandle pix, BoxHandle box, IntPtr clippedBox);
    [LibraryImport(Lib)] public static partial PixHandle pixAddBorder(PixHandle pix, int pixels, uint value);

    [LibraryImport(Lib)]
    public static partial int pixSplitDistributionFgBg(PixHandle pix, float scoreFraction, int sampling, out int threshold,
        IntPtr foreground, IntPtr background, IntPtr debug);
    [LibraryImport(Lib)] public static partial PixHandle pixThresholdToBinary(PixHandle pix, int threshold);
    [LibraryImport(Lib)]
    public static partial PixHandle pixSelectBySize(PixHandle pix, int width, int height, int connectivity, int type, int relation, IntPtr changed);
    [LibraryImport(Lib)] public static partial PixHandle pixSubtract(IntPtr destination, PixHandle minuend, PixHandle subtrahend);
    [LibraryImport(Lib)] public static partial int pixSetMasked(PixHandle destination, PixHandle mask, uint value);
    [LibraryImport(Lib)] public static partial int pixSetInRectArbitrary(PixHandle pix, BoxHandle box, uint value);

    [LibraryImport(Lib)] public static partial PixHandle pixScaleAreaMap(PixHandle pix, float scaleX, float scaleY);
    [LibraryImport(Lib)] public static partial PixHandle pixOpenBrick(IntPtr destination, PixHandle pix, int width, int height);
    [LibraryImport(Lib)] public static partial PixHandle pixDilateBrick(IntPtr destination, PixHandle pix, int width, int height);
    [LibraryImport(Lib)] public static partial PixHandle pixAnd(IntPtr destination, PixHandle first, PixHandle second);
    [LibraryImport(Lib)] public static partial PixHandle pixSeedfillBinary(IntPtr destination, PixHandle seed, PixHandle mask, int connectivity);
    [LibraryImport(Lib)] public static partial int pixGetWpl(PixHandle pix);
    [LibraryImport(Lib)] public static partial uint* pixGetData(PixHandle pix);
    [LibraryImport(Lib)] public static partial BoxaHandle pixConnComp(PixHandle pix, out IntPtr components, int connectivity);
    [LibraryImport(Lib)] public static partial BoxaHandle pixConnCompBB(PixHandle pix, int connectivity);
    [LibraryImport(Lib)] public static partial int pixCountConnComp(PixHandle pix, int connectivity, out int count);
    [LibraryImport(Lib)] public static partial PixHandle pixaGetPix(IntPtr components, int index, int access);
    [LibraryImport(Lib)] public static partial void pixaDestroy(ref IntPtr components);
    [LibraryImport(Lib)] public static partial int boxaGetCount(BoxaHandle boxa);
    [LibraryImport(Lib)] public static partial int boxaGetBoxGeometry(BoxaHandle boxa, int index, out int x, out int y, out int width, out int height);
    [LibraryImport(Lib)] public static partial void boxaDestroy(ref IntPtr boxa);

    [LibraryImport(Lib)] public static partial BoxHandle boxCreate(int x, int y, int width, int height);
    [LibraryImport(Lib)] public static partial void boxDestroy(ref IntPtr box);

    [LibraryImport(Lib)] public static partial int pixGetRankValue(PixHandle pix, int factor, float rank, out uint value);
    [LibraryImport(Lib)] public static partial PixHandle pixGammaTRC(IntPtr destination, PixHandle pix, float gamma, int minValue, int maxValue);

    [LibraryImport(Lib)] public static partial int pixWriteMemPng(out IntPtr data, out nuint size, PixHandle pix, float gamma);
    [LibraryImport(Lib)] public static partial int pixWriteMemTiff(out IntPtr data, out nuint size, PixHandle pix, int compression);
    [LibraryImport(Lib)] public static partial int pixWriteMemJpeg(out IntPtr data, out nuint size, PixHandle pix, int quality, int progressive);
    [LibraryImport(Lib)] public static partial void lept_free(IntPtr data);
}
