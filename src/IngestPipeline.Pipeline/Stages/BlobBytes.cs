using IngestPipeline.Infrastructure.Storage;

namespace IngestPipeline.Pipeline.Stages;

/// <summary>Reads a whole blob into memory (an original, or one page's image).</summary>
internal static class BlobBytes
{
    public static async Task<byte[]> ReadAsync(IBlobStore blobs, string container, string name, long sizeHint, CancellationToken cancellation)
    {
        await using var stream = await blobs.OpenReadAsync(container, name, cancellation);
        using var buffer = new MemoryStream(sizeHint is > 0 and < int.MaxValue ? (int)sizeHint : 0);
        await stream.CopyToAsync(buffer, cancellation);
        return buffer.ToArray();
    }
}
