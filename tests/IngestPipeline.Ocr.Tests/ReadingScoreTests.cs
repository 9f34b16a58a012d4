using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Recognition;

namespace IngestPipeline.Ocr.Tests;

using Lexicon = IngestPipeline.Domain.Cleanup.Lexicon;

/// <summary>Of two readings of a page, the page prefers the more confident one that loses no lexicon words.</summary>
public sealed class ReadingScoreTests
{
    private static readonly Lexicon Words = new(["the embassy reports that negotiations continue"]);

    private static IReadOnlyList<Block> Reading(params (string Text, float Confidence)[] words)
    {
        var line = new Line(new BoundingBox(0, 0, 100, 10), words.Select(w => new Word(w.Text, new BoundingBox(0, 0, 10, 10), w.Confidence)).ToList());
        return [new Block(line.Box, [line])];
    }

    [Fact]
    public void Confidence_is_weighted_by_characters_and_lexicon_words_are_counted_without_their_punctuation()
    {
        var score = ReadingScore.Of(Reading(("embassy,", 90), ("a", 0), ("Negotiations.", 80), ("ab", 50)), Words);
        Assert.Equal((90.0 * 8 + 0 + 80 * 13 + 50 * 2) / 24, score.Confidence, 6);
        Assert.Equal(2, score.LexiconWords);
    }

    [Fact]
    public void A_more_confident_reading_that_loses_lexicon_words_is_not_better()
    {
        // A speck-free reading that dropped a hard line scores higher confidence on what is left.
        var full = ReadingScore.Of(Reading(("the", 80), ("embassy", 80), ("reports", 60)), Words);
        var dropped = ReadingScore.Of(Reading(("the", 90), ("embassy", 90)), Words);
        Assert.False(dropped.IsBetterThan(full));
        Assert.True(ReadingScore.Of(Reading(("the", 90), ("embassy", 90), ("reports", 70)), Words).IsBetterThan(full));
    }

    [Fact]
    public void Without_a_lexicon_confidence_alone_decides()
    {
        var first = ReadingScore.Of(Reading(("the", 80)), null);
        var second = ReadingScore.Of(Reading(("the", 85)), null);
        Assert.True(second.IsBetterThan(first));
        Assert.False(first.IsBetterThan(second));
    }

    [Theory]
    [InlineData("auto", SpeckTreatment.Auto)]
    [InlineData("Remove", SpeckTreatment.Remove)]
    [InlineData("KEEP", SpeckTreatment.Keep)]
    public void Speck_treatments_are_named_in_settings(string value, SpeckTreatment expected) =>
        Assert.Equal(expected, SpeckTreatments.Parse(value, "--specks"));

    [Fact]
    public void An_unknown_speck_treatment_names_the_setting_and_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => SpeckTreatments.Parse("1", "Pipeline:Ocr:Specks"));
        Assert.Equal("Pipeline:Ocr:Specks must be auto, remove or keep, not '1'", error.Message);
    }
}
