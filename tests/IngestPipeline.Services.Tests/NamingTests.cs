using IngestPipeline.Infrastructure.Storage;
using IngestPipeline.Pipeline.Intake;

namespace IngestPipeline.Services.Tests;

public class NamingTests
{
    [Theory]
    [InlineData("scan.tif", "scan.tif")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\scans\\cable 12.png", "cable 12.png")]
    [InlineData("bad\u0001name\u0007.png", "badname.png")]
    [InlineData("..", "unnamed")]
    [InlineData("", "unnamed")]
    public void Upload_names_are_only_shown_and_are_made_harmless(string uploaded, string shown) =>
        Assert.Equal(shown, DocumentRegistrar.DisplayName(uploaded));

    [Fact]
    public void Very_long_names_are_cut_to_200_characters() =>
        Assert.Equal(200, DocumentRegistrar.DisplayName(new string('a', 500) + ".png").Length);

    [Fact]
    public void Blob_names_come_from_hashes_and_ids()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        Assert.Equal("0f8fad5bd9cb469fa16570867728950e/0003.jpg", BlobNames.PageImage(id, 3));
        Assert.True(BlobNames.IsSafe(BlobNames.PageImage(id, 3)));
        Assert.False(BlobNames.IsSafe("a/../b"));
        Assert.False(BlobNames.IsSafe("Scan.png"));
    }
}
