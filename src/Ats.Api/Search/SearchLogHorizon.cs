using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Search;

/// <summary>
/// How far the change log has been pruned: every change of a transaction up to <see cref="PrunedThroughTransaction"/>
/// is gone. An index whose cursor is older than that has missed changes and must be rebuilt.
/// </summary>
public sealed class SearchLogHorizon
{
    public int Id { get; private set; } = 1;
    public ulong PrunedThroughTransaction { get; private set; }
    public DateTimeOffset PrunedAt { get; private set; }

    private SearchLogHorizon() { }
}

internal sealed class SearchLogHorizonConfiguration : IEntityTypeConfiguration<SearchLogHorizon>
{
    public void Configure(EntityTypeBuilder<SearchLogHorizon> b)
    {
        b.ToTable("search_log_horizon");
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.PrunedThroughTransaction).HasColumnType("xid8");
    }
}
