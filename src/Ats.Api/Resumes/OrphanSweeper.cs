using Ats.Api.Resumes.Storage;
using Microsoft.Extensions.Options;

namespace Ats.Api.Resumes;

/// <summary>Runs <see cref="FileConsistency.SweepAsync"/> every <see cref="FileStorageOptions.SweepInterval"/>.</summary>
public sealed class OrphanSweeper(IServiceScopeFactory scopes, IOptions<FileStorageOptions> options, ILogger<OrphanSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<FileConsistency>().SweepAsync(stoppingToken);
                logger.LogInformation("Orphan sweep: examined {Examined}, removed {Removed}, kept {Kept} in grace period",
                    report.Examined, report.Removed, report.KeptInGracePeriod);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Orphan sweep failed; it runs again at the next interval");
            }
        }
    }
}
