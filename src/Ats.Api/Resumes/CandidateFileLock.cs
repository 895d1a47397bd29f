using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.Resumes;

/// <summary>
/// A PostgreSQL advisory lock per candidate around "check rows → write or delete objects → write rows", so a delete
/// and an upload of the same bytes for one candidate cannot interleave (the delete would remove the object the
/// upload's new row points to). Held on the context's connection, which stays open until the lock is released.
/// </summary>
public sealed class CandidateFileLock : IAsyncDisposable
{
    private readonly AtsDbContext _db;
    private readonly long _key;

    private CandidateFileLock(AtsDbContext db, long key)
    {
        _db = db;
        _key = key;
    }

    public static async Task<CandidateFileLock> AcquireAsync(AtsDbContext db, Guid candidateId, CancellationToken ct)
    {
        var key = KeyFor(candidateId);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [key], ct);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
        return new CandidateFileLock(db, key);
    }

    /// <summary>The advisory lock key of a candidate; a transaction-scoped lock on it (merges) excludes this one too.</summary>
    public static long KeyFor(Guid candidateId) => BitConverter.ToInt64(candidateId.ToByteArray(), 8);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [_key]);
        }
        finally
        {
            // Closing returns the connection to the pool, where a session lock would also be released on reset.
            await _db.Database.CloseConnectionAsync();
        }
    }
}
