namespace IngestPipeline.Infrastructure.Storage;

public static class BlobBytes
{
    /// <summary>Reads a whole blob into memory (an original, or one page's image); <paramref name="sizeHint"/> sizes the buffer when known.</summary>
    public static async Task<byte[]> ReadAllBytesAsync(this IBlobStore blobs, string container, string name, long sizeHint = 0, CancellationToken cancellation = default)
    {
        await using var stream = await blobs.OpenReadAsync(container, name, cancellation);
        using var buffer = new MemoryStream(sizeHint is > 0 and < int.MaxValue ? (int)sizeHint : 0);
        await stream.CopyToAsync(buffer, cancellation);
        return buffer.ToArray();
    }
}
