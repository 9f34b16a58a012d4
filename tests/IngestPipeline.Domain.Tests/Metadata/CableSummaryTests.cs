using IngestPipeline.Domain.Metadata;

namespace IngestPipeline.Domain.Tests.Metadata;

public class CableSummaryTests
{
    private const string Cable = """
        TELEGRAM RECEIVED

        FROM: Chungking
        TO: Secretary of State
        DATED: May 2, 1944
        REC'D: 8:15 a.m., 3rd

        1116, May 2, 3 p.m.

        The Generalissimo told me this morning that he would welcome an early meeting with the Soviet Ambassador to discuss the
        railway question and the future of the port.

        GAUSS
        """;

    [Fact]
    public void A_cable_is_listed_by_its_date_its_sender_and_the_opening_of_its_body()
    {
        var summary = CableSummary.Of(CableMetadataExtractor.Extract(Cable), Cable);

        Assert.Equal("1944-05-02", summary.Dated);
        Assert.Equal("Secretary of State", summary.Recipients);
        Assert.Null(summary.Classification);
        Assert.StartsWith("1116, May 2, 3 p.m. The Generalissimo told me", summary.Subject);
        Assert.True(summary.Subject!.Length <= CableSummary.SubjectLength + 2);
        Assert.EndsWith(" …", summary.Subject);
    }

    [Fact]
    public void Several_addressees_are_joined_and_the_classification_is_kept()
    {
        var metadata = new CableMetadata
        {
            Recipients = new MetadataField<IReadOnlyList<string>>(["THE PRESIDENT", "THE SECRETARY OF STATE"], 0.9, "header"),
            Classification = new MetadataField<string>("SECRET", 0.9, "header"),
        };

        var summary = CableSummary.Of(metadata, Cable);

        Assert.Equal("THE PRESIDENT; THE SECRETARY OF STATE", summary.Recipients);
        Assert.Equal("SECRET", summary.Classification);
    }

    [Fact]
    public void A_title_a_reviewer_gave_is_the_subject()
    {
        var metadata = CableMetadataExtractor.Extract(Cable) with { Title = new MetadataField<string>("Chiang on a meeting with the Soviet Ambassador", 1, "reviewer") };

        Assert.Equal("Chiang on a meeting with the Soviet Ambassador", CableSummary.Of(metadata, Cable).Subject);
    }
}
