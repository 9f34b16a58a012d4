using System.Runtime.InteropServices;

namespace IngestPipeline.Ocr.Native;

/// <summary>
/// Settings that must reach the native libraries before they load or allocate.
/// Debian's Tesseract is built with OpenMP; left alone, every engine spreads over all cores and a
/// page takes several times longer. Throughput comes from one engine per core instead, so OpenMP
/// is limited to one thread. <see cref="Environment.SetEnvironmentVariable(string, string)"/> only
/// changes .NET's copy of the environment, hence libc's setenv.
/// </summary>
internal static partial class NativeEnvironment
{
    private static int _prepared;

    public static void Prepare()
    {
        if (Interlocked.Exchange(ref _prepared, 1) == 1) return;
        // overwrite = 0: an operator who sets OMP_THREAD_LIMIT in the launcher keeps their value.
        _ = setenv("OMP_THREAD_LIMIT", "1", 0);
        // Page images are megabytes each. glibc serves such blocks with mmap and returns them on free,
        // but after the first free it raises its mmap threshold up to 32 MB, after which page-sized blocks
        // come from the heap and freed ones stay resident. A fixed threshold keeps memory flat.
        const int mmapThreshold = -3; // M_MMAP_THRESHOLD
        _ = mallopt(mmapThreshold, 1 << 20);
    }

    /// <summary>
    /// Returns the native heap's free memory to the system. A page leaves many blocks under the mmap threshold freed
    /// across the heap (Tesseract's and ONNX Runtime's working memory); without a trim they stay resident and the
    /// next large page adds its own on top.
    /// </summary>
    public static void ReleaseFreeMemory() => _ = malloc_trim(0);

    [LibraryImport("libc")]
    private static partial int malloc_trim(nuint pad);

    [LibraryImport("libc")]
    private static partial int mallopt(int parameter, int value);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
