using Ats.Api.Resumes.TextExtraction;
using Microsoft.Extensions.Options;

namespace Ats.Api.Resumes;

/// <summary>Runs <see cref="ExtractionOptions.Workers"/> loops over the queue; an error is logged and the loop goes on.</summary>
public sealed class ExtractionWorker(IServiceScopeFactory scopes, ExtractionSignal signal, IOptions<ExtractionOptions> options, ILogger<ExtractionWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(i => Loop($"{Environment.MachineName}:{Environment.ProcessId}:{i}", stoppingToken)));

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
