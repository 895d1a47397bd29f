namespace Ats.Api.Search;

public sealed record SearchHit(Guid Id, string DisplayName, string? City, string? DesiredPosition, Candidates.CandidateStatus Status,
    IReadOnlyList<string> Tags, DateTimeOffset UpdatedAt, float Score, IReadOnlyList<string> MatchedFields, IReadOnlyList<string> Snippets);

public sealed record SearchFacets(IReadOnlyList<FacetCount> City, IReadOnlyList<FacetCount> Source, IReadOnlyList<FacetCount> Tag);

public sealed record SearchResponse(int Total, IReadOnlyList<SearchHit> Items, SearchFacets Facets, string? NextCursor);

public sealed record IndexStatusResponse(int Documents, long Lag, ulong CursorTransaction, long CursorId, int CandidatesInDatabase,
    int MissingFromIndex, int NotInDatabase, IReadOnlyList<Guid> MissingSample, IReadOnlyList<Guid> ExtraSample)
{
    /// <summary>Document layout of the index in use; an older one is rebuilt in the background (<see cref="SearchIndex.Schema"/>).</summary>
    public string Schema { get; init; } = SearchIndex.Schema;

    /// <summary>A rebuild is running; searches use the previous index meanwhile.</summary>
    public bool Rebuilding { get; init; }

    /// <summary>Segments of the index in use (a rebuild leaves Search:SearchThreads equal ones; changes add small ones).</summary>
    public int Segments { get; init; }

    /// <summary>Threads one search uses now: equal ranges of documents searched at once (1 below Search:MinDocumentsToSlice).</summary>
    public int SearchThreads { get; init; }

    /// <summary>Why the last background rebuild failed (null once one succeeds); an index of an older layout is
    /// retried every Search:RebuildRetryInterval.</summary>
    public string? LastRebuildError { get; init; }

    public DateTimeOffset? LastRebuildFailedAt { get; init; }
}
