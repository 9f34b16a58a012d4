namespace IngestPipeline.Domain.Readings;

/// <summary>
/// One character of a second recogniser's reading of a line: its text (a space separates words), probability (0-1)
/// and where it stands along the line, in page pixels.
/// </summary>
public readonly record struct ReadCharacter(string Text, float Probability, int Left, int Right)
{
    public bool IsSpace => Text == " ";
    public int Center => (Left + Right) / 2;
}
