using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ats.Api.Tests.Data;

/// <summary>A deadlock or serialization failure PostgreSQL cancelled is recognised however wrapped, and retried a few times.</summary>
public sealed class TransientConflictTests
{
    private static PostgresException Postgres(string sqlState) => new("cancelled", "ERROR", "ERROR", sqlState);

    [Fact]
    public void Deadlocks_and_serialization_failures_are_transient_however_wrapped_other_errors_are_not()
    {
        Assert.True(TransientConflict.Is(Postgres(PostgresErrorCodes.DeadlockDetected)));
        Assert.True(TransientConflict.Is(Postgres(PostgresErrorCodes.SerializationFailure)));
        Assert.True(TransientConflict.Is(new DbUpdateException("save failed", Postgres(PostgresErrorCodes.DeadlockDetected))));
        Assert.True(TransientConflict.Is(new InvalidOperationException("outer", new DbUpdateException("save", Postgres(PostgresErrorCodes.DeadlockDetected)))));
        Assert.False(TransientConflict.Is(Postgres(PostgresErrorCodes.UniqueViolation)));
        Assert.False(TransientConflict.Is(new DbUpdateException("save failed", Postgres(PostgresErrorCodes.ForeignKeyViolation))));
        Assert.False(TransientConflict.Is(new TimeoutException()));
        Assert.False(TransientConflict.Is(null));
    }

    [Fact]
    public async Task Work_cancelled_for_a_deadlock_runs_again_up_to_three_times_other_failures_at_once()
    {
        var (runs, resets) = (0, 0);
        Assert.Equal(42, await TransientConflict.RetryAsync(() => ++runs < 3 ? throw Postgres(PostgresErrorCodes.DeadlockDetected) : Task.FromResult(42), () => resets++));
        Assert.Equal((3, 2), (runs, resets));

        runs = 0;
        await Assert.ThrowsAsync<PostgresException>(() => TransientConflict.RetryAsync<int>(() => { runs++; throw Postgres(PostgresErrorCodes.DeadlockDetected); }, () => { }));
        Assert.Equal(3, runs);

        runs = 0;
        await Assert.ThrowsAsync<TimeoutException>(() => TransientConflict.RetryAsync<int>(() => { runs++; throw new TimeoutException(); }, () => { }));
        Assert.Equal(1, runs);
    }
}
