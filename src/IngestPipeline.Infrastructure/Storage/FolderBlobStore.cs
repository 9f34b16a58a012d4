using System.Runtime.CompilerServices;

namespace IngestPipeline.Infrastructure.Storage;

/// <summary>
/// Blobs as files under a root folder, one sub-folder per container: the embedded default, with nothing to
/// install. Writes go to a temporary file that is then moved into place, so a crash never leaves half a blob;
/// a blob that must not be overwritten is moved without replacing, which two writers cannot both win.
/// </summary>
public sealed class FolderBlobStore(string root) : IBlobStore
{
    private readonly string _root = Path.GetFullPath(root);

    public async Task<bool> PutAsync(string container, string name, Stream content, bool overwrite, CancellationToken cancellation = default)
    {
        var path = PathOf(container, name);
        if (!overwrite && File.Exists(path)) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellation);
            }
            try
            {
                File.Move(temporary, path, overwrite);
            }
            catch (IOException) when (!overwrite && File.Exists(path))
            {
                return false; // another writer stored the same name first
            }
            return true;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream> OpenReadAsync(string container, string name, CancellationToken cancellation = default)
    {
        var path = PathOf(container, name);
        try
        {
            return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BlobNotFoundException(container, name);
        }
    }

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellation = default) =>
        Task.FromResult(File.Exists(PathOf(container, name)));

    public async IAsyncEnumerable<string> ListAsync(string container, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var folder = ContainerPath(container);
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            cancellation.ThrowIfCancellationRequested();
            var name = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!Path.GetFileName(name).StartsWith('.')) yield return name;
        }
        await Task.CompletedTask;
    }

    public Task DeleteAsync(string container, string name, CancellationToken cancellation = default)
    {
        File.Delete(PathOf(container, name));
        return Task.CompletedTask;
    }

    public Task EnsureContainersAsync(CancellationToken cancellation = default)
    {
        foreach (var container in BlobNames.Containers) Directory.CreateDirectory(ContainerPath(container));
        return Task.CompletedTask;
    }

    private string ContainerPath(string container) => Path.Combine(_root, BlobNames.Container(container));

    /// <summary>
    /// The file of a blob. Inbox names come from whoever dropped the file, so they may hold anything; every other
    /// name is the pipeline's own and must be safe. Either way the path must stay inside the container.
    /// </summary>
    private string PathOf(string container, string name)
    {
        var folder = ContainerPath(container);
        if (container != BlobNames.Inbox && !BlobNames.IsSafe(name)) throw new ArgumentException($"'{name}' is not a blob name the pipeline makes.");
        var path = Path.GetFullPath(Path.Combine(folder, name));
        if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"The blob name '{name}' leads outside its container.");
        return path;
    }
}
