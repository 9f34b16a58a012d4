using IngestPipeline.Domain.Metadata;

namespace IngestPipeline.Domain.Tests.Metadata;

public class PlaceGlossTests
{
    private static IReadOnlyList<PlaceGloss> Glosses(string text) =>
        CableMetadataExtractor.Extract(text).PlaceGlosses.Select(g => g.Value).ToList();

    [Fact]
    public void The_seed_cable_glosses_darien_and_port_arthur()
    {
        // Lines as typed in dev00.
        var text = """
            PARAPHRASE OF NAVY CABLE FROM MOSCOW JULY 3, 1945

            Stalin, in discussing the operation of the Chinese Eastern and South
            With reference to the port of Darien [Dalian], Stalin indicated
            With reference to Port Arthur [Lüshunkou District, Dalian], Stalin asked
            """;
        var glosses = CableMetadataExtractor.Extract(text).PlaceGlosses;

        Assert.Equal(
            [new PlaceGloss("Darien", "Dalian"), new PlaceGloss("Port Arthur", "Lüshunkou District, Dalian")],
            glosses.Select(g => g.Value));
        Assert.Equal("With reference to the port of Darien [Dalian], Stalin indicated", glosses[0].Source);
        Assert.True(glosses[0].Confidence >= 0.9);
    }

    [Fact]
    public void A_gloss_joined_to_its_word_is_found_with_lower_confidence()
    {
        var glosses = CableMetadataExtractor.Extract("Chinese troops are passing through Kinsuang[Sinkiang] where Central").PlaceGlosses;

        Assert.Equal(new PlaceGloss("Kinsuang", "Sinkiang"), Assert.Single(glosses).Value);
        Assert.True(glosses[0].Confidence < 0.9);
    }

    [Theory]
    [InlineData("Burma where it is hoped neutral [sic] powers can")]
    [InlineData("undertaken the unexpected [and] that possibly")]
    [InlineData("China, citing as evidence particularly the altered situation [in]")]
    [InlineData("reported Embassy 1214, July 17, 6 [3] p.m. During")]
    [InlineData("Soong (Embassy's 1254, July 22 [21],")]
    [InlineData("to integrate Army and gendarm[er]ie, we")]
    [InlineData("Monitoring reports of Domei Chinese service from Chungking [by] OWI")]
    [InlineData("importance it attaches to the Pacific theater [ILLEGIBLE]")]
    [InlineData("During discussion Tokyo [garbled group] Gimo inquired")]
    [InlineData("New Delhi as 7. [Thurston.]")]
    [InlineData("a 4-column survey by Colonel\nTolcgevov[Tolchenov] of 6 years")]
    [InlineData("talks with General Magruder [Marshall] on supply")]
    public void Editorial_remarks_numbers_markers_and_personal_names_are_not_place_glosses(string text)
    {
        Assert.Empty(Glosses(text));
    }
}
