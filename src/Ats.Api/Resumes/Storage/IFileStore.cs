namespace Ats.Api.Resumes.Storage;

public sealed record StoredObject(string Key, long Size, DateTimeOffset LastModified);

/// <summary>
/// The narrow seam over object storage: S3 (MinIO in production, s3rver in tests) or a local folder. Keys are
/// content addresses chosen by the caller and never carry personal data. Writes are idempotent: the same key
/// always holds the same bytes.
/// </summary>
public interface IFileStore
{
    /// <summary>Creates the bucket or folder when missing.</summary>
    Task EnsureReadyAsync(CancellationToken ct);

    Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken ct);

    Task<bool> ExistsAsync(string key, CancellationToken ct);

    /// <summary>Copies the object to <paramref name="destination"/>; throws <see cref="FileNotFoundException"/> when it is missing.</summary>
    Task CopyToAsync(string key, Stream destination, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);

    IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken ct);

    /// <summary>A short-lived URL the browser downloads from directly; null when the store cannot make one (local folder).</summary>
    Task<Uri?> GetDownloadUrlAsync(string key, TimeSpan lifetime, string fileName, string contentType, CancellationToken ct);
}

/// <summary>The store could not be reached; uploads answer 503 and write nothing.</summary>
public sealed class FileStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
