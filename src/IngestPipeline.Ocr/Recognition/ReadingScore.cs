using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Ocr.Recognition;

using Lexicon = IngestPipeline.Domain.Cleanup.Lexicon;

/// <summary>
/// How well a page reads, by what the page itself shows and never by ground truth: the engine's confidence per
/// character, and how many words of three letters or more the lexicon knows. Of two readings of one page, the better
/// is more confident without losing lexicon words: confidence alone prefers a reading that drops a hard line.
/// </summary>
public readonly record struct ReadingScore(double Confidence, int LexiconWords)
{
    public static ReadingScore Of(IEnumerable<Block> blocks, Lexicon? lexicon)
    {
        double weighted = 0;
        int characters = 0, known = 0;
        foreach (var word in blocks.SelectMany(b => b.Lines).SelectMany(l => l.Words))
        {
            weighted += word.Confidence * word.Text.Length;
            characters += word.Text.Length;
            var core = WordPlausibility.Core(word.Text);
            if (lexicon is not null && core.Length >= 3 && core.All(char.IsLetter) && lexicon.Contains(core)) known++;
        }
        return new ReadingScore(characters == 0 ? 0 : weighted / characters, known);
    }

    public bool IsBetterThan(ReadingScore other) => Confidence > other.Confidence && LexiconWords >= other.LexiconWords;

    public override string ToString() => $"confidence {Confidence:0.0}, {LexiconWords} lexicon words";
}
