using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ats.Api.Deduplication;

/// <summary>
/// Takes candidates from <c>match_queue</c> (several instances share it: <c>FOR UPDATE SKIP LOCKED</c>) and runs
/// <see cref="MatchService"/> on each. The queue rows are deleted in a transaction that commits after the batch, so
/// a crash puts them back. A candidate whose check fails twice in a row goes back on the queue with its attempt
/// count, the error type and a growing delay (10 s, 20 s, … at most an hour), so a passing fault (the database
/// restarting) does not leave a person unchecked until their next change; the status endpoint counts those waiting.
/// A check that keeps failing is tried every hour for as long as it fails (no dead end: the cause is in the log and
/// the status, and the fix is to repair it, not to give up on the person).
/// </summary>
public sealed class DuplicateWorker(IServiceScopeFactory scopes, IOptions<DeduplicationOptions> options, TimeProvider clock, ILogger<DuplicateWorker> logger)
    : BackgroundService
{
    /// <summary>The wait before the next try after <paramref name="attempts"/> failed ones.</summary>
    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20))));

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

    // Mapped by the naming convention: candidate_id, attempts.
    private sealed class Taken
    {
        public Guid CandidateId { get; set; }
        public int Attempts { get; set; }
    }

    /// <summary>One batch from the queue; returns how many candidates were looked at.</summary>
    public Task<int> RunBatchAsync(CancellationToken ct) => RunBatchAsync(clock.GetUtcNow(), ct);

    /// <summary>One batch of the items due at <paramref name="now"/> (tests move it forward).</summary>
    internal async Task<int> RunBatchAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtsDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Database.SqlQueryRaw<Taken>(
                """
                DELETE FROM match_queue WHERE id IN (
                    SELECT id FROM match_queue WHERE not_before IS NULL OR not_before <= {1}
                    ORDER BY id LIMIT {0} FOR UPDATE SKIP LOCKED)
                RETURNING candidate_id, attempts
                """,
                options.Value.BatchSize, now)
            .ToListAsync(ct);
        var ids = taken.Select(t => t.CandidateId).ToList();
        var failures = new Dictionary<Guid, Exception>();
        foreach (var id in ids.Distinct())
        {
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                try
                {
                    await using var work = scopes.CreateAsyncScope();
                    await work.ServiceProvider.GetRequiredService<MatchService>().ProcessAsync(id, ct);
                    failures.Remove(id);
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Two instances looking at one pair at once collide on the suggestion's unique key: the second
                    // try sees the other's row and updates it. Anything else is logged without data, and the
                    // candidate goes back on the queue to be tried again later.
                    failures[id] = e;
                }
            }
        }
        if (taken.Count > 0)
        {
            // Retries that wait for these candidates are settled in one statement: dropped after a good check (it
            // would only check again), folded into the one new retry after a failed one (the delay keeps growing).
            var waiting = await db.Database.SqlQueryRaw<Taken>(
                    """
                    DELETE FROM match_queue WHERE id IN (
                        SELECT id FROM match_queue WHERE candidate_id = ANY({0}) AND attempts > 0 FOR UPDATE SKIP LOCKED)
                    RETURNING candidate_id, attempts
                    """,
                    ids.Distinct().ToArray())
                .ToListAsync(ct);
            foreach (var (id, failure) in failures)
            {
                var attempts = taken.Concat(waiting).Where(t => t.CandidateId == id).Max(t => t.Attempts) + 1;
                var retryAt = now + RetryDelay(attempts);
                var error = failure.GetType().Name;
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO match_queue (candidate_id, enqueued_at, attempts, not_before, last_error) VALUES ({id}, {now}, {attempts}, {retryAt}, {error})",
                    ct);
                logger.LogWarning("Duplicate check of a candidate failed twice ({ErrorType}); try {Attempt} at {RetryAt}", error, attempts + 1, retryAt);
            }
        }
        await tx.CommitAsync(ct);
        return ids.Count;
    }
}
