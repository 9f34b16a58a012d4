using IngestPipeline.Domain.Metadata;

namespace IngestPipeline.Domain.Tests.Metadata;

/// <summary>Fields the text does not state stay null; nothing is taken from the body or invented.</summary>
public class AbsenceTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void An_empty_text_gives_empty_metadata(string text)
    {
        var metadata = CableMetadataExtractor.Extract(text);

        Assert.Empty(metadata.PlaceGlosses);
        // Record equality over every other field: all null.
        Assert.Equal(new CableMetadata { PlaceGlosses = metadata.PlaceGlosses }, metadata);
    }

    [Fact]
    public void Prose_without_a_header_gives_no_header_fields()
    {
        var text = """
            The Generalissimo addressing the council on May 6, 1942 pointed
            out that the situation for China would be secret and serious.
            """;
        var metadata = CableMetadataExtractor.Extract(text);

        Assert.Null(metadata.DocumentType);
        Assert.Null(metadata.Date);
        Assert.Null(metadata.Classification);
        Assert.Null(metadata.Sender);
        Assert.Null(metadata.Recipients);
        Assert.Null(metadata.FileNumber);
        Assert.Null(metadata.Signature);
    }

    [Fact]
    public void Dates_in_the_body_are_not_the_cable_date()
    {
        var text = """
            TELEGRAM RECEIVED
            FROM: Chungking
            Secretary of State,
            Washington.

            491. Following from Macdonald at Kunming.
            "April 30, 3 p.m. Tendency for civil government in Burma to collapse

            VINCENT
            """;
        var metadata = CableMetadataExtractor.Extract(text);

        Assert.Null(metadata.Date);
        Assert.Null(metadata.Time);
        Assert.Equal("Chungking", metadata.Origin?.Value);
    }

    [Fact]
    public void A_received_time_without_a_day_gives_no_received_date()
    {
        var metadata = CableMetadataExtractor.Extract(DevPages.Texts["dev01_frus1942China_d40"]);

        Assert.Equal("21:25", metadata.ReceivedTime?.Value);
        Assert.Null(metadata.ReceivedDate);
    }

    [Fact]
    public void A_received_day_without_a_dated_year_gives_no_received_date()
    {
        var text = """
            TELEGRAM RECEIVED
            FROM: Chungking
            Rec'd May 6, 8:50 a.m.

            509. The impressions I bring back from India and Burma are far from

            GAUSS
            """;
        var metadata = CableMetadataExtractor.Extract(text);

        Assert.Null(metadata.Date);
        Assert.Null(metadata.ReceivedDate);
        Assert.Equal("08:50", metadata.ReceivedTime?.Value);
    }

    [Fact]
    public void A_page_ending_in_prose_has_no_signature_and_a_telegram_received_then_has_no_sender()
    {
        var text = """
            TELEGRAM RECEIVED
            FROM: Chungking
            Dated May 8, 1942

            526. According to a confidential report, the
            5 months.
            """;
        var metadata = CableMetadataExtractor.Extract(text);

        Assert.Null(metadata.Signature);
        Assert.Null(metadata.Sender);
    }

    [Fact]
    public void A_body_without_a_telegram_number_has_none()
    {
        Assert.Null(CableMetadataExtractor.Extract(DevPages.Texts["dev00_seed_harriman_1945-07-03"]).TelegramNumber);
    }

    [Fact]
    public void A_closing_page_number_is_not_a_signature()
    {
        var text = DevPages.Texts["dev04_frus1942China_d49"].Replace("\nGAUSS", "\n101");

        Assert.Null(CableMetadataExtractor.Extract(text).Signature);
    }
}
