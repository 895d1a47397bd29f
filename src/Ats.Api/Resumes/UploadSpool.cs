using System.Security.Cryptography;

namespace Ats.Api.Resumes;

/// <summary>
/// An upload copied to a temporary file while its SHA-256 is computed — never held in memory — so the content
/// address is known before anything is written to the store. Deleted on dispose.
/// </summary>
public sealed class UploadSpool : IAsyncDisposable
{
    public string Path { get; }
    public long Length { get; private set; }
    public string Sha256 { get; private set; } = "";
    public bool TooLarge { get; private set; }

    private UploadSpool(string path) => Path = path;

    public static async Task<UploadSpool> WriteAsync(Stream source, string folder, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var spool = new UploadSpool(System.IO.Path.Combine(folder, Guid.NewGuid().ToString("N") + ".upload"));
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var file = new FileStream(spool.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                spool.Length += read;
                if (spool.Length > maxBytes)
                {
                    spool.TooLarge = true;
                    return spool;
                }
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            spool.Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            return spool;
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    public FileStream OpenRead() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public ValueTask DisposeAsync()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // A spool file left behind holds no row and no object; the OS temp cleaner removes it.
        }
        return ValueTask.CompletedTask;
    }
}
