using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.Auth;

public sealed record IssuedKey(ApiKey Key, string Secret);

/// <summary>Issues, finds and revokes keys. Used by the HTTP endpoints, the CLI and the first-start bootstrap.</summary>
public sealed class ApiKeyService(AtsDbContext db, TimeProvider clock)
{
    private const string Prefix = "ats_";

    public async Task<IssuedKey> IssueAsync(string userName, Role role, string? createdBy, CancellationToken ct)
    {
        var secret = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey(userName.Trim(), role, Hash(secret), secret[..12], clock.GetUtcNow(), createdBy);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new IssuedKey(key, secret);
    }

    public Task<ApiKey?> FindActiveAsync(string secret, CancellationToken ct)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return Task.FromResult<ApiKey?>(null);
        }
        var hash = Hash(secret);
        return db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, ct);
    }

    /// <summary>
    /// Creates the first admin key when there is no active key at all. An advisory lock makes two instances
    /// starting together issue one key, not two.
    /// </summary>
    public async Task<IssuedKey?> BootstrapAdminAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4242001)", ct);
        if (await db.ApiKeys.AnyAsync(k => k.RevokedAt == null, ct))
        {
            return null;
        }
        var issued = await IssueAsync("admin", Role.Admin, "first start", ct);
        await tx.CommitAsync(ct);
        return issued;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
