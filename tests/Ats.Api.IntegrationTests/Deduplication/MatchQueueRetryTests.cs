using System.Data.Common;
using System.Net.Http.Json;
using Ats.Api.Auth;
using Ats.Api.Data;
using Ats.Api.Deduplication;
using Ats.Api.Deduplication.Matching;
using Ats.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ats.Api.IntegrationTests.Deduplication;

/// <summary>A duplicate check that fails is not dropped: it goes back on the queue with a delay and is tried again.</summary>
[Collection(ApiCollection.Name)]
public sealed class MatchQueueRetryTests(ApiFixture api)
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);

    [Fact]
    public async Task A_failing_check_waits_with_its_error_and_is_tried_again_later()
    {
        var candidate = await SettledCandidateAsync("Игорь");
        // A change the shared host's worker leaves alone: due in two days, on this test's clock only.
        var due = DateTimeOffset.UtcNow.AddDays(2);
        await EnqueueAsync(candidate, 0, due);
        var failing = new FailChecksOf(candidate);
        using var host = HostFailing(failing);
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", await api.IssueKeyAsync("retry", Role.Admin));
        var worker = WorkerOf(host);

        var firstTry = due.AddMinutes(1);
        await RunUntilAsync(worker, firstTry, candidate, queued => !queued.Any(q => q.Attempts == 0));
        Assert.True(failing.Failures >= 2, "the check did not run");
        var row = Assert.Single(await QueuedAsync(candidate));
        Assert.Equal(1, row.Attempts);
        Assert.Equal(nameof(InvalidOperationException), row.LastError);
        Assert.Equal(firstTry + DuplicateWorker.RetryDelay(1), row.NotBefore!.Value, TimeSpan.FromMilliseconds(1));
        var status = (await admin.GetFromJsonAsync<DeduplicationStatus>("/admin/duplicates/status", ApiClientExtensions.Json))!;
        Assert.True(status.Retrying >= 1);
        Assert.NotNull(status.LastCheckError);

        // Not before its time; then, with the fault gone, checked and off the queue.
        failing.Release();
        await worker.RunBatchAsync(firstTry.AddSeconds(1), CancellationToken.None);
        Assert.Single(await QueuedAsync(candidate));
        var checksBefore = failing.Seen;
        await RunUntilAsync(worker, firstTry + DuplicateWorker.RetryDelay(1), candidate, queued => queued.Count == 0);
        Assert.True(failing.Seen > checksBefore, "the second try did not run");
        Assert.Empty(await QueuedAsync(candidate));
    }

    [Fact]
    public async Task A_fresh_change_that_also_fails_is_folded_into_the_waiting_retry()
    {
        var candidate = await SettledCandidateAsync("Олег");
        var due = DateTimeOffset.UtcNow.AddDays(2);
        // A retry waiting far ahead (third failure so far) and a fresh change due in two days.
        await EnqueueAsync(candidate, 3, due.AddDays(30), "TimeoutException");
        await EnqueueAsync(candidate, 0, due);
        var failing = new FailChecksOf(candidate);
        using var host = HostFailing(failing);
        var worker = WorkerOf(host);
        var now = due.AddMinutes(1);
        await RunUntilAsync(worker, now, candidate, queued => !queued.Any(q => q.Attempts == 0));
        var row = Assert.Single(await QueuedAsync(candidate));
        Assert.Equal(4, row.Attempts);
        Assert.Equal(now + DuplicateWorker.RetryDelay(4), row.NotBefore!.Value, TimeSpan.FromMilliseconds(1));

        // A good check settles the waiting retry too.
        failing.Release();
        await EnqueueAsync(candidate, 0, due);
        await RunUntilAsync(worker, now, candidate, queued => queued.Count == 0);
        Assert.Empty(await QueuedAsync(candidate));
    }

    /// <summary>A new candidate (unique surname) once the shared host's worker has checked it: nothing of it queued.</summary>
    private async Task<Guid> SettledCandidateAsync(string firstName)
    {
        var candidate = await _recruiter.CreateCandidateAsync("Сбоев" + Guid.NewGuid().ToString("N")[..6], firstName);
        var until = DateTime.UtcNow.AddSeconds(30);
        while ((await QueuedAsync(candidate.Id)).Count > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
        Assert.Empty(await QueuedAsync(candidate.Id));
        return candidate.Id;
    }

    private async Task EnqueueAsync(Guid candidateId, int attempts, DateTimeOffset notBefore, string? error = null)
    {
        await using var db = api.NewDbContext();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO match_queue (candidate_id, enqueued_at, attempts, not_before, last_error) VALUES ({candidateId}, now(), {attempts}, {notBefore}, {error})");
    }

    private AtsApiFactory HostFailing(FailChecksOf failing) =>
        new(api.ConnectionString, new CapturingLoggerProvider(), api.S3, b => b
            .UseSetting("Deduplication:RunWorker", "false")
            .ConfigureServices(services => services.ConfigureDbContext<AtsDbContext>(o => o.AddInterceptors(failing))));

    private static DuplicateWorker WorkerOf(AtsApiFactory host) => host.Services.GetServices<IHostedService>().OfType<DuplicateWorker>().Single();

    // Batches take the oldest due items first: other tests' items may be ahead of this one.
    private async Task RunUntilAsync(DuplicateWorker worker, DateTimeOffset now, Guid candidateId, Func<List<MatchQueueItem>, bool> done)
    {
        for (var batch = 0; batch < 100 && !done(await QueuedAsync(candidateId)); batch++)
        {
            await worker.RunBatchAsync(now, CancellationToken.None);
        }
    }

    [Fact]
    public void The_delay_grows_and_stops_at_an_hour()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), DuplicateWorker.RetryDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(20), DuplicateWorker.RetryDelay(2));
        Assert.Equal(TimeSpan.FromSeconds(80), DuplicateWorker.RetryDelay(4));
        Assert.Equal(TimeSpan.FromHours(1), DuplicateWorker.RetryDelay(12));
        Assert.Equal(TimeSpan.FromHours(1), DuplicateWorker.RetryDelay(1_000));
    }

    private async Task<List<MatchQueueItem>> QueuedAsync(Guid candidateId)
    {
        await using var db = api.NewDbContext();
        return await db.MatchQueue.AsNoTracking().Where(q => q.CandidateId == candidateId).ToListAsync();
    }

    /// <summary>Fails the duplicate check's reads of one candidate (not the queue's own statements) until released.</summary>
    private sealed class FailChecksOf(Guid candidateId) : DbCommandInterceptor
    {
        private int _failures;
        private int _seen;
        private volatile bool _released;

        public int Failures => Volatile.Read(ref _failures);

        public int Seen => Volatile.Read(ref _seen);

        public void Release() => _released = true;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!command.CommandText.Contains("match_queue", StringComparison.Ordinal)
                && command.Parameters.Cast<DbParameter>().Any(p => p.Value switch
                {
                    // The check loads its own candidate alone; others' checks may load it among their look-alikes.
                    Guid g => g == candidateId,
                    IEnumerable<Guid> many => many.SequenceEqual([candidateId]),
                    _ => false,
                }))
            {
                Interlocked.Increment(ref _seen);
                if (!_released)
                {
                    Interlocked.Increment(ref _failures);
                    throw new InvalidOperationException("Simulated fault while checking a candidate.");
                }
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

/// <summary>The per-check cap on look-alikes is filled with contact matches first: a common name cannot crowd them out.</summary>
[Collection(ApiCollection.Name)]
public sealed class LookAlikeCapTests(ApiFixture api)
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);

    [Fact]
    public async Task The_record_with_the_same_phone_is_looked_at_however_many_namesakes_there_are()
    {
        var surname = "Частов" + new string(Enumerable.Range(0, 4).Select(_ => "бвгдклмнпрст"[Random.Shared.Next(12)]).ToArray()) + "ов";
        var phone = $"+7 9{Random.Shared.Next(10, 99)} {Random.Shared.Next(100, 999)}-{Random.Shared.Next(10, 99)}-{Random.Shared.Next(10, 99)}";
        var namesakes = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            namesakes.Add((await _recruiter.CreateCandidateAsync(new { surname, firstName = "Иван", birthDate = "1985-03-02", city = "Москва" })).Id);
        }
        var samePhone = await _recruiter.CreateCandidateAsync(new { surname = "Другов", firstName = "Пётр", phones = new[] { phone } });
        var target = await _recruiter.CreateCandidateAsync(new { surname, firstName = "Иван", birthDate = "1985-03-02", city = "Москва", phones = new[] { phone } });

        // Every one of them has its blocking keys (the shared host's worker has checked them all).
        var created = namesakes.Append(samePhone.Id).Append(target.Id).ToList();
        await using var db = api.NewDbContext();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (await db.MatchKeys.Where(k => created.Contains(k.CandidateId)).Select(k => k.CandidateId).Distinct().CountAsync() < created.Count
               && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
        var keys = await db.MatchKeys.AsNoTracking().Where(k => k.CandidateId == target.Id).Select(k => k.Key).ToListAsync();
        Assert.Contains(keys, BlockingKeys.IsContactKey);
        Assert.Contains(keys, k => !BlockingKeys.IsContactKey(k));

        using var host = new AtsApiFactory(api.ConnectionString, new CapturingLoggerProvider(), api.S3, b => b
            .UseSetting("Deduplication:RunWorker", "false")
            .UseSetting("Deduplication:MaxCandidatesPerCheck", "10"));
        await using var scope = host.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<MatchService>().LookAlikesAsync(target.Id, keys, CancellationToken.None);
        Assert.Equal(10, found.Count);
        Assert.Equal(samePhone.Id, found[0]);
        Assert.DoesNotContain(target.Id, found);
    }
}
