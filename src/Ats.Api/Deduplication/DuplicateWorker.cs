using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ats.Api.Deduplication;

/// <summary>
/// Takes candidates from <c>match_queue</c> (several instances share it: <c>FOR UPDATE SKIP LOCKED</c>) and runs
/// <see cref="MatchService"/> on each. The queue rows are deleted in a transaction that commits after the batch, so
/// a crash puts them back. A failing candidate is logged by error type and skipped, not retried forever.
/// </summary>
public sealed class DuplicateWorker(IServiceScopeFactory scopes, IOptions<DeduplicationOptions> options, ILogger<DuplicateWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorker)
        {
            return;
        }
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var processed = 0;
            try
            {
                processed = await RunBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError("Duplicate worker batch failed ({ErrorType}); it carries on", e.GetType().Name);
            }
            if (processed == 0)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One batch from the queue; returns how many candidates were looked at.</summary>
    public async Task<int> RunBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtsDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = await db.Database.SqlQueryRaw<Guid>(
                "DELETE FROM match_queue WHERE id IN (SELECT id FROM match_queue ORDER BY id LIMIT {0} FOR UPDATE SKIP LOCKED) RETURNING candidate_id AS \"Value\"",
                options.Value.BatchSize)
            .ToListAsync(ct);
        foreach (var id in ids.Distinct())
        {
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                try
                {
                    await using var work = scopes.CreateAsyncScope();
                    await work.ServiceProvider.GetRequiredService<MatchService>().ProcessAsync(id, ct);
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Two instances looking at one pair at once collide on the suggestion's unique key: the second
                    // try sees the other's row and updates it. Anything else is logged without data, and the
                    // candidate is looked at again on its next change.
                    if (attempt == 2)
                    {
                        logger.LogWarning("Duplicate check of a candidate failed twice ({ErrorType})", e.GetType().Name);
                    }
                }
            }
        }
        await tx.CommitAsync(ct);
        return ids.Count;
    }
}
