namespace IngestPipeline.Ocr.Imaging;

/// <summary>A scan that cannot be processed. The message names the file and says what is wrong in plain words.</summary>
public sealed class UnreadableScanException(string fileName, string problem, Exception? inner = null)
    : Exception($"{fileName}: {problem}", inner)
{
    public string FileName { get; } = fileName;
    public string Problem { get; } = problem;
}
