using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Deduplication;

/// <summary>
/// One blocking key of one candidate (<see cref="Matching.BlockingKeys"/>): the table that turns "who in a million
/// might be this person?" into a few index look-ups. Recomputed by <see cref="MatchService"/> whenever the candidate's
/// name, contacts, sources or files change; a merged or deleted candidate has none.
/// </summary>
public sealed class MatchKey
{
    public const int KeyMax = 400;

    public string Key { get; private set; } = "";
    public Guid CandidateId { get; private set; }

    private MatchKey() { }

    public MatchKey(string key, Guid candidateId)
    {
        Key = key;
        CandidateId = candidateId;
    }
}

/// <summary>
/// "Look at this candidate again": written in the same transaction as a change to a candidate's name, contacts,
/// sources or files (AtsDbContext.SaveChangesAsync), taken by one <see cref="DuplicateWorker"/> across all instances.
/// </summary>
public sealed class MatchQueueItem
{
    public long Id { get; private set; }
    public Guid CandidateId { get; private set; }
    public DateTimeOffset EnqueuedAt { get; private set; }

    /// <summary>How many checks of this candidate failed before (0 for a fresh change).</summary>
    public int Attempts { get; private set; }

    /// <summary>A failed check is tried again from this time on (null: now).</summary>
    public DateTimeOffset? NotBefore { get; private set; }

    /// <summary>The last failure's error type (no message: messages may quote data).</summary>
    public string? LastError { get; private set; }

    private MatchQueueItem() { }

    public MatchQueueItem(Guid candidateId, DateTimeOffset at)
    {
        CandidateId = candidateId;
        EnqueuedAt = at;
    }
}

internal sealed class MatchKeyConfiguration : IEntityTypeConfiguration<MatchKey>
{
    public void Configure(EntityTypeBuilder<MatchKey> b)
    {
        b.ToTable("match_keys");
        b.HasKey(k => new { k.Key, k.CandidateId });
        b.Property(k => k.Key).HasMaxLength(MatchKey.KeyMax);
        b.HasIndex(k => k.CandidateId);
        // No foreign key: this is a derived index of the candidates table, written by the million in a batch scan,
        // where a foreign-key check per row cost more than the rest of the write. Keys of a deleted candidate are
        // removed by the worker (a delete queues the candidate) and never returned by a look-up, which joins live
        // candidates; the retention purge deletes them with the person.
    }
}

internal sealed class MatchQueueItemConfiguration : IEntityTypeConfiguration<MatchQueueItem>
{
    public void Configure(EntityTypeBuilder<MatchQueueItem> b)
    {
        b.ToTable("match_queue");
        b.HasKey(q => q.Id);
        b.Property(q => q.LastError).HasMaxLength(200);
        b.Property(q => q.Id).UseIdentityAlwaysColumn();
        b.HasIndex(q => q.CandidateId);
    }
}
