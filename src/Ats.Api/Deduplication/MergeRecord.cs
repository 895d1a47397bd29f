using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Deduplication;

/// <summary>
/// One merge: which candidate was kept, which one was folded into it, the profiles of both before (and of the kept
/// one right after), which profile value came from which candidate, and the ids of every row that moved. That is
/// everything an unmerge needs to put both people back, and everything the kept profile needs to show where each
/// value came from. The merged candidate's row stays (hidden, <c>merged_into_id</c> set) until the merge is undone
/// or retention removes it.
/// </summary>
public sealed class MergeRecord
{
    public Guid Id { get; private set; }
    public Guid KeptId { get; private set; }
    public Guid MergedId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";
    public string? Reason { get; private set; }
    public bool Automatic { get; private set; }
    public double? Score { get; private set; }
    public List<string> MatchReasons { get; private set; } = [];

    /// <summary><see cref="DuplicateSuggestion.Evidence"/> of the match the merge was made on.</summary>
    public List<string> MatchEvidence { get; private set; } = [];

    /// <summary>JSON of <see cref="ProfileSnapshot"/>s.</summary>
    public string KeptBefore { get; private set; } = "";
    public string MergedBefore { get; private set; } = "";
    public string KeptAfter { get; private set; } = "";

    /// <summary>JSON: profile field → id of the candidate whose value the kept profile holds after the merge.</summary>
    public string FieldSources { get; private set; } = "";

    public List<Guid> MovedContacts { get; private set; } = [];
    public List<Guid> MovedSources { get; private set; } = [];
    public List<Guid> MovedNotes { get; private set; } = [];
    public List<Guid> MovedFiles { get; private set; } = [];
    public List<Guid> MovedApplications { get; private set; } = [];
    public List<Guid> MovedContactSuggestions { get; private set; } = [];

    public DateTimeOffset? UndoneAt { get; private set; }
    public string? UndoneBy { get; private set; }
    public string? UndoReason { get; private set; }
    public uint Version { get; private set; }

    private MergeRecord() { }

    public MergeRecord(Guid keptId, Guid mergedId, DateTimeOffset at, string by, string? reason, bool automatic, double? score,
        IReadOnlyList<string> matchReasons, IReadOnlyList<string> matchEvidence, string keptBefore, string mergedBefore, string keptAfter, string fieldSources, MovedRows moved)
    {
        Id = Guid.CreateVersion7(at);
        KeptId = keptId;
        MergedId = mergedId;
        At = at;
        By = by;
        Reason = reason;
        Automatic = automatic;
        Score = score;
        MatchReasons = [.. matchReasons];
        MatchEvidence = [.. matchEvidence];
        KeptBefore = keptBefore;
        MergedBefore = mergedBefore;
        KeptAfter = keptAfter;
        FieldSources = fieldSources;
        MovedContacts = [.. moved.Contacts];
        MovedSources = [.. moved.Sources];
        MovedNotes = [.. moved.Notes];
        MovedFiles = [.. moved.Files];
        MovedApplications = [.. moved.Applications];
        MovedContactSuggestions = [.. moved.ContactSuggestions];
    }

    public bool IsUndone => UndoneAt is not null;

    public void MarkUndone(string by, string? reason, DateTimeOffset now)
    {
        UndoneAt = now;
        UndoneBy = by;
        UndoReason = reason;
    }
}

/// <summary>Ids of the rows a merge moved from the merged candidate to the kept one.</summary>
public sealed record MovedRows(
    IReadOnlyList<Guid> Contacts,
    IReadOnlyList<Guid> Sources,
    IReadOnlyList<Guid> Notes,
    IReadOnlyList<Guid> Files,
    IReadOnlyList<Guid> Applications,
    IReadOnlyList<Guid> ContactSuggestions);

internal sealed class MergeRecordConfiguration : IEntityTypeConfiguration<MergeRecord>
{
    public void Configure(EntityTypeBuilder<MergeRecord> b)
    {
        b.ToTable("merges");
        b.HasKey(m => m.Id);
        b.Property(m => m.By).HasMaxLength(200).IsRequired();
        b.Property(m => m.Reason).HasMaxLength(Audit.AuditEvent.ReasonMax);
        b.Property(m => m.UndoneBy).HasMaxLength(200);
        b.Property(m => m.UndoReason).HasMaxLength(Audit.AuditEvent.ReasonMax);
        b.Property(m => m.MatchReasons).HasColumnType("text[]");
        b.Property(m => m.MatchEvidence).HasColumnType("text[]");
        b.Property(m => m.KeptBefore).HasColumnType("jsonb");
        b.Property(m => m.MergedBefore).HasColumnType("jsonb");
        b.Property(m => m.KeptAfter).HasColumnType("jsonb");
        b.Property(m => m.FieldSources).HasColumnType("jsonb");
        b.Property(m => m.Version).IsRowVersion();
        b.HasIndex(m => new { m.KeptId, m.At });
        b.HasIndex(m => new { m.MergedId, m.At });
    }
}
