using System.Text.Json;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Transcripts;
using static IngestPipeline.Domain.Tests.Export.SampleTranscripts;

namespace IngestPipeline.Domain.Tests.Export;

public class JsonExporterTests
{
    [Fact]
    public void Round_trip_gives_the_same_json()
    {
        var json = JsonExporter.Write(TwoPages());

        var again = JsonExporter.Write(JsonExporter.Read(json));

        Assert.Equal(json, again);
    }

    [Fact]
    public void Round_trip_keeps_every_field()
    {
        var original = TwoPages();

        var read = JsonExporter.Read(JsonExporter.Write(original));

        Assert.Equal(original.SourceName, read.SourceName);
        Assert.Equal(original.Pages.Count, read.Pages.Count);
        foreach (var (expected, actual) in original.Pages.Zip(read.Pages))
        {
            Assert.Equal(
                (expected.Number, expected.Width, expected.Height, expected.Dpi),
                (actual.Number, actual.Width, actual.Height, actual.Dpi));
            Assert.Equal(expected.Processing.RotationDegrees, actual.Processing.RotationDegrees);
            Assert.Equal(expected.Processing.SkewDegrees, actual.Processing.SkewDegrees);
            Assert.Equal(expected.Processing.Steps, actual.Processing.Steps);
            Assert.Equal(expected.Blocks.Select(b => b.Box), actual.Blocks.Select(b => b.Box));
            Assert.Equal(expected.Lines.Select(l => l.Box), actual.Lines.Select(l => l.Box));
            // Word is a record of string, BoundingBox and float: value equality covers text, box and exact confidence.
            Assert.Equal(expected.Words, actual.Words);
        }
        Assert.Contains(read.Pages[0].Words, w => w.Text == Tricky);
        Assert.Contains(read.Pages[1].Words, w => w.Text == "Attaché");
    }

    [Fact]
    public void Both_recognisers_readings_of_a_word_round_trip()
    {
        var word = new Word("the", new BoundingBox(1, 2, 30, 20), 91.5f)
        {
            Readings = [new EngineReading("tesseract", "tbe", 40.5f), new EngineReading("pp-ocr", "the", 91.5f)],
        };
        var line = new Line(word.Box, [word]);
        var transcript = new Transcript("cable.png", [new Page(1, 100, 100, 300, [new Block(line.Box, [line])], new PageProcessing(0, 0, []))]);

        var json = JsonExporter.Write(transcript);
        var read = JsonExporter.Read(json).Pages[0].Words.Single();

        Assert.Contains("\"readings\": [", json);
        Assert.Equal(word.Readings, read.Readings!); // confidences to one decimal, as written
        Assert.Equal(word.Text, read.Text);
    }

    [Fact]
    public void Writes_indented_camel_case_without_computed_members()
    {
        var json = JsonExporter.Write(TwoPages());

        Assert.StartsWith("{\n  \"sourceName\": \"cable 1943-05-12.pdf\",\n  \"pages\": [\n", json);
        Assert.Contains("\"skewDegrees\": 0.35", json);
        Assert.Contains("\"confidence\": 88.25", json);
        Assert.DoesNotContain("\r", json);
        // Computed members of the model (Line.Text, Page.Lines/Words/MeanConfidence, BoundingBox.Width...) stay out.
        foreach (var computed in new[] { "\"centerY\"", "\"isEmpty\"", "\"meanConfidence\"", "\"height\": 30" })
        {
            Assert.DoesNotContain(computed, json);
        }
        Assert.Equal(2, Count(json, "\"width\":")); // one per page, none per box
        Assert.Equal(3, Count(json, "\"lines\":")); // one per block, none per page
        Assert.Equal(17, Count(json, "\"text\":")); // one per word, none per line
    }

    [Fact]
    public void Keeps_accented_letters_readable_and_escapes_html_characters()
    {
        var json = JsonExporter.Write(TwoPages());

        Assert.Contains("Attaché", json);
        Assert.DoesNotContain("<script>", json);
        Assert.Equal(Tricky, JsonDocument.Parse(json).RootElement
            .GetProperty("pages")[0].GetProperty("blocks")[1].GetProperty("lines")[0]
            .GetProperty("words")[1].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"sourceName\": \"x\"}")]
    [InlineData("{\"sourceName\": null, \"pages\": []}")]
    [InlineData("{\"sourceName\": \"x\", \"pages\": [{\"number\": 1}]}")]
    [InlineData("not json")]
    public void Read_rejects_json_that_is_not_a_transcript(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonExporter.Read(json));
    }

    [Fact]
    public void Reads_an_empty_transcript()
    {
        var read = JsonExporter.Read("{\"sourceName\": \"x\", \"pages\": []}");

        Assert.Equal("x", read.SourceName);
        Assert.Empty(read.Pages);
    }

    private static int Count(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
