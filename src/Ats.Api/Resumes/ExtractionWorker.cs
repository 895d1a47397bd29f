using Ats.Api.Resumes.TextExtraction;
using Microsoft.Extensions.Options;

namespace Ats.Api.Resumes;

/// <summary>Runs <see cref="ExtractionOptions.Workers"/> loops over the queue; an error is logged and the loop goes on.
/// On start and every hour it sweeps spool copies that killed workers left behind (<see cref="ExtractionQueue.SweepSpool"/>).</summary>
public sealed class ExtractionWorker(IServiceScopeFactory scopes, ExtractionSignal signal, IOptions<ExtractionOptions> options,
    IOptions<Storage.FileStorageOptions> storage, TimeProvider clock, ILogger<ExtractionWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Workers == 0
            ? Task.CompletedTask
            : Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(i => Loop($"{Environment.MachineName}:{Environment.ProcessId}:{i}", stoppingToken))
                .Append(SweepLoop(stoppingToken)));

    private async Task SweepLoop(CancellationToken ct)
    {
        await Task.Yield();
        // Twice the lease (the reader's time limit plus the margin): no claim, here or in another instance sharing the
        // folder, still reads a copy that old.
        var olderThan = 2 * (options.Value.Timeout + options.Value.LeaseMargin);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var deleted = ExtractionQueue.SweepSpool(ExtractionQueue.SpoolFolder(storage.Value), olderThan, clock.GetUtcNow());
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} spool copies left by interrupted extractions", deleted);
                }
                await Task.Delay(SweepInterval, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Sweeping the extraction spool failed ({ErrorType}); next try in an hour", e.GetType().Name);
                await Task.Delay(SweepInterval, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task Loop(string worker, CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            var processed = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                processed = await scope.ServiceProvider.GetRequiredService<ExtractionQueue>().ProcessNextAsync(worker, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Extraction worker {Worker} failed; it carries on", worker);
                await Task.Delay(options.Value.PollInterval, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            if (!processed)
            {
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
