using Ats.Api.Data;
using Ats.Api.Deduplication.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Deduplication;

public enum SuggestionState
{
    /// <summary>Waiting for a recruiter.</summary>
    Pending,

    /// <summary>The two were merged (by a person or automatically).</summary>
    Merged,

    /// <summary>A person said they are two people; not suggested again unless new evidence appears.</summary>
    NotSamePerson,
}

/// <summary>
/// A pair of candidates that may be one person, with the score and reasons of the last comparison. One row per pair
/// (the smaller id first), so the decision about a pair — "not the same person" above all — is remembered.
/// </summary>
public sealed class DuplicateSuggestion
{
    public Guid Id { get; private set; }
    public Guid FirstId { get; private set; }
    public Guid SecondId { get; private set; }
    public double Score { get; private set; }
    public MatchDecision Decision { get; private set; }
    public List<string> Reasons { get; private set; } = [];

    /// <summary>The evidence seen when a person decided (kind + text of each positive reason): what "new evidence"
    /// is measured against.</summary>
    public List<string> DecidedEvidence { get; private set; } = [];

    public SuggestionState State { get; private set; }

    /// <summary>A person once said "not the same person" (or undid their merge): the pair may come back as a
    /// suggestion on new evidence, but is never merged automatically again.</summary>
    public bool RejectedByPerson { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecisionReason { get; private set; }
    public uint Version { get; private set; }

    private DuplicateSuggestion() { }

    public DuplicateSuggestion(Guid a, Guid b, MatchResult result, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        (FirstId, SecondId) = Order(a, b);
        CreatedAt = now;
        State = SuggestionState.Pending;
        Update(result, now);
    }

    public static (Guid First, Guid Second) Order(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);

    public Guid Other(Guid id) => id == FirstId ? SecondId : FirstId;

    public void Update(MatchResult result, DateTimeOffset now)
    {
        Score = Math.Round(result.Score, 2);
        Decision = result.Decision;
        Reasons = result.Reasons.Select(r => r.Text).ToList();
        UpdatedAt = now;
    }

    /// <summary>Positive evidence as comparable strings: kind and the sentence (which names the shared value).</summary>
    public static List<string> Evidence(MatchResult result) =>
        result.Reasons.Where(r => r.Weight > 0).Select(r => $"{r.Kind}:{r.Text}").Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether a "not the same person" pair now shows strong evidence it did not show when a person decided
    /// (a shared contact, site record or file that is new, or a score that crossed auto-merge).</summary>
    public bool HasNewStrongEvidence(MatchResult result)
    {
        var before = DecidedEvidence.ToHashSet(StringComparer.Ordinal);
        return result.Reasons.Any(r => r.Weight > 0 && IsStrong(r.Kind) && !before.Contains($"{r.Kind}:{r.Text}"));
    }

    private static bool IsStrong(MatchReasonKind kind) => kind is MatchReasonKind.ExternalId or MatchReasonKind.FileHash
        or MatchReasonKind.ProfileLink or MatchReasonKind.Email or MatchReasonKind.Phone or MatchReasonKind.ResumeText;

    public void MarkNotSame(IReadOnlyList<string> evidence, string by, string? reason, DateTimeOffset now)
    {
        State = SuggestionState.NotSamePerson;
        RejectedByPerson = true;
        DecidedEvidence = [.. evidence];
        DecidedAt = now;
        DecidedBy = by;
        DecisionReason = reason;
        UpdatedAt = now;
    }

    public void MarkMerged(string by, string? reason, DateTimeOffset now)
    {
        State = SuggestionState.Merged;
        DecidedAt = now;
        DecidedBy = by;
        DecisionReason = reason;
        UpdatedAt = now;
    }

    /// <summary>Back to the review list: after new evidence on a "not the same" pair, or after an unmerge.</summary>
    public void Reopen(DateTimeOffset now)
    {
        State = SuggestionState.Pending;
        DecidedAt = null;
        DecidedBy = null;
        DecisionReason = null;
        UpdatedAt = now;
    }
}

internal sealed class DuplicateSuggestionConfiguration : IEntityTypeConfiguration<DuplicateSuggestion>
{
    public void Configure(EntityTypeBuilder<DuplicateSuggestion> b)
    {
        b.ToTable("duplicate_suggestions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Decision).HasConversion(EnumText.Converter<MatchDecision>()).HasMaxLength(16);
        b.Property(s => s.State).HasConversion(EnumText.Converter<SuggestionState>()).HasMaxLength(16);
        b.Property(s => s.Reasons).HasColumnType("text[]");
        b.Property(s => s.DecidedEvidence).HasColumnType("text[]");
        b.Property(s => s.DecidedBy).HasMaxLength(200);
        b.Property(s => s.DecisionReason).HasMaxLength(Audit.AuditEvent.ReasonMax);
        b.Property(s => s.Version).IsRowVersion();
        b.HasIndex(s => new { s.FirstId, s.SecondId }).IsUnique();
        b.HasIndex(s => s.SecondId);
        b.HasIndex(s => new { s.State, s.Score });
        b.HasOne<Candidates.Candidate>().WithMany().HasForeignKey(s => s.FirstId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Candidates.Candidate>().WithMany().HasForeignKey(s => s.SecondId).OnDelete(DeleteBehavior.Cascade);
    }
}
