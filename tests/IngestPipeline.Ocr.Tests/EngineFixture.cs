using IngestPipeline.Ocr.Recognition;

namespace IngestPipeline.Ocr.Tests;

/// <summary>One engine shared by a test class: engines are costly to start and not thread-safe.</summary>
public sealed class EngineFixture : IDisposable
{
    public OcrOptions Options { get; } = new() { Engines = 1 };
    public TesseractEngine Engine { get; }

    public EngineFixture() => Engine = new TesseractEngine(Options);

    public void Dispose() => Engine.Dispose();
}
