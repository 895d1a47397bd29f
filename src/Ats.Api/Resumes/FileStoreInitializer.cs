using Ats.Api.Resumes.Storage;

namespace Ats.Api.Resumes;

/// <summary>Creates the bucket (or folder) on start. An unreachable S3 does not stop the service: uploads answer 503 until it is back.</summary>
internal sealed class FileStoreInitializer(IFileStore store, ILogger<FileStoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.EnsureReadyAsync(cancellationToken);
            logger.LogInformation("File storage ready: {Store}", store.GetType().Name);
        }
        catch (FileStoreUnavailableException)
        {
            logger.LogError("File storage is unreachable on start; uploads will answer 503 until it is back");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
