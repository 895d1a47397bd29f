namespace Ats.Api.Deduplication.Matching;

/// <summary>
/// The scorer's answer for one pair: the score (sum of the reasons' weights, in log-odds points — see
/// <see cref="DuplicateScorer"/>), the decision against <see cref="MatchThresholds"/>, and the reasons, strongest first.
/// </summary>
public sealed record MatchResult(double Score, MatchDecision Decision, IReadOnlyList<MatchReason> Reasons)
{
    /// <summary>The reasons as one line, the way a suggestion list shows them.</summary>
    public string Explanation => string.Join("; ", Reasons.Select(r => r.Text));

    public bool Has(MatchReasonKind kind) => Reasons.Any(r => r.Kind == kind);

    public override string ToString() => $"{Decision} {Score:0.#}: {Explanation}";
}
