using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Search;

/// <summary>
/// "Candidate X changed": written in the same transaction as the change itself (see AtsDbContext.SaveChangesAsync),
/// read by every instance's indexer after its own cursor. The transaction id orders the log safely: a reader only
/// takes rows of transactions older than every transaction still running, so a slow transaction that commits
/// later can never land behind a cursor that has moved on.
/// </summary>
public sealed class SearchChange
{
    public long Id { get; private set; }
    public Guid CandidateId { get; private set; }
    /// <summary>pg_current_xact_id() of the writing transaction (xid8), filled by the database.</summary>
    public ulong TransactionId { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    private SearchChange() { }

    public SearchChange(Guid candidateId, DateTimeOffset at)
    {
        CandidateId = candidateId;
        ChangedAt = at;
    }
}

internal sealed class SearchChangeConfiguration : IEntityTypeConfiguration<SearchChange>
{
    public void Configure(EntityTypeBuilder<SearchChange> b)
    {
        b.ToTable("search_changes");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).UseIdentityAlwaysColumn();
        b.Property(c => c.TransactionId).HasColumnType("xid8").HasDefaultValueSql("pg_current_xact_id()").ValueGeneratedOnAdd();
        b.HasIndex(c => new { c.TransactionId, c.Id });
        b.HasIndex(c => c.ChangedAt);
    }
}
