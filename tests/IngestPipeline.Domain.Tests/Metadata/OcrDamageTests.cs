using IngestPipeline.Domain.Metadata;

namespace IngestPipeline.Domain.Tests.Metadata;

/// <summary>
/// Hand-made OCR damage on real headers. A repaired value must come out right with a lower confidence
/// than the clean one; damage that leaves two readings open must give nothing.
/// </summary>
public class OcrDamageTests
{
    // dev04, a TELEGRAM RECEIVED; each test swaps one line for a damaged reading.
    private const string Clean = """
        TELEGRAM RECEIVED
        740.0011 Pacific War/2428
        FROM: Chungking
        Dated May 8, 1942, 9 a.m.
        Rec'd May 8, 6:36 a.m.
        Secretary of State,
        Washington.

        526. According to a confidential report, the
        5 months.

        GAUSS
        """;

    private static CableMetadata Damaged(string cleanLine, string damagedLine)
    {
        Assert.Contains(cleanLine, Clean);
        return CableMetadataExtractor.Extract(Clean.Replace(cleanLine, damagedLine));
    }

    private static CableMetadata CleanMetadata => CableMetadataExtractor.Extract(Clean);

    [Fact]
    public void A_year_typed_with_a_letter_l_is_repaired_with_lower_confidence()
    {
        var metadata = Damaged("Dated May 8, 1942, 9 a.m.", "Dated May 8, l942, 9 a.m.");

        Assert.Equal("1942-05-08", metadata.Date?.Value);
        Assert.Equal("09:00", metadata.Time?.Value);
        Assert.Equal("Dated May 8, l942, 9 a.m.", metadata.Date?.Source);
        Assert.True(metadata.Date!.Confidence < CleanMetadata.Date!.Confidence);
    }

    [Theory]
    [InlineData("Dated Ju1y 8, 1942, 9 a.m.", "1942-07-08")]   // digit one for a letter l in the month
    [InlineData("Dated May 8, 1942. 9 a.m.", "1942-05-08")]    // a comma read as a full stop
    [InlineData("Dated May 8 1942, 9 a.m.", "1942-05-08")]     // a lost comma
    [InlineData("Dated MAY 8, 1942, 9 a.m.", "1942-05-08")]
    [InlineData("Dated 8 May 1942, 9 a.m.", "1942-05-08")]
    [InlineData("Dated May O8, 1942, 9 a.m.", "1942-05-08")]   // capital O for zero
    [InlineData("Dated JUIY 13, 1943, 4 p.m.", "1943-07-13")]   // one wrong letter in the month
    [InlineData("Daled May 8, 1942, 9 a.m.", "1942-05-08")]    // one wrong letter in the keyword
    public void Damaged_dated_lines_still_give_the_date(string damaged, string expected)
    {
        var metadata = Damaged("Dated May 8, 1942, 9 a.m.", damaged);

        Assert.Equal(expected, metadata.Date?.Value);
        Assert.Equal(damaged, metadata.Date?.Source);
    }

    [Fact]
    public void A_month_halfway_between_two_months_is_not_read()
    {
        // JUNY is one letter from JUNE and from JULY; the date must not be guessed.
        var metadata = Damaged("Dated May 8, 1942, 9 a.m.", "Dated Juny 8, 1942, 9 a.m.");

        Assert.Null(metadata.Date);
        Assert.Null(metadata.Time);
    }

    [Fact]
    public void A_misspelt_month_costs_more_confidence_than_a_repaired_digit()
    {
        var digit = Damaged("Dated May 8, 1942, 9 a.m.", "Dated May 8, l942, 9 a.m.").Date!;
        var letter = Damaged("Dated May 8, 1942, 9 a.m.", "Dated Mau 8, 1942, 9 a.m.").Date!;

        Assert.Equal("1942-05-08", letter.Value);
        Assert.True(letter.Confidence < digit.Confidence);
    }

    [Fact]
    public void A_speck_before_the_origin_is_dropped_with_lower_confidence()
    {
        var metadata = Damaged("FROM: Chungking", "FROM: .Chungking");

        Assert.Equal("Chungking", metadata.Origin?.Value);
        Assert.Equal("FROM: .Chungking", metadata.Origin?.Source);
        Assert.True(metadata.Origin!.Confidence < CleanMetadata.Origin!.Confidence);
    }

    [Theory]
    [InlineData("FR0M: Chungking")]
    [InlineData("FROM; Chungking")]
    [InlineData("FROM : Chungking")]
    public void A_damaged_from_keyword_still_gives_the_origin(string damaged)
    {
        Assert.Equal("Chungking", Damaged("FROM: Chungking", damaged).Origin?.Value);
    }

    [Fact]
    public void A_file_number_with_letter_O_for_zero_is_repaired()
    {
        var metadata = Damaged("740.0011 Pacific War/2428", "740.OO11 Pacific War/2428");

        Assert.Equal("740.0011 Pacific War/2428", metadata.FileNumber?.Value);
        Assert.True(metadata.FileNumber!.Confidence < CleanMetadata.FileNumber!.Confidence);
    }

    [Fact]
    public void A_telegram_number_with_letter_l_for_one_is_repaired()
    {
        var metadata = Damaged("526. According", "l526. According");

        Assert.Equal("1526", metadata.TelegramNumber?.Value);
        Assert.True(metadata.TelegramNumber!.Confidence < CleanMetadata.TelegramNumber!.Confidence);
    }

    [Fact]
    public void A_signature_with_a_digit_for_a_letter_is_repaired()
    {
        var metadata = Damaged("\nGAUSS", "\nGAU5S");

        Assert.Equal("GAUSS", metadata.Signature?.Value);
        Assert.Equal("GAUSS", metadata.Sender?.Value);
        Assert.True(metadata.Sender!.Confidence < CleanMetadata.Sender!.Confidence);
    }

    [Fact]
    public void Specks_below_the_signature_do_not_hide_it()
    {
        var metadata = CableMetadataExtractor.Extract(Clean + "\n.\n ' ");

        Assert.Equal("GAUSS", metadata.Signature?.Value);
    }

    [Fact]
    public void A_lost_empty_line_between_header_and_body_changes_nothing()
    {
        var metadata = Damaged("Washington.\n\n526.", "Washington.\n526.");

        Assert.Equal(CleanMetadata.Date?.Value, metadata.Date?.Value);
        Assert.Equal(["Secretary of State"], metadata.Recipients?.Value);
        Assert.Equal("526", metadata.TelegramNumber?.Value);
    }

    [Fact]
    public void A_stray_empty_line_inside_the_header_changes_nothing()
    {
        var metadata = Damaged("FROM: Chungking\n", "FROM: Chungking\n\n");

        Assert.Equal("1942-05-08", metadata.Date?.Value);
        Assert.Equal("1942-05-08", metadata.ReceivedDate?.Value);
        Assert.Equal(["Secretary of State"], metadata.Recipients?.Value);
        Assert.Equal("526", metadata.TelegramNumber?.Value);
    }

    [Fact]
    public void A_stray_mark_above_the_title_does_not_hide_the_document_type()
    {
        var metadata = CableMetadataExtractor.Extract("'\n" + Clean);

        Assert.Equal("TELEGRAM RECEIVED", metadata.DocumentType?.Value);
    }

    [Fact]
    public void A_damaged_document_type_is_recovered_with_lower_confidence()
    {
        var metadata = Damaged("TELEGRAM RECEIVED", "TELEGRAM RECEIVEO");

        Assert.Equal("TELEGRAM RECEIVED", metadata.DocumentType?.Value);
        Assert.True(metadata.DocumentType!.Confidence < CleanMetadata.DocumentType!.Confidence);
    }
}
