using System.Collections.Concurrent;

namespace IngestPipeline.Ocr.Recognition;

/// <summary>
/// A fixed number of engines shared by any number of callers: at most <see cref="OcrOptions.Engines"/>
/// pages are recognised at once, each on its own engine. Engines are created on first need and reused.
/// </summary>
public sealed class EnginePool : IDisposable
{
    private readonly OcrOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<TesseractEngine> _idle = [];
    private readonly ConcurrentBag<TesseractEngine> _all = [];

    public EnginePool(OcrOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Engines, 1);
        _options = options;
        _slots = new SemaphoreSlim(options.Engines, options.Engines);
    }

    public OcrOptions Options => _options;

    /// <summary>Runs <paramref name="work"/> on an engine of its own, waiting for one to be free.</summary>
    public async Task<T> RunAsync<T>(Func<TesseractEngine, T> work, CancellationToken cancellation = default)
    {
        await _slots.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            // Starting an engine and recognising are native CPU work: keep both off the caller's thread.
            return await Task.Run(() =>
            {
                var engine = Take();
                try
                {
                    return work(engine);
                }
                finally
                {
                    _idle.Add(engine);
                }
            }, cancellation).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private TesseractEngine Take()
    {
        if (_idle.TryTake(out var engine)) return engine;
        engine = new TesseractEngine(_options);
        _all.Add(engine);
        return engine;
    }

    public void Dispose()
    {
        foreach (var engine in _all) engine.Dispose();
        _slots.Dispose();
    }
}
