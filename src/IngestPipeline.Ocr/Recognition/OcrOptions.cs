namespace IngestPipeline.Ocr.Recognition;

/// <summary>How pages are recognised. Defaults are the ones measured best on the dev corpus (docs/preprocessing.md).</summary>
public sealed record OcrOptions
{
    /// <summary>Folder holding the traineddata files; null lets Tesseract use TESSDATA_PREFIX or its built-in path.</summary>
    public string? TessdataPath { get; init; }

    public string Language { get; init; } = "eng";

    /// <summary>Tesseract page segmentation mode. 6 (one uniform block) keeps every typed line; 3 drops damaged paragraphs.</summary>
    public int PageSegmentationMode { get; init; } = 6;

    /// <summary>Number of engines, i.e. pages recognised at once. One per core: each engine runs single-threaded.</summary>
    public int Engines { get; init; } = Environment.ProcessorCount;

    /// <summary>Longest one page may take in recognition before it fails with a clear error.</summary>
    public TimeSpan PageDeadline { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Detect pages scanned sideways or upside down and turn them upright.</summary>
    public bool DetectOrientation { get; init; } = true;

    /// <summary>
    /// Orientation detection runs only on pages whose first reading has a mean word confidence below this:
    /// an upright page reads well and pays nothing; a sideways or upside-down page reads as garbage.
    /// </summary>
    public float OrientationCheckBelowConfidence { get; init; } = 60f;

    /// <summary>Orientation is corrected only when Tesseract's OSD is at least this confident.</summary>
    public float MinOrientationConfidence { get; init; } = 2.0f;

    public bool Deskew { get; init; } = true;

    /// <summary>Flatten paper tone, stains and shading to white before recognition.</summary>
    public bool NormalizeBackground { get; init; } = true;

    /// <summary>Who turns the gray page into black and white for recognition.</summary>
    public Binarization Binarization { get; init; } = Binarization.Engine;

    /// <summary>After binarisation, remove specks no larger than this many pixels either way (0: keep all).</summary>
    public int SpeckSize { get; init; }
}

public enum Binarization
{
    /// <summary>Tesseract's own global Otsu threshold on the gray image.</summary>
    Engine,
    Otsu,
    Sauvola,
}
