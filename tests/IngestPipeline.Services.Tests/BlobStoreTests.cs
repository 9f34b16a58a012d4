using System.Text;
using IngestPipeline.Infrastructure.Storage;
using IngestPipeline.Services.Tests.Support;

namespace IngestPipeline.Services.Tests;

/// <summary>What every blob store must do; run against the local folder and against Azurite.</summary>
public abstract class BlobStoreTests
{
    protected abstract IBlobStore Store { get; }

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private async Task<string> ReadAsync(string container, string name)
    {
        await using var stream = await Store.OpenReadAsync(container, name);
        return await new StreamReader(stream).ReadToEndAsync();
    }

    [Fact]
    public async Task An_original_is_written_once_and_never_replaced()
    {
        await Store.EnsureContainersAsync();
        var name = Guid.NewGuid().ToString("N");

        Assert.True(await Store.PutAsync(BlobNames.Originals, name, Bytes("first"), overwrite: false));
        Assert.False(await Store.PutAsync(BlobNames.Originals, name, Bytes("second"), overwrite: false));

        Assert.Equal("first", await ReadAsync(BlobNames.Originals, name));
    }

    [Fact]
    public async Task Blobs_are_stored_listed_replaced_and_deleted()
    {
        await Store.EnsureContainersAsync();
        var name = BlobNames.PageImage(Guid.NewGuid(), 3);

        Assert.True(await Store.PutAsync(BlobNames.Pages, name, Bytes("one"), overwrite: true));
        Assert.True(await Store.PutAsync(BlobNames.Pages, name, Bytes("two"), overwrite: true));
        Assert.Equal("two", await ReadAsync(BlobNames.Pages, name));
        Assert.Contains(name, await Store.ListAsync(BlobNames.Pages).ToListAsync());
        Assert.True(await Store.ExistsAsync(BlobNames.Pages, name));

        await Store.DeleteAsync(BlobNames.Pages, name);
        Assert.False(await Store.ExistsAsync(BlobNames.Pages, name));
        await Assert.ThrowsAsync<BlobNotFoundException>(() => Store.OpenReadAsync(BlobNames.Pages, name));
    }

    [Fact]
    public async Task Unknown_containers_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync("../etc", "x", Bytes("x"), overwrite: true));
    }
}

public sealed class FolderBlobStoreTests : BlobStoreTests
{
    private readonly string _root = Repository.NewTempDirectory();

    protected override IBlobStore Store => new FolderBlobStore(_root);

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("UPPER")]
    public async Task Names_the_pipeline_could_not_have_made_are_refused(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(BlobNames.Pages, name, new MemoryStream([1]), overwrite: true));
    }

    [Fact]
    public async Task Inbox_names_from_outside_stay_inside_the_inbox()
    {
        await Store.EnsureContainersAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(BlobNames.Inbox, "../originals/x", new MemoryStream([1]), overwrite: true));
        Assert.True(await Store.PutAsync(BlobNames.Inbox, "Scan 0001 (copy).TIF", new MemoryStream([1]), overwrite: true));
        Assert.Equal(["Scan 0001 (copy).TIF"], await Store.ListAsync(BlobNames.Inbox).ToListAsync());
    }
}

public sealed class AzuriteBlobStoreTests : BlobStoreTests
{
    private readonly IBlobStore _store;

    public AzuriteBlobStoreTests()
    {
        var settings = ServiceEnvironment.ScaleOut(ServiceEnvironment.NewRunName());
        _store = AzureBlobStore.FromConnectionString(settings["Pipeline__Blobs__ConnectionString"], settings["Pipeline__Blobs__ContainerPrefix"]);
    }

    protected override IBlobStore Store => _store;
}
