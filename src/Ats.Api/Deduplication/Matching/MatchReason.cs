namespace Ats.Api.Deduplication.Matching;

/// <summary>
/// One piece of evidence: its kind, its weight in the score (log-odds points; negative against the match) and the
/// sentence a recruiter reads («same phone +79991234567»). <see cref="BlocksAutoMerge"/> marks evidence that leaves
/// the pair to a person however high the rest of the score is: a contradiction (different first names, genders,
/// birth years far apart) or a difference that has an innocent explanation a machine cannot check (a changed surname).
/// </summary>
public sealed record MatchReason(MatchReasonKind Kind, double Weight, string Text, bool BlocksAutoMerge = false)
{
    public override string ToString() => Text;
}
