using IngestPipeline.Ocr.Imaging;
using IngestPipeline.Ocr.Recognition;

namespace IngestPipeline.Ocr.Tests;

/// <summary>
/// Measures this process's resident memory, so it must not share the process's time with other tests:
/// xunit runs collections that disable parallelisation alone, after the others.
/// </summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>Native memory is released: many recognitions in one process leave the resident size flat.</summary>
[Collection(nameof(MemoryMeasurement))]
public sealed class EngineLifetimeTests
{
    [Fact]
    public void Two_hundred_recognitions_do_not_grow_resident_memory()
    {
        using var engine = new TesseractEngine(new OcrOptions { Engines = 1 });
        using var scan = Scan.Open(TestData.Scan(TestData.Clean));
        using var page = scan.DecodePage(0);
        using var strip = page.Crop(200, 250, 2100, 260); // a few header lines: quick to read

        long afterWarmUp = 0;
        for (int i = 1; i <= 200; i++)
        {
            // Every round goes through all native types: images, engine results, iterators, monitors.
            using var gray = strip.ToGray();
            using var cleaned = gray.RemoveSpecks(gray.InkThreshold(), 5);
            var blocks = engine.Recognize(cleaned, 300);
            Assert.NotEmpty(blocks);
            if (i == 20) afterWarmUp = ResidentBytes();
        }
        long growth = ResidentBytes() - afterWarmUp;
        Assert.True(growth < 20 * 1024 * 1024, $"resident memory grew by {growth / 1024 / 1024} MB over 180 recognitions");
    }

    [Fact]
    public async Task Pool_runs_at_most_its_engine_count_at_once()
    {
        using var pool = new EnginePool(new OcrOptions { Engines = 2 });
        int running = 0, most = 0;
        var engines = new System.Collections.Concurrent.ConcurrentBag<Recognizers>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => pool.RunAsync(engine =>
        {
            engines.Add(engine);
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            // Hold the engine until a second caller is running too (or give up after a while), so an
            // overlap that the pool allows is seen whatever the timing of engine start-up.
            SpinWait.SpinUntil(() => Volatile.Read(ref running) >= 2, TimeSpan.FromSeconds(5));
            Thread.Sleep(20);
            Interlocked.Decrement(ref running);
            return 0;
        })));
        Assert.Equal(2, most);
        Assert.Equal(2, engines.Distinct().Count());
    }

    [Fact]
    public async Task Pages_larger_together_than_the_pixel_budget_are_recognised_one_at_a_time()
    {
        using var pool = new EnginePool(new OcrOptions { Engines = 2, MaxPixelsAtOnce = 20_000_000 });
        int running = 0, most = 0;
        int Work(Recognizers engines)
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            // Wait for a second page to join, as the pool allows or not (engine start-up takes well under this).
            SpinWait.SpinUntil(() => Volatile.Read(ref running) >= 2, TimeSpan.FromSeconds(2));
            Interlocked.Decrement(ref running);
            return 0;
        }

        // Two 16-megapixel pages (400-dpi A4): over the budget together, so one waits for the other.
        await Task.WhenAll(pool.RunAsync(Work, pixels: 16_000_000), pool.RunAsync(Work, pixels: 16_000_000));
        Assert.Equal(1, most);
        // Two 8.7-megapixel pages (300-dpi A4) fit together; a page over the budget still runs, alone.
        most = 0;
        await Task.WhenAll(pool.RunAsync(Work, pixels: 8_700_000), pool.RunAsync(Work, pixels: 8_700_000));
        Assert.Equal(2, most);
        most = 0;
        Assert.Equal(0, await pool.RunAsync(Work, pixels: 34_000_000));
        Assert.Equal(1, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024;
    }
}
