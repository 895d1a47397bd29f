namespace Ats.Api.Search;

/// <summary>A row whose changes change what search knows about a candidate.</summary>
public interface ICandidateOwned
{
    Guid CandidateId { get; }
}
