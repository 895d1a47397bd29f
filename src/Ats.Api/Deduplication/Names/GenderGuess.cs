namespace Ats.Api.Deduplication.Names;

/// <summary>
/// The gender a name tells, the evidence that decided it, and whether another part of the name said otherwise
/// (a conflict is worth a recruiter's look: a typo, a swapped field, or two people in one record).
/// </summary>
public sealed record GenderGuess(Gender Gender, GenderEvidence Evidence, bool Conflicting = false)
{
    public static GenderGuess Unknown { get; } = new(Gender.Unknown, GenderEvidence.None);
}
