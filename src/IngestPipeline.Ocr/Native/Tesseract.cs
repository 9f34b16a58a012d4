using System.Runtime.InteropServices;

namespace IngestPipeline.Ocr.Native;

/// <summary>
/// Tesseract 5's C API (libtesseract.so.5). BOOL is a 4-byte int. Strings returned as char* are owned
/// by us and freed with TessDeleteText; const char* returns belong to Tesseract and are never freed.
/// </summary>
internal static partial class Tesseract
{
    private const string Lib = "libtesseract.so.5";

    static Tesseract() => NativeEnvironment.Prepare();

    public enum Level { Block = 0, Paragraph = 1, TextLine = 2, Word = 3, Symbol = 4 }

    [LibraryImport(Lib)] public static partial TessApiHandle TessBaseAPICreate();
    [LibraryImport(Lib)] public static partial void TessBaseAPIDelete(IntPtr api);
    [LibraryImport(Lib)] public static partial void TessBaseAPIEnd(IntPtr api);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPIInit2(TessApiHandle api, string? dataPath, string language, int engineMode);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPISetVariable(TessApiHandle api, string name, string value);

    [LibraryImport(Lib)] public static partial void TessBaseAPISetPageSegMode(TessApiHandle api, int mode);
    [LibraryImport(Lib)] public static partial void TessBaseAPISetImage2(TessApiHandle api, PixHandle pix);
    [LibraryImport(Lib)] public static partial void TessBaseAPISetSourceResolution(TessApiHandle api, int ppi);
    [LibraryImport(Lib)] public static partial void TessBaseAPISetRectangle(TessApiHandle api, int left, int top, int width, int height);
    [LibraryImport(Lib)] public static partial int TessBaseAPIRecognize(TessApiHandle api, TessMonitorHandle monitor);
    [LibraryImport(Lib)] public static partial void TessBaseAPIClear(TessApiHandle api);

    [LibraryImport(Lib)]
    public static partial int TessBaseAPIDetectOrientationScript(TessApiHandle api, out int orientationDegrees,
        out float orientationConfidence, out IntPtr scriptName, out float scriptConfidence);

    [LibraryImport(Lib)] public static partial TessResultIteratorHandle TessBaseAPIGetIterator(TessApiHandle api);
    [LibraryImport(Lib)] public static partial void TessResultIteratorDelete(IntPtr iterator);
    [LibraryImport(Lib)] public static partial IntPtr TessResultIteratorGetPageIterator(TessResultIteratorHandle iterator);
    [LibraryImport(Lib)] public static partial int TessResultIteratorNext(TessResultIteratorHandle iterator, Level level);
    [LibraryImport(Lib)] public static partial IntPtr TessResultIteratorGetUTF8Text(TessResultIteratorHandle iterator, Level level);
    [LibraryImport(Lib)] public static partial float TessResultIteratorConfidence(TessResultIteratorHandle iterator, Level level);
    [LibraryImport(Lib)] public static partial int TessPageIteratorIsAtBeginningOf(IntPtr pageIterator, Level level);
    [LibraryImport(Lib)]
    public static partial int TessPageIteratorBoundingBox(IntPtr pageIterator, Level level, out int left, out int top, out int right, out int bottom);
    [LibraryImport(Lib)] public static partial void TessDeleteText(IntPtr text);

    [LibraryImport(Lib)] public static partial TessMonitorHandle TessMonitorCreate();
    [LibraryImport(Lib)] public static partial void TessMonitorDelete(IntPtr monitor);
    [LibraryImport(Lib)] public static partial void TessMonitorSetDeadlineMSecs(TessMonitorHandle monitor, int deadline);

    /// <summary>Copies a char* that we own into a string and frees it.</summary>
    public static string TakeText(IntPtr text)
    {
        if (text == IntPtr.Zero) return "";
        try { return Marshal.PtrToStringUTF8(text) ?? ""; }
        finally { TessDeleteText(text); }
    }
}
