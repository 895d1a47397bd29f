using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace Ats.Api.Resumes.Storage;

/// <summary>Objects in an S3 bucket through the MinIO client (MinIO in production, s3rver in tests).</summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    private readonly IMinioClient _client;
    private readonly string _bucket;

    public S3FileStore(S3Options options)
    {
        var builder = new MinioClient()
            .WithEndpoint(options.Endpoint)
            .WithCredentials(options.AccessKey, options.SecretKey)
            .WithSSL(options.UseSsl)
            .WithTimeout((int)options.Timeout.TotalMilliseconds);
        if (!string.IsNullOrEmpty(options.Region))
        {
            builder = builder.WithRegion(options.Region);
        }
        _client = builder.Build();
        _bucket = options.Bucket;
    }

    public Task EnsureReadyAsync(CancellationToken ct) => Guard(async () =>
    {
        if (!await _client.BucketExistsAsync(new BucketExistsArgs().WithBucket(_bucket), ct))
        {
            await _client.MakeBucketAsync(new MakeBucketArgs().WithBucket(_bucket), ct);
        }
        return true;
    });

    public Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken ct) => Guard(async () =>
    {
        await _client.PutObjectAsync(new PutObjectArgs().WithBucket(_bucket).WithObject(key)
            .WithStreamData(content).WithObjectSize(length).WithContentType(contentType), ct);
        return true;
    });

    public Task<bool> ExistsAsync(string key, CancellationToken ct) => Guard(async () =>
    {
        try
        {
            await _client.StatObjectAsync(new StatObjectArgs().WithBucket(_bucket).WithObject(key), ct);
            return true;
        }
        catch (ObjectNotFoundException)
        {
            return false;
        }
    });

    public Task CopyToAsync(string key, Stream destination, CancellationToken ct) => Guard(async () =>
    {
        try
        {
            await _client.GetObjectAsync(new GetObjectArgs().WithBucket(_bucket).WithObject(key)
                .WithCallbackStream((stream, token) => stream.CopyToAsync(destination, token)), ct);
        }
        catch (ObjectNotFoundException e)
        {
            throw new FileNotFoundException("Stored object is missing.", e);
        }
        return true;
    });

    public Task DeleteAsync(string key, CancellationToken ct) => Guard(async () =>
    {
        await _client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(_bucket).WithObject(key), ct);
        return true;
    });

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        var items = _client.ListObjectsEnumAsync(new ListObjectsArgs().WithBucket(_bucket).WithPrefix(prefix).WithRecursive(true), ct);
        await foreach (var item in items.WithCancellation(ct))
        {
            if (!item.IsDir)
            {
                yield return new StoredObject(item.Key, (long)item.Size, item.LastModifiedDateTime is { } d ? new DateTimeOffset(d.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue);
            }
        }
    }

    public Task<Uri?> GetDownloadUrlAsync(string key, TimeSpan lifetime, string fileName, string contentType, CancellationToken ct) => Guard(async () =>
    {
        var headers = new Dictionary<string, string>
        {
            ["response-content-disposition"] = ContentDisposition.Attachment(fileName),
            ["response-content-type"] = contentType,
        };
        var url = await _client.PresignedGetObjectAsync(new PresignedGetObjectArgs().WithBucket(_bucket).WithObject(key)
            .WithExpiry((int)lifetime.TotalSeconds).WithHeaders(headers));
        return (Uri?)new Uri(url);
    });

    public void Dispose() => _client.Dispose();

    /// <summary>Connection failures become one exception type the endpoints turn into 503.</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or ConnectionException or TimeoutException
                                      or TaskCanceledException { InnerException: TimeoutException })
        {
            throw new FileStoreUnavailableException("File storage (S3) is unreachable.", e);
        }
    }
}
