namespace Ats.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The S3 server the tests use: ATS_TEST_S3_ENDPOINT (+ ATS_TEST_S3_ACCESS_KEY / ATS_TEST_S3_SECRET_KEY), which
/// infra/test.sh sets after starting s3rver. Each run gets its own bucket. There is no Testcontainers fallback
/// for MinIO here (the package is not available), so a missing endpoint fails with a message saying what to do.
/// </summary>
public sealed class S3Server
{
    public string Endpoint { get; }
    public string AccessKey { get; }
    public string SecretKey { get; }
    public string Bucket { get; } = "ats-it-" + Guid.NewGuid().ToString("N")[..12];

    public S3Server()
    {
        Endpoint = Environment.GetEnvironmentVariable("ATS_TEST_S3_ENDPOINT") is { Length: > 0 } endpoint
            ? endpoint
            : throw new InvalidOperationException(
                "No S3 server for the integration tests: ATS_TEST_S3_ENDPOINT is not set. Run the tests with `bash infra/test.sh`, " +
                "which starts s3rver, or point ATS_TEST_S3_ENDPOINT (host:port) and ATS_TEST_S3_ACCESS_KEY/ATS_TEST_S3_SECRET_KEY at an S3 server.");
        AccessKey = Environment.GetEnvironmentVariable("ATS_TEST_S3_ACCESS_KEY") ?? "S3RVER";
        SecretKey = Environment.GetEnvironmentVariable("ATS_TEST_S3_SECRET_KEY") ?? "S3RVER";
    }
}
