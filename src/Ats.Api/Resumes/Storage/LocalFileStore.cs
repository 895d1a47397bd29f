using System.Runtime.CompilerServices;

namespace Ats.Api.Resumes.Storage;

/// <summary>Files in a local folder: the default, so the service runs with nothing else installed.</summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public Task EnsureReadyAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        return Task.CompletedTask;
    }

    public async Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken ct)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Write beside the target and rename: a crash never leaves a half-written object under its key.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".part";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, ct);
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(key)));

    public async Task CopyToAsync(string key, Stream destination, CancellationToken ct)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Stored object is missing.");
        }
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await file.CopyToAsync(destination, ct);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }
        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            if (path.EndsWith(".part", StringComparison.Ordinal))
            {
                continue;
            }
            var key = Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var info = new FileInfo(path);
            yield return new StoredObject(key, info.Length, info.LastWriteTimeUtc);
        }
        await Task.CompletedTask;
    }

    public Task<Uri?> GetDownloadUrlAsync(string key, TimeSpan lifetime, string fileName, string contentType, CancellationToken ct) =>
        Task.FromResult<Uri?>(null);

    private string PathOf(string key)
    {
        if (key.Length == 0 || key.Contains("..", StringComparison.Ordinal) || key.StartsWith('/') || key.Contains('\\'))
        {
            throw new ArgumentException("Invalid object key.", nameof(key));
        }
        return Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
    }
}
