using Npgsql;

namespace Ats.Api.Data;

/// <summary>
/// PostgreSQL broke a deadlock or a serialization conflict between two transactions by cancelling one of them: the
/// work was not done and can simply be done again. Whoever can (a merge) runs again; anywhere else the caller gets
/// 409 "try again", not a 500.
/// </summary>
public static class TransientConflict
{
    public static bool Is(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Runs <paramref name="work"/> (one transaction, started inside it) up to <paramref name="tries"/> times
    /// while PostgreSQL cancels it for a deadlock; <paramref name="reset"/> forgets what the failed try loaded.</summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> work, Action reset, int tries = 3)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception e) when (attempt < tries && Is(e))
            {
                reset();
            }
        }
    }
}
