using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Auth;

/// <summary>
/// A key belongs to one named user and carries one role. Only the SHA-256 of the key is stored: keys are
/// 256-bit random secrets, so a fast hash is enough (no password stretching needed) and lookups stay O(1).
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; private set; }
    public string UserName { get; private set; } = "";
    public Role Role { get; private set; }
    public byte[] KeyHash { get; private set; } = [];
    /// <summary>The first characters of the key, shown in listings so a person can tell keys apart.</summary>
    public string KeyPrefix { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    public bool IsActive => RevokedAt is null;

    private ApiKey() { }

    public ApiKey(string userName, Role role, byte[] keyHash, string keyPrefix, DateTimeOffset now, string? createdBy)
    {
        Id = Guid.CreateVersion7();
        UserName = userName;
        Role = role;
        KeyHash = keyHash;
        KeyPrefix = keyPrefix;
        CreatedAt = now;
        CreatedBy = createdBy;
    }

    public void Revoke(DateTimeOffset now, string? by)
    {
        RevokedAt ??= now;
        RevokedBy ??= by;
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("api_keys");
        b.HasKey(k => k.Id);
        b.Property(k => k.UserName).HasMaxLength(200).IsRequired();
        b.Property(k => k.Role).HasConversion(Data.EnumText.Converter<Role>()).HasMaxLength(32);
        b.Property(k => k.KeyHash).IsRequired();
        b.HasIndex(k => k.KeyHash).IsUnique();
        b.Property(k => k.KeyPrefix).HasMaxLength(16).IsRequired();
        b.Property(k => k.CreatedBy).HasMaxLength(200);
        b.Property(k => k.RevokedBy).HasMaxLength(200);
        b.Ignore(k => k.IsActive);
    }
}
