using System.Text.Json;

namespace Ats.Api.Deduplication;

public sealed record CandidateBrief(Guid Id, string DisplayName, string? City, string? BirthDate);

public sealed record SuggestionResponse(Guid Id, CandidateBrief First, CandidateBrief Second, double Score, string Decision,
    IReadOnlyList<string> Reasons, string State, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DecidedAt,
    string? DecidedBy, string? DecisionReason);

public sealed record SuggestionCluster(IReadOnlyList<CandidateBrief> Candidates, IReadOnlyList<Guid> Suggestions, double MaxScore);

/// <summary>Merge a suggested pair: <c>keepId</c> (default: the older record), the profile fields to take from the
/// other one (<c>take</c>, default none: empty fields are filled anyway), and why.</summary>
public sealed record MergeSuggestionRequest(Guid? KeepId, List<string>? Take, string? Reason);

/// <summary>Merge <c>otherId</c> into the candidate in the path.</summary>
public sealed record MergeCandidateRequest(Guid OtherId, List<string>? Take, string? Reason);

public sealed record DecisionRequest(string? Reason);

public sealed record MovedRowsResponse(IReadOnlyList<Guid> Contacts, IReadOnlyList<Guid> Sources, IReadOnlyList<Guid> Notes,
    IReadOnlyList<Guid> Files, IReadOnlyList<Guid> Applications, IReadOnlyList<Guid> ContactSuggestions);

/// <summary>
/// A merge as a person reads it: who, when, why, which profile value came from which record (<c>fieldSources</c>),
/// which rows moved, and — for the answer of a merge or an unmerge — what was left where.
/// </summary>
public sealed record MergeResponse(Guid Id, Guid KeptId, Guid MergedId, DateTimeOffset At, string By, string? Reason, bool Automatic,
    double? Score, IReadOnlyList<string> MatchReasons, IReadOnlyDictionary<string, Guid> FieldSources, MovedRowsResponse Moved,
    bool Undone, DateTimeOffset? UndoneAt, string? UndoneBy, string? UndoReason, DateTimeOffset UndoableUntil,
    IReadOnlyList<string>? NotMoved = null, IReadOnlyList<string>? LeftAsEdited = null, IReadOnlyList<string>? StayedWithKept = null)
{
    public static MergeResponse From(MergeRecord m, TimeSpan window, MergeResult? result = null) => new(
        m.Id, m.KeptId, m.MergedId, m.At, m.By, m.Reason, m.Automatic, m.Score, m.MatchReasons,
        JsonSerializer.Deserialize<Dictionary<string, Guid>>(m.FieldSources) ?? [],
        new MovedRowsResponse(m.MovedContacts, m.MovedSources, m.MovedNotes, m.MovedFiles, m.MovedApplications, m.MovedContactSuggestions),
        m.IsUndone, m.UndoneAt, m.UndoneBy, m.UndoReason, m.At + window, result?.NotMoved, result?.LeftAsEdited, result?.StayedWithKept);
}

public sealed record DeduplicationStatus(long Queued, long PendingSuggestions, long Keys, long ActiveMerges, BatchScanReport LastScan)
{
    /// <summary>Candidates whose check failed and waits to be tried again (part of <see cref="Queued"/>).</summary>
    public long Retrying { get; init; }

    /// <summary>The error type of the most recent failed check still waiting, if any.</summary>
    public string? LastCheckError { get; init; }
}

public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, Guid? SubjectId, Guid? OtherSubjectId, string? Reason,
    JsonElement? Details);

/// <summary>Where a value of the profile came from: the candidate record (this one, or one merged into it) and the
/// merge that brought it; <c>editedSince</c> when a person changed it after that merge.</summary>
public sealed record FieldOrigin(Guid CandidateId, Guid? MergeId, bool EditedSince);

/// <summary>A contact, site record, note, file, application or contact suggestion that came with a merge.</summary>
public sealed record RowOrigin(string Kind, Guid Id, Guid FromCandidateId, Guid MergeId);

public sealed record ProvenanceResponse(Guid CandidateId, IReadOnlyDictionary<string, FieldOrigin> Fields, IReadOnlyList<RowOrigin> Rows);
