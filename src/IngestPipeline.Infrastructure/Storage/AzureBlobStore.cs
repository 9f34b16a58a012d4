using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace IngestPipeline.Infrastructure.Storage;

/// <summary>
/// Blobs in Azure Blob Storage (or Azurite). A blob that must not be overwritten is uploaded with the condition
/// "only if none exists", so of two workers storing the same original one wins and the other learns it is there.
/// </summary>
/// <remarks>
/// A container prefix lets several installations (or test runs) share one storage account without sharing blobs.
/// </remarks>
public sealed class AzureBlobStore(BlobServiceClient service, string containerPrefix = "") : IBlobStore
{
    /// <summary>
    /// A client for a connection string. The service version is pinned: Azurite accepts only the versions it knows,
    /// and this one is understood by both Azurite 3.37 and Azure.
    /// </summary>
    public static AzureBlobStore FromConnectionString(string connectionString, string containerPrefix = "") =>
        new(new BlobServiceClient(connectionString, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06)
        {
            Retry = { MaxRetries = 5, Delay = TimeSpan.FromMilliseconds(500), Mode = Azure.Core.RetryMode.Exponential, NetworkTimeout = TimeSpan.FromSeconds(60) },
        }), containerPrefix);

    private BlobContainerClient Container(string name) =>
        service.GetBlobContainerClient(containerPrefix + BlobNames.Container(name));

    public async Task<bool> PutAsync(string container, string name, Stream content, bool overwrite, CancellationToken cancellation = default)
    {
        var blob = Container(container).GetBlobClient(name);
        var options = new BlobUploadOptions();
        if (!overwrite) options.Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            await blob.UploadAsync(content, options, cancellation);
            return true;
        }
        catch (RequestFailedException e) when (!overwrite && e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<Stream> OpenReadAsync(string container, string name, CancellationToken cancellation = default)
    {
        try
        {
            return await Container(container).GetBlobClient(name).OpenReadAsync(new BlobOpenReadOptions(false), cancellation);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new BlobNotFoundException(container, name);
        }
    }

    public async Task<bool> ExistsAsync(string container, string name, CancellationToken cancellation = default) =>
        await Container(container).GetBlobClient(name).ExistsAsync(cancellation);

    public async IAsyncEnumerable<string> ListAsync(string container, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        await foreach (var item in Container(container).GetBlobsAsync(cancellationToken: cancellation))
            yield return item.Name;
    }

    public async Task DeleteAsync(string container, string name, CancellationToken cancellation = default) =>
        await Container(container).GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellation);

    public async Task EnsureContainersAsync(CancellationToken cancellation = default)
    {
        foreach (var container in BlobNames.Containers)
            await Container(container).CreateIfNotExistsAsync(cancellationToken: cancellation);
    }
}
