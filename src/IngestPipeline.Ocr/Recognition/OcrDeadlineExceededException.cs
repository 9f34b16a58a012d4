namespace IngestPipeline.Ocr.Recognition;

/// <summary>A page whose recognition ran past its deadline: it fails alone, the rest of the batch goes on.</summary>
public sealed class OcrDeadlineExceededException(TimeSpan deadline)
    : Exception($"recognition of the page took longer than its deadline of {deadline.TotalSeconds:0.#} s and was stopped")
{
    public TimeSpan Deadline { get; } = deadline;
}
