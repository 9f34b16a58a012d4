using System.Collections.Concurrent;
using System.Diagnostics;
using IngestPipeline.Ocr.Native;
using IngestPipeline.Ocr.Paddle;

namespace IngestPipeline.Ocr.Recognition;

/// <summary>
/// A fixed number of engines shared by any number of callers: at most <see cref="OcrOptions.Engines"/>
/// pages are recognised at once, each on its own engine, and no more pixels than
/// <see cref="OcrOptions.MaxPixelsAtOnce"/> (a larger page is recognised alone). A page's memory grows with its
/// pixels, not its count: two 34-megapixel pages at once take twice the memory one does. Engines are created on
/// first need and reused; where both recognisers read, the engines share one PP-OCR recogniser.
/// </summary>
public sealed class EnginePool : IDisposable
{
    private readonly OcrOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly Lazy<PaddleRecognizer>? _paddle;
    private readonly ConcurrentBag<Recognizers> _idle = [];
    private readonly ConcurrentBag<Recognizers> _all = [];
    private readonly Lock _gate = new();
    private long _pixelsInUse;
    private long _busyTicks;
    private TaskCompletionSource _pixelsFreed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <exception cref="PaddleModelsMissingException">Both recognisers are asked for and PP-OCR's models are not installed.</exception>
    public EnginePool(OcrOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Engines, 1);
        _options = options;
        if (options.Recognizers == RecognizerChoice.Both)
        {
            var models = PaddleModels.Open(options.ModelsPath);
            _paddle = new Lazy<PaddleRecognizer>(() => new PaddleRecognizer(models));
        }
        _slots = new SemaphoreSlim(options.Engines, options.Engines);
    }

    public OcrOptions Options => _options;

    /// <summary>The time the engines have spent on work, summed over the engines (over elapsed time and engines: their busy share).</summary>
    public TimeSpan BusyTime => TimeSpan.FromTicks(Interlocked.Read(ref _busyTicks));

    /// <summary>
    /// Runs <paramref name="work"/> on an engine of its own, waiting for one to be free and, for a page of
    /// <paramref name="pixels"/> pixels, for room among the pixels being recognised.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Recognizers, T> work, CancellationToken cancellation = default, long pixels = 0)
    {
        await _slots.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            await AdmitAsync(pixels, cancellation).ConfigureAwait(false);
            try
            {
                // Starting an engine and recognising are native CPU work: keep both off the caller's thread.
                return await Task.Run(() =>
                {
                    var engine = Take();
                    long started = Stopwatch.GetTimestamp();
                    try
                    {
                        return work(engine);
                    }
                    finally
                    {
                        Interlocked.Add(ref _busyTicks, Stopwatch.GetElapsedTime(started).Ticks);
                        _idle.Add(engine);
                        NativeEnvironment.ReleaseFreeMemory();
                    }
                }, cancellation).ConfigureAwait(false);
            }
            finally
            {
                Leave(pixels);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Waits until the page's pixels fit beside those being recognised, or nothing is being recognised.</summary>
    private async Task AdmitAsync(long pixels, CancellationToken cancellation)
    {
        while (true)
        {
            Task freed;
            lock (_gate)
            {
                if (_pixelsInUse == 0 || _pixelsInUse + pixels <= _options.MaxPixelsAtOnce)
                {
                    _pixelsInUse += pixels;
                    return;
                }
                freed = _pixelsFreed.Task;
            }
            await freed.WaitAsync(cancellation).ConfigureAwait(false);
        }
    }

    private void Leave(long pixels)
    {
        TaskCompletionSource freed;
        lock (_gate)
        {
            _pixelsInUse -= pixels;
            freed = _pixelsFreed;
            _pixelsFreed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        freed.SetResult();
    }

    private Recognizers Take()
    {
        if (_idle.TryTake(out var engines)) return engines;
        var paddle = _paddle?.Value;
        engines = new Recognizers(new TesseractEngine(_options), paddle);
        _all.Add(engines);
        return engines;
    }

    public void Dispose()
    {
        foreach (var engine in _all) engine.Dispose();
        if (_paddle is { IsValueCreated: true }) _paddle.Value.Dispose();
        _slots.Dispose();
    }
}
