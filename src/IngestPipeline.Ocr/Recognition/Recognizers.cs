using IngestPipeline.Ocr.Paddle;

namespace IngestPipeline.Ocr.Recognition;

/// <summary>
/// The recognisers one page is read with: a Tesseract engine of its own, and PP-OCR beside it when
/// <see cref="OcrOptions.Recognizers"/> asks for both (one recogniser shared by all engines, disposed by its owner).
/// </summary>
public sealed class Recognizers(TesseractEngine tesseract, PaddleRecognizer? paddle) : IDisposable
{
    public TesseractEngine Tesseract { get; } = tesseract;
    public PaddleRecognizer? Paddle { get; } = paddle;

    public void Dispose() => Tesseract.Dispose();
}

/// <summary>Which recognisers read a page.</summary>
public enum RecognizerChoice
{
    /// <summary>Tesseract alone.</summary>
    Tesseract,

    /// <summary>Tesseract and PP-OCR, combined word by word (docs/recognition.md).</summary>
    Both,
}

public static class RecognizerChoices
{
    /// <summary>"tesseract" or "both", in any case.</summary>
    /// <exception cref="ArgumentException">Another word; the message names the <paramref name="setting"/> it came from.</exception>
    public static RecognizerChoice Parse(string value, string setting) =>
        SettingWords.Parse(value, setting, ("tesseract", RecognizerChoice.Tesseract), ("both", RecognizerChoice.Both));
}

/// <summary>Which lines the second recogniser reads.</summary>
public enum SecondReading
{
    /// <summary>Every line.</summary>
    AllLines,

    /// <summary>Lines with a word Tesseract is unsure of or does not know (<c>ReadingMerger.IsDoubtful</c>): cheaper on clean pages.</summary>
    DoubtfulLines,

    /// <summary>The stretches of each line around its doubtful words (<c>ReadingMerger.Stretches</c>): the default, cheaper still on real pages.</summary>
    DoubtfulStretches,
}

public static class SecondReadings
{
    /// <summary>"all", "doubtful" or "stretches", in any case.</summary>
    /// <exception cref="ArgumentException">Another word; the message names the <paramref name="setting"/> it came from.</exception>
    public static SecondReading Parse(string value, string setting) =>
        SettingWords.Parse(value, setting, ("all", SecondReading.AllLines), ("doubtful", SecondReading.DoubtfulLines), ("stretches", SecondReading.DoubtfulStretches));
}
