namespace Ats.Api.Candidates;

/// <summary>A write reached a candidate that was merged into another while the request ran: answered 409 with the
/// kept candidate's id, so the client can repeat the write there.</summary>
public sealed class CandidateMergedException(Guid mergedInto) : Exception($"The candidate was merged into {mergedInto}.")
{
    public Guid MergedInto { get; } = mergedInto;
}
