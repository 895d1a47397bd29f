using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Ats.Api.Search;

/// <summary>
/// One cached filter per (field, value) — city, tag, source, status, vacancy, has-résumé. A CachingWrapperFilter keeps
/// the matching documents of each segment as a compact bit set, keyed by the segment's core, so a refresh only computes
/// the new segments, deletions are applied on top, and a merged-away segment's set is collected with it.
/// </summary>
public sealed class SearchFilterCache
{
    // Vacancy ids and tags are open-ended: past this many filters, start again rather than grow without bound.
    private const int MaxFilters = 4096;

    private readonly ConcurrentDictionary<(string Field, string Value), Filter> _filters = new();

    public Filter For(string field, string value)
    {
        if (_filters.TryGetValue((field, value), out var filter))
        {
            return filter;
        }
        if (_filters.Count >= MaxFilters)
        {
            _filters.Clear();
        }
        return _filters.GetOrAdd((field, value), key => new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term(key.Field, key.Value)))));
    }

    /// <summary>A required, non-scoring clause: the filter's documents, score untouched.</summary>
    public Lucene.Net.Search.Query Clause(string field, string value) => new ConstantScoreQuery(For(field, value)) { Boost = 0 };
}
