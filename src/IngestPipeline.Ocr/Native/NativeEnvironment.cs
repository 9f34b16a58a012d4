using System.Runtime.InteropServices;

namespace IngestPipeline.Ocr.Native;

/// <summary>
/// Settings that must reach the native libraries before they load or allocate, and the native heap's upkeep.
/// Debian's Tesseract is built with OpenMP; left alone, every engine spreads over all cores and a
/// page takes several times longer. Throughput comes from one engine per core instead, so OpenMP
/// is limited to one thread. <see cref="Environment.SetEnvironmentVariable(string, string)"/> only
/// changes .NET's copy of the environment, hence libc's setenv.
/// </summary>
internal static partial class NativeEnvironment
{
    private static int _prepared;

    /// <summary>
    /// Free memory the native heap may keep for the next page: the working memory of two engines on 300-dpi pages
    /// (about 80 MB) stays; what a large page (a 600-dpi scan, a newspaper sheet) leaves beyond it goes back.
    /// </summary>
    public const long KeepFreeBytes = 128L << 20;

    public static void Prepare()
    {
        if (Interlocked.Exchange(ref _prepared, 1) == 1) return;
        // overwrite = 0: an operator who sets OMP_THREAD_LIMIT in the launcher keeps their value.
        _ = setenv("OMP_THREAD_LIMIT", "1", 0);
    }

    /// <summary>
    /// Returns the native heap's free memory to the system once it holds more than <see cref="KeepFreeBytes"/>. Returning
    /// all of it after every page (or serving page buffers by mmap, as a fixed 1 MB mmap threshold did) made the next
    /// page fault every 4 KB of its buffers in again, each fault a TLB flush sent to the other cores: on two cores that
    /// was 11 of the 60 CPU-seconds of the 30 dev pages, and batches ran 15 % slower (docs/benchmarks.md).
    /// </summary>
    public static void ReleaseFreeMemory()
    {
        if ((long)mallinfo2().FreeBytes > KeepFreeBytes) _ = malloc_trim(0);
    }

    /// <summary>glibc's <c>struct mallinfo2</c>: heap statistics over all arenas (FreeBytes is <c>fordblks</c>).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct MallInfo2
    {
        public readonly nuint Arena, OrdinaryBlocks, SmallBlocks, MappedBlocks, MappedBytes, MaxTotal, FreeSmallBytes, UsedBytes, FreeBytes, KeepCost;
    }

    [LibraryImport("libc")]
    private static partial MallInfo2 mallinfo2();

    [LibraryImport("libc")]
    private static partial int malloc_trim(nuint pad);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
