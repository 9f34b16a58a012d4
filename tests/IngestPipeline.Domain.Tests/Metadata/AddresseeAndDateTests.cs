using IngestPipeline.Domain.Metadata;

namespace IngestPipeline.Domain.Tests.Metadata;

/// <summary>Header forms beyond the dev pages: other date styles, one-line FROM ... TO, the "Dated" rule.</summary>
public class AddresseeAndDateTests
{
    private static CableMetadata Header(string header) =>
        CableMetadataExtractor.Extract(header + "\n\n1116. Embassy's 1087, July 4, 1 p.m.\n\nATCHESON");

    [Theory]
    [InlineData("Dated July 3, 1945", "1945-07-03", null)]
    [InlineData("Dated 3 July 1945", "1945-07-03", null)]
    [InlineData("Dated JULY 3, 1945", "1945-07-03", null)]
    [InlineData("Dated March 14, 1946, 6 p.m.", "1946-03-14", "18:00")]
    [InlineData("Dated November 10, 1948, 10:30 p.m.", "1948-11-10", "22:30")]
    [InlineData("Dated July 10, 1943, noon", "1943-07-10", "12:00")]
    [InlineData("Dated July 10, 1943, midnight", "1943-07-10", "24:00")]
    [InlineData("Dated July 21, 1943, 12:05 a.m.", "1943-07-21", "00:05")]
    [InlineData("Dated Dec. 7, 1949, 4 p.m.", "1949-12-07", "16:00")]
    public void Date_styles_are_normalised_to_iso(string dated, string date, string? time)
    {
        var metadata = Header("TELEGRAM RECEIVED\nFROM: Chungking\n" + dated);

        Assert.Equal(date, metadata.Date?.Value);
        Assert.Equal(time, metadata.Time?.Value);
    }

    [Fact]
    public void The_dated_line_wins_over_the_title_and_the_received_line()
    {
        var metadata = Header("""
            PARAPHRASE OF TELEGRAM FROM CHUNGKING JULY 9, 1943
            Rec'd July 12, 1943, 8 a.m.
            Dated July 7, 1943, 2 p.m.
            """);

        Assert.Equal("1943-07-07", metadata.Date?.Value);
        Assert.Equal("Dated July 7, 1943, 2 p.m.", metadata.Date?.Source);
        Assert.Equal("1943-07-12", metadata.ReceivedDate?.Value);
    }

    [Fact]
    public void A_received_date_without_a_year_takes_the_dated_year_with_lower_confidence()
    {
        var metadata = Header("""
            TELEGRAM RECEIVED
            Dated July 7, 1943, 2 p.m.
            Rec'd July 9, 10:12 a.m.
            """);

        Assert.Equal("1943-07-09", metadata.ReceivedDate?.Value);
        Assert.True(metadata.ReceivedDate!.Confidence < metadata.Date!.Confidence);
        Assert.Contains("Rec'd July 9, 10:12 a.m.", metadata.ReceivedDate.Source);
    }

    [Fact]
    public void A_received_date_in_january_of_a_december_cable_is_in_the_next_year()
    {
        var metadata = Header("""
            TELEGRAM RECEIVED
            Dated December 31, 1943, 11 p.m.
            Rec'd January 1, 8 a.m.
            """);

        Assert.Equal("1944-01-01", metadata.ReceivedDate?.Value);
    }

    [Fact]
    public void An_impossible_date_is_not_read()
    {
        Assert.Null(Header("TELEGRAM RECEIVED\nDated February 30, 1943").Date);
    }

    [Fact]
    public void From_and_to_on_one_line_give_sender_and_both_addressees()
    {
        var metadata = Header("""
            PARAPHRASE OF NAVY CABLE FROM MOSCOW JULY 3, 1945
            FROM W. A. HARRIMAN TO THE PRESIDENT AND THE SECRETARY OF STATE
            """);

        Assert.Equal("W. A. HARRIMAN", metadata.Sender?.Value);
        Assert.Equal(["THE PRESIDENT", "THE SECRETARY OF STATE"], metadata.Recipients?.Value);
        Assert.Equal("MOSCOW", metadata.Origin?.Value);
    }

    [Fact]
    public void Addressees_continued_over_two_lines_are_joined_before_splitting()
    {
        var metadata = Header("""
            PARAPHRASE OF NAVY CABLE FROM MOSCOW JULY 3, 1945
            FROM W. A. HARRIMAN TO
            THE PRESIDENT AND THE SECRETARY
            OF STATE
            """);

        Assert.Equal(["THE PRESIDENT", "THE SECRETARY OF STATE"], metadata.Recipients?.Value);
        Assert.Equal("THE PRESIDENT AND THE SECRETARY\nOF STATE", metadata.Recipients?.Source);
    }

    [Fact]
    public void And_inside_one_addressee_does_not_split_it()
    {
        var metadata = Header("RADIOGRAM\nFROM: THE CHIEF OF STAFF, WAR DEPARTMENT, WASHINGTON\nTO: COMMANDING GENERAL, ARMY AND NAVY FORCES");

        Assert.Equal(["COMMANDING GENERAL, ARMY AND NAVY FORCES"], metadata.Recipients?.Value);
    }

    [Fact]
    public void A_damaged_paraphrase_from_line_still_gives_the_sender()
    {
        var metadata = Header("""
            PARAPHRASE OF TELEGRAM FROM CHUNGKING MAY 8, 1942
            FR0M C. E. GAUSS T0
            THE SECRETARY OF STATE
            """);

        Assert.Equal("C. E. GAUSS", metadata.Sender?.Value);
        Assert.Equal(["THE SECRETARY OF STATE"], metadata.Recipients?.Value);
        Assert.True(metadata.Sender!.Confidence < 0.95);
    }

    [Fact]
    public void Recipients_on_the_next_line_stop_at_a_classification_line()
    {
        var metadata = Header("""
            PARAPHRASE OF NAVY CABLE FROM TAIPEI APRIL 11, 1951
            FROM THE NAVAL ATTACHE AT TAIPEI (JARRETT) TO
            COMMANDER SEVENTH FLEET
            SECRET
            """);

        Assert.Equal(["COMMANDER SEVENTH FLEET"], metadata.Recipients?.Value);
        Assert.Equal("SECRET", metadata.Classification?.Value);
    }

    [Fact]
    public void A_series_word_before_the_telegram_number_is_kept()
    {
        var metadata = CableMetadataExtractor.Extract("TELEGRAM RECEIVED\nFROM: Paris\n\nDelga 681. For Satterthwaite and Mathews from Thurston.");

        Assert.Equal("Delga 681", metadata.TelegramNumber?.Value);
    }
}
