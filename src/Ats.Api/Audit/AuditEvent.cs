using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Audit;

/// <summary>
/// One entry of the audit trail: who did what to whom, when and why. Append-only; written in the same transaction as
/// the change it describes, so a merge without its entry (or the other way round) cannot be committed. Details hold
/// ids and decisions, never personal data: the trail must outlive the people it mentions.
/// </summary>
public sealed class AuditEvent
{
    public const int ReasonMax = 2000;

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public Guid? SubjectId { get; private set; }
    public Guid? OtherSubjectId { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>JSON with the ids involved (merge id, moved rows, score).</summary>
    public string? Details { get; private set; }

    private AuditEvent() { }

    public AuditEvent(DateTimeOffset at, string actor, string action, Guid? subject, Guid? other, string? reason, string? details)
    {
        At = at;
        Actor = actor;
        Action = action;
        SubjectId = subject;
        OtherSubjectId = other;
        Reason = reason;
        Details = details;
    }
}

public static class AuditActions
{
    public const string Merge = "candidate.merge";
    public const string AutoMerge = "candidate.auto-merge";
    public const string Unmerge = "candidate.unmerge";
    public const string NotSamePerson = "duplicate.not-same-person";
    public const string ReopenSuggestion = "duplicate.reopened";
    public const string BatchScan = "duplicate.batch-scan";
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_log");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).UseIdentityAlwaysColumn();
        b.Property(e => e.Actor).HasMaxLength(200).IsRequired();
        b.Property(e => e.Action).HasMaxLength(64).IsRequired();
        b.Property(e => e.Reason).HasMaxLength(AuditEvent.ReasonMax);
        b.Property(e => e.Details).HasColumnType("jsonb");
        b.HasIndex(e => new { e.SubjectId, e.At });
        b.HasIndex(e => new { e.OtherSubjectId, e.At });
        b.HasIndex(e => e.At);
    }
}
