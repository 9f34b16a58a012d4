using IngestPipeline.Ocr.Recognition;

namespace IngestPipeline.Ocr.Tests;

public sealed class SettingWordsTests
{
    [Fact]
    public void Recognisers_and_second_readings_are_named_in_any_case()
    {
        Assert.Equal(RecognizerChoice.Both, RecognizerChoices.Parse("Both", "--engines"));
        Assert.Equal(RecognizerChoice.Tesseract, RecognizerChoices.Parse("tesseract", "--engines"));
        Assert.Equal(SecondReading.DoubtfulLines, SecondReadings.Parse("DOUBTFUL", "--second-reading"));
        Assert.Equal(SecondReading.AllLines, SecondReadings.Parse("all", "--second-reading"));
        Assert.Equal(SecondReading.DoubtfulStretches, SecondReadings.Parse("Stretches", "--second-reading"));
    }

    [Fact]
    public void An_unknown_word_names_the_setting_and_its_choices()
    {
        var engines = Assert.Throws<ArgumentException>(() => RecognizerChoices.Parse("three", "Pipeline:Ocr:Engines"));
        Assert.Equal("Pipeline:Ocr:Engines must be tesseract or both, not 'three'", engines.Message);
        var single = Assert.Throws<ArgumentException>(() => SettingWords.Parse("no", "--flag", ("yes", true)));
        Assert.Equal("--flag must be yes, not 'no'", single.Message);
    }
}
