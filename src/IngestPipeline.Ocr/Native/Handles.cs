using System.Runtime.InteropServices;

namespace IngestPipeline.Ocr.Native;

/// <summary>A Leptonica PIX.</summary>
internal sealed class PixHandle : SafeHandle
{
    public PixHandle() : base(IntPtr.Zero, ownsHandle: true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle()
    {
        var pix = handle;
        Leptonica.pixDestroy(ref pix);
        return true;
    }
}

/// <summary>A Leptonica BOX.</summary>
internal sealed class BoxHandle : SafeHandle
{
    public BoxHandle() : base(IntPtr.Zero, ownsHandle: true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle()
    {
        var box = handle;
        Leptonica.boxDestroy(ref box);
        return true;
    }
}

/// <summary>A Leptonica BOXA (array of boxes).</summary>
internal sealed class BoxaHandle : SafeHandle
{
    public BoxaHandle() : base(IntPtr.Zero, ownsHandle: true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle()
    {
        var boxa = handle;
        Leptonica.boxaDestroy(ref boxa);
        return true;
    }
}

/// <summary>A TessBaseAPI: one recognition engine.</summary>
internal sealed class TessApiHandle : SafeHandle
{
    public TessApiHandle() : base(IntPtr.Zero, ownsHandle: true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle()
    {
        Tesseract.TessBaseAPIEnd(handle);
        Tesseract.TessBaseAPIDelete(handle);
        return true;
    }
}

/// <summary>A TessResultIterator over the last recognition.</summary>
internal sealed class TessResultIteratorHandle : SafeHandle
{
    public TessResultIteratorHandle() : base(IntPtr.Zero, ownsHandle: true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle()
    {
        Tesseract.TessResultIteratorDelete(handle);
        return true;
    }
}

/// <summary>An ETEXT_DESC progress monitor, which carries the recognition deadline.</summary>
internal sealed class TessMonitorHandle : SafeHandle
{
    public TessMonitorHandle() : base(IntPtr.Zero, ownsHandle: true) { }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle()
    {
        Tesseract.TessMonitorDelete(handle);
        return true;
    }
}
