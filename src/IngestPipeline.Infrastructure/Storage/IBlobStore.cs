namespace IngestPipeline.Infrastructure.Storage;

/// <summary>
/// Where scans, page images and outputs are kept: named blobs in a few fixed containers. Names are made by the
/// pipeline from hashes and ids (see <see cref="BlobNames"/>), never taken from a user's file name.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the content under the name. With <paramref name="overwrite"/> false an existing blob is kept as it is and false is returned.</summary>
    Task<bool> PutAsync(string container, string name, Stream content, bool overwrite, CancellationToken cancellation = default);

    /// <summary>Opens the blob for reading; <see cref="BlobNotFoundException"/> when there is none.</summary>
    Task<Stream> OpenReadAsync(string container, string name, CancellationToken cancellation = default);

    Task<bool> ExistsAsync(string container, string name, CancellationToken cancellation = default);

    /// <summary>The names in the container, in no particular order.</summary>
    IAsyncEnumerable<string> ListAsync(string container, CancellationToken cancellation = default);

    Task DeleteAsync(string container, string name, CancellationToken cancellation = default);

    /// <summary>Creates the containers that do not exist yet.</summary>
    Task EnsureContainersAsync(CancellationToken cancellation = default);
}

public sealed class BlobNotFoundException(string container, string name)
    : Exception($"The blob '{name}' is not in the '{container}' container.");

/// <summary>The containers and how blobs in them are named.</summary>
public static class BlobNames
{
    /// <summary>Where scanner stations and staff drop files for the nightly ingestion.</summary>
    public const string Inbox = "inbox";

    /// <summary>Originals as received, named by the SHA-256 of their bytes, written once and never changed.</summary>
    public const string Originals = "originals";

    /// <summary>Processed page images (grey, deskewed) as JPEG, for reviewers and the searchable PDF.</summary>
    public const string Pages = "pages";

    /// <summary>Published outputs of a document.</summary>
    public const string Outputs = "outputs";

    public static readonly IReadOnlyList<string> Containers = [Inbox, Originals, Pages, Outputs];

    public static string Original(string sha256) => sha256;

    /// <summary>The container's name when it is one of <see cref="Containers"/>; stores refuse any other.</summary>
    public static string Container(string name) =>
        Containers.Contains(name) ? name : throw new ArgumentException($"There is no container '{name}'.");

    public static string PageImage(Guid documentId, int pageNumber) => $"{documentId:N}/{pageNumber:D4}.jpg";

    /// <summary>A small copy of the page image, for lists.</summary>
    public static string PageThumbnail(Guid documentId, int pageNumber) => $"{documentId:N}/{pageNumber:D4}-thumbnail.jpg";

    /// <summary>A page's image as taken out of the original at split, before any cleaning: what recognising it reads.</summary>
    public static string PageSource(Guid documentId, int pageNumber, string extension) => $"{documentId:N}/{pageNumber:D4}-source.{extension}";

    /// <summary>Whether a name is one the pipeline could have made: lowercase letters, digits, '.', '-', '_' and '/' between parts.</summary>
    public static bool IsSafe(string name) =>
        name.Length is > 0 and <= 200
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_' or '/')
        && !name.StartsWith('/') && !name.EndsWith('/')
        && name.Split('/').All(part => part.Length > 0 && part != "." && part != "..");
}
