using System.ComponentModel.DataAnnotations;

namespace Ats.Api.Resumes.Storage;

/// <summary>Section "Storage". S3 is used when <c>Storage:S3:Endpoint</c> is set, else the local folder.</summary>
public sealed class FileStorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for files when no S3 endpoint is configured (relative paths are under the content root).</summary>
    [Required]
    public string LocalPath { get; set; } = "files";

    public S3Options S3 { get; set; } = new();

    /// <summary>Objects that no row references are removed by the sweeper only when older than this.</summary>
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where uploads are spooled while they are hashed and checked (never in memory).</summary>
    public string? SpoolPath { get; set; }
}

public sealed class S3Options
{
    /// <summary>host:port of the S3 server, e.g. minio:9000. Empty: use the local folder.</summary>
    public string? Endpoint { get; set; }
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    public string Bucket { get; set; } = "ats-files";
    public bool UseSsl { get; set; }
    public string? Region { get; set; }
    /// <summary>Fail fast when S3 does not answer, instead of holding an upload request open.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
