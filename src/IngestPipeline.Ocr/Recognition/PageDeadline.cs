using System.Diagnostics;

namespace IngestPipeline.Ocr.Recognition;

/// <summary>
/// The time one page may take, shared by every reading of it: the first, the page turned upright, the words and gaps
/// read again and PP-OCR's second reading. Each step gets what the steps before it left.
/// </summary>
public sealed class PageDeadline(TimeSpan budget)
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public TimeSpan Budget => budget;
    public TimeSpan Remaining => budget - Stopwatch.GetElapsedTime(_started);

    public void ThrowIfPassed()
    {
        if (Remaining <= TimeSpan.Zero) throw new OcrDeadlineExceededException(budget);
    }
}
