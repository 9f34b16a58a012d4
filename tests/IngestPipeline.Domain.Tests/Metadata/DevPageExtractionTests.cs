using IngestPipeline.Domain.Metadata;

namespace IngestPipeline.Domain.Tests.Metadata;

/// <summary>Exact extraction on the headers and signatures of the 30 dev pages.</summary>
public class DevPageExtractionTests
{
    public static TheoryData<string> Pages => new(DevExpectation.All.Select(e => e.Page));

    [Fact]
    public void The_table_covers_every_dev_page_exactly_once()
    {
        Assert.Equal(30, DevPages.Texts.Count);
        Assert.Equal(DevPages.Texts.Keys.Order(), DevExpectation.All.Select(e => e.Page).Order());
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Date_sender_recipients_and_classification_are_exact(string page)
    {
        var expected = DevExpectation.All.Single(e => e.Page == page);
        var metadata = CableMetadataExtractor.Extract(DevPages.Texts[page]);

        Assert.Equal(expected.Date, metadata.Date?.Value);
        Assert.Equal(expected.Sender, metadata.Sender?.Value);
        Assert.Equal(expected.Recipients, metadata.Recipients?.Value);
        Assert.Equal(expected.Classification, metadata.Classification?.Value);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_other_field_is_exact(string page)
    {
        var expected = DevExpectation.All.Single(e => e.Page == page);
        var metadata = CableMetadataExtractor.Extract(DevPages.Texts[page]);

        Assert.Equal(expected.DocumentType, metadata.DocumentType?.Value);
        Assert.Equal(expected.Origin, metadata.Origin?.Value);
        Assert.Equal(expected.Time, metadata.Time?.Value);
        Assert.Equal(expected.ReceivedDate, metadata.ReceivedDate?.Value);
        Assert.Equal(expected.ReceivedTime, metadata.ReceivedTime?.Value);
        Assert.Equal(expected.TelegramNumber, metadata.TelegramNumber?.Value);
        Assert.Equal(expected.FileNumber, metadata.FileNumber?.Value);
        Assert.Equal(expected.Signature, metadata.Signature?.Value);
    }

    [Fact]
    public void All_four_main_fields_are_right_on_all_30_pages()
    {
        var wrong = DevExpectation.All.Where(e => !MainFieldsRight(e)).Select(e => e.Page).ToList();
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Clean_pages_get_high_confidence_and_name_the_line_each_value_came_from(string page)
    {
        var text = DevPages.Texts[page];
        var lines = text.Split('\n');
        var metadata = CableMetadataExtractor.Extract(text);

        foreach (var field in new[] { metadata.Date, metadata.Sender, metadata.Classification, metadata.DocumentType, metadata.FileNumber })
        {
            if (field is null) continue;
            Assert.InRange(field.Confidence, 0.75, 1.0);
            Assert.Contains(field.Source, lines);
        }
        Assert.NotNull(metadata.Recipients);
        Assert.InRange(metadata.Recipients.Confidence, 0.75, 1.0);
        Assert.All(metadata.Recipients.Source.Split('\n'), l => Assert.Contains(l, lines));
    }

    [Fact]
    public void A_telegram_received_takes_its_date_from_the_dated_line_and_its_sender_from_the_signature()
    {
        var metadata = CableMetadataExtractor.Extract(DevPages.Texts["dev04_frus1942China_d49"]);

        Assert.Equal("Dated May 8, 1942, 9 a.m.", metadata.Date?.Source);
        Assert.Equal("GAUSS", metadata.Sender?.Source);
        Assert.Equal("Secretary of State,\nWashington.", metadata.Recipients?.Source);
        Assert.Equal("Rec'd May 8, 6:36 a.m.", metadata.ReceivedTime?.Source);
    }

    private static bool MainFieldsRight(DevExpectation e)
    {
        var m = CableMetadataExtractor.Extract(DevPages.Texts[e.Page]);
        return m.Date?.Value == e.Date && m.Sender?.Value == e.Sender && m.Classification?.Value == e.Classification
            && m.Recipients is { } r && r.Value.SequenceEqual(e.Recipients);
    }
}
