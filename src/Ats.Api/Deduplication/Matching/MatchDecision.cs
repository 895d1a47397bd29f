namespace Ats.Api.Deduplication.Matching;

/// <summary>What to do with a pair of records, as <see cref="DuplicateScorer"/> decides it.</summary>
public enum MatchDecision
{
    /// <summary>Not the same person as far as the evidence tells; nothing is shown to a recruiter.</summary>
    Different,

    /// <summary>Possibly one person: a recruiter confirms or rejects with the reasons in front of them.</summary>
    Suggest,

    /// <summary>Certain or strong evidence and no contradiction: merged without asking (and reversible).</summary>
    AutoMerge,
}
