using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ats.Api.IntegrationTests.Infrastructure;

public sealed class AtsApiFactory(string connectionString, CapturingLoggerProvider logs, S3Server? s3 = null, Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Each host keeps its own index, as each API instance does.</summary>
    public string IndexPath { get; } = Path.Combine(Path.GetTempPath(), "ats-it-index-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Ats", connectionString);
        builder.UseSetting("Auth:BootstrapAdminKey", "false");
        builder.UseSetting("Database:MigrateOnStart", "false");
        if (s3 is not null)
        {
            builder.UseSetting("Storage:S3:Endpoint", s3.Endpoint);
            builder.UseSetting("Storage:S3:AccessKey", s3.AccessKey);
            builder.UseSetting("Storage:S3:SecretKey", s3.SecretKey);
            builder.UseSetting("Storage:S3:Bucket", s3.Bucket);
        }
        builder.UseSetting("Storage:SpoolPath", Path.Combine(Path.GetTempPath(), "ats-it-spool"));
        builder.UseSetting("Extraction:PollInterval", "00:00:00.200");
        builder.UseSetting("Search:IndexPath", IndexPath);
        builder.UseSetting("Search:PollInterval", "00:00:00.100");
        // Every search of the tests goes through the sliced, multi-threaded path (two ranges of documents), not only
        // above the production threshold.
        builder.UseSetting("Search:MinDocumentsToSlice", "0");
        builder.UseSetting("Search:SearchThreads", "2");
        builder.UseSetting("Deduplication:PollInterval", "00:00:00.100");
        // Tests share one database and make look-alike people on purpose; a merge of one test's candidates by
        // another test's change would make them flaky. Automatic merging is tested on its own host (MergeTests).
        builder.UseSetting("Deduplication:AutoMerge", "false");
        configure?.Invoke(builder);
        builder.ConfigureLogging(logging =>
        {
            // Everything, including Debug and EF Core's command log, so the personal-data test sees all of it.
            // Only the capturing provider: console output of every test host would bury the test results.
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter((_, _) => true);
            logging.AddProvider(logs);
        });
    }

    /// <summary>The host's index folder goes with it (best effort: a test that points the index elsewhere cleans up itself).</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TemporaryFolder.Delete(IndexPath);
        }
    }
}

/// <summary>Deletes a test's temporary folder when disposed (declare it before the host that uses the folder).</summary>
public sealed class TemporaryFolder(string path) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose() => Delete(Path);

    public static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
