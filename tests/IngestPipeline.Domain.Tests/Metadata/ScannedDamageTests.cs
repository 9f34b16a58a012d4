using IngestPipeline.Domain.Metadata;

namespace IngestPipeline.Domain.Tests.Metadata;

/// <summary>
/// Damage as Tesseract actually produced it on dirty dev pages (specks at line ends, empty lines inside
/// the header, junk before the file number), typed here line for line.
/// </summary>
public class ScannedDamageTests
{
    [Fact]
    public void Specks_around_header_lines_are_cleaned_off_with_lower_confidence()
    {
        // dev08 as read from a dirty scan.
        var text = """
            TELEGRAM RECEIVED =
            al oe -893.24/1331
            ' FROM: Chungking ~

            Dated May 20, 1942, 4 p.m.
            Rec'd May 20, 3:20 p.m.
            Secretary of State,
            Washington.

            578. .The first official public expression of concern
            . proof that we consider. China a vital theatre of the war.

            GAUSS ©
            """;
        var metadata = CableMetadataExtractor.Extract(text);

        Assert.Equal("TELEGRAM RECEIVED", metadata.DocumentType?.Value);
        Assert.Equal("893.24/1331", metadata.FileNumber?.Value);
        Assert.Equal("Chungking", metadata.Origin?.Value);
        Assert.Equal("' FROM: Chungking ~", metadata.Origin?.Source);
        Assert.Equal("1942-05-20", metadata.Date?.Value);
        Assert.Equal("GAUSS", metadata.Sender?.Value);
        Assert.Equal(["Secretary of State"], metadata.Recipients?.Value);
        Assert.Equal("578", metadata.TelegramNumber?.Value);
        Assert.All([metadata.DocumentType!, metadata.FileNumber!, metadata.Origin!, metadata.Sender!], f => Assert.True(f.Confidence < 0.9));
    }

    [Fact]
    public void Specks_after_the_values_do_not_join_them()
    {
        // dev16 as read from a dirty scan.
        var text = """
            TELEGRAM RECEIVED
            893.00/15066
            FROM: Chungking a i :
            Dated July 22, 1943, 5 p.m.
            Rec'd July 22, 4:29 p.m..-
            Secretary of State,
            Washington. _

            4256. 1. In telegram from Sian dated July 19 Drumright states Civil
            is determined eventually to liquidate the situation.

            ATCHESON
            """;
        var metadata = CableMetadataExtractor.Extract(text);

        Assert.Equal("Chungking", metadata.Origin?.Value);
        Assert.Equal("1943-07-22", metadata.ReceivedDate?.Value);
        Assert.Equal("16:29", metadata.ReceivedTime?.Value);
        Assert.Equal(["Secretary of State"], metadata.Recipients?.Value);
        Assert.Equal("ATCHESON", metadata.Sender?.Value);
    }

    [Fact]
    public void Empty_lines_inside_the_header_of_an_unnumbered_paraphrase_do_not_end_it()
    {
        // dev00 as read: OCR put an empty line after each header line.
        var text = """
            PARAPHRASE OF NAVY CABLE FROM MOSCOW JULY 3, 1945
            TOP SECRET

            FROM W. A. HARRIMAN TO

            THE PRESIDENT AND THE SECRETARY OF STATE

            Stalin, in discussing the operation of the Chinese Eastern and South
            Manchurian railroads, proposed that the ownership of the railroads should be

            LAX
            """;
        var metadata = CableMetadataExtractor.Extract(text);

        Assert.Equal("W. A. HARRIMAN", metadata.Sender?.Value);
        Assert.Equal(["THE PRESIDENT", "THE SECRETARY OF STATE"], metadata.Recipients?.Value);
        Assert.Equal("TOP SECRET", metadata.Classification?.Value);
        Assert.Equal("LAX", metadata.Signature?.Value);
    }

    [Fact]
    public void Empty_lines_between_the_lines_of_the_address_do_not_split_it()
    {
        // dev06 as read.
        var text = """
            TELEGRAM RECEIVED
            740.0011 Pacific War/2438
            FROM: Chungking

            Dated May 8, 1942, 5 p.m.

            Rec'd May 8, 1:52 p.m.

            Secretary of State,

            Washington.

            529. Reference my 528, May 8, 4 p.m. In conversation with me
            contemplated. :

            GAUSS
            """;
        var metadata = CableMetadataExtractor.Extract(text);

        Assert.Equal("1942-05-08", metadata.Date?.Value);
        Assert.Equal("17:00", metadata.Time?.Value);
        Assert.Equal("13:52", metadata.ReceivedTime?.Value);
        Assert.Equal(["Secretary of State"], metadata.Recipients?.Value);
        Assert.Equal("529", metadata.TelegramNumber?.Value);
    }

    [Fact]
    public void A_small_i_for_one_in_a_file_number_is_repaired()
    {
        var metadata = CableMetadataExtractor.Extract("TELEGRAM RECEIVED\n800.00B Communist International/3i2\nFROM: Moscow\n\n896. Your 455");

        Assert.Equal("800.00B Communist International/312", metadata.FileNumber?.Value);
        Assert.Equal(0.8, metadata.FileNumber!.Confidence, 3);
    }

    [Fact]
    public void A_quote_mark_before_the_received_keyword_is_dropped()
    {
        var metadata = CableMetadataExtractor.Extract("TELEGRAM RECEIVED\nFROM: Chungking\nDated July 24, 1943, noon\n‘Rec'd 12:01 p.m.\n\n1276. A further");

        Assert.Equal("12:01", metadata.ReceivedTime?.Value);
        Assert.Equal("1943-07-24", metadata.Date?.Value);
    }
}
