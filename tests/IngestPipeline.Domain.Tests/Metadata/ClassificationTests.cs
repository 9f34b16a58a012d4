using IngestPipeline.Domain.Metadata;

namespace IngestPipeline.Domain.Tests.Metadata;

/// <summary>
/// Classification comes only from a header line of its own. A damaged marking is recovered only when
/// no other marking is within two edits of the reading, and then with lower confidence.
/// </summary>
public class ClassificationTests
{
    private static CableMetadata WithMarking(string marking) => CableMetadataExtractor.Extract($"""
        TELEGRAM RECEIVED
        {marking}
        FROM: Saigon
        Dated July 5, 1949, 6 p.m.
        Secretary of State,
        Washington.

        221. In private conversation with Dugardier some days ago said I
        Sent Department, repeated Paris, pouched Hanoi.

        ABBOTT
        """);

    [Theory]
    [InlineData("TOP SECRET")]
    [InlineData("SECRET")]
    [InlineData("CONFIDENTIAL")]
    [InlineData("RESTRICTED")]
    public void A_clean_marking_is_read_with_high_confidence(string marking)
    {
        var field = WithMarking(marking).Classification;

        Assert.Equal(marking, field?.Value);
        Assert.Equal(marking, field?.Source);
        Assert.True(field!.Confidence >= 0.9);
    }

    [Theory]
    [InlineData("TOP SECRFT", "TOP SECRET")]
    [InlineData("T0P SECRET", "TOP SECRET")]
    [InlineData("SECRFT", "SECRET")]
    [InlineData("5ECRET", "SECRET")]
    [InlineData(". SECRET", "SECRET")]
    [InlineData("CONFIDENTIAI", "CONFIDENTIAL")]
    [InlineData("C0NFIDENTIAL", "CONFIDENTIAL")]
    [InlineData("RESTRICTFD", "RESTRICTED")]
    public void An_unambiguous_damaged_marking_is_recovered_with_lower_confidence(string damaged, string expected)
    {
        var field = WithMarking(damaged).Classification;

        Assert.Equal(expected, field?.Value);
        Assert.Equal(damaged, field?.Source);
        Assert.True(field!.Confidence < WithMarking(expected).Classification!.Confidence);
    }

    [Fact]
    public void A_marking_in_lower_case_letters_is_still_a_marking()
    {
        Assert.Equal("SECRET", WithMarking("Secret").Classification?.Value);
    }

    [Theory]
    [InlineData("P SECRET")]      // TOP SECRET with TOP torn, or SECRET with a speck: two edits either way
    [InlineData("SEXRXT")]        // two wrong letters in a six-letter word is too much
    [InlineData("CONFIDENT")]     // three letters lost
    public void A_marking_that_could_be_read_two_ways_or_is_too_damaged_stays_null(string damaged)
    {
        Assert.Null(WithMarking(damaged).Classification);
    }

    [Fact]
    public void No_marking_line_gives_null()
    {
        Assert.Null(CableMetadataExtractor.Extract(DevPages.Texts["dev04_frus1942China_d49"]).Classification);
    }

    [Theory]
    [InlineData("221. Our informant says this is secret and must not be repeated.")]
    [InlineData("221. TOP SECRET information was passed to the French.")]
    public void A_marking_word_in_the_body_does_not_count(string bodyLine)
    {
        var text = $"""
            TELEGRAM RECEIVED
            FROM: Saigon
            Dated July 5, 1949, 6 p.m.

            {bodyLine}
            SECRET
            The matter is confidential.

            ABBOTT
            """;

        Assert.Null(CableMetadataExtractor.Extract(text).Classification);
    }

    [Fact]
    public void A_marking_inside_a_longer_header_line_does_not_count()
    {
        Assert.Null(WithMarking("SECRET SERVICE REPORT").Classification);
    }
}
