using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Ats.Api.Search;

/// <summary>
/// One cached filter per (field, value) — city, tag, source, status, vacancy, has-résumé. A CachingWrapperFilter keeps
/// the matching documents of each segment, keyed by the segment's core, so a refresh only computes the new segments,
/// deletions are applied on top, and a merged-away segment's set is collected with it. A filter that takes at least
/// one document in <see cref="DenseShare"/> is kept as a plain bit set, which a search reads at random: the query's
/// postings then skip the documents it rejects as they skip deleted ones (<see cref="Apply"/>), so «java kafka» in
/// Kazan steps through Kazan's java-and-kafka candidates, not through everyone's and then checks the city. A sparser
/// filter is kept compressed and leads the search instead (a bit set per vacancy would cost an eighth of a byte per
/// document each).
/// </summary>
public sealed class SearchFilterCache
{
    /// <summary>A filter with at least one document in this many is dense: a random-access bit set.</summary>
    public const int DenseShare = 1000;

    // Vacancy ids and tags are open-ended: past this many filters, or this much memory, start again rather than grow
    // without bound (a dense filter is an eighth of a byte per document: 125 KB per million).
    private const int MaxFilters = 4096;
    private readonly long _maxBytes;

    /// <param name="maxBytes">Memory the cached sets may take before the cache starts again (checked when a filter is added).</param>
    public SearchFilterCache(long maxBytes = 256L << 20)
    {
        _maxBytes = maxBytes;
    }

    private static readonly FilteredQuery.FilterStrategy Strategy = new BitsWhenKept();

    private readonly ConcurrentDictionary<(string Field, string Value), Filter> _filters = new();

    public Filter For(string field, string value)
    {
        if (_filters.TryGetValue((field, value), out var filter))
        {
            return filter;
        }
        if (_filters.Count >= MaxFilters || CachedBytes() > _maxBytes)
        {
            _filters.Clear();
        }
        return _filters.GetOrAdd((field, value), key => new DensityCachingFilter(new QueryWrapperFilter(new TermQuery(new Term(key.Field, key.Value)))));
    }

    /// <summary>Memory the cached sets take now (those of segments still open).</summary>
    public long CachedBytes() => _filters.Values.Sum(f => ((CachingWrapperFilter)f).GetSizeInBytes());

    /// <summary>A required, non-scoring clause: the filter's documents leap-frogged with the rest of the query, the
    /// sparsest leading. For a search without words (everyone in Kazan), where the filters are the selective part.</summary>
    public Lucene.Net.Search.Query Clause(string field, string value) => new ConstantScoreQuery(For(field, value)) { Boost = 0 };

    /// <summary><paramref name="query"/> restricted to the filter's documents, its scores untouched.</summary>
    public Lucene.Net.Search.Query Apply(Lucene.Net.Search.Query query, string field, string value) => new FilteredQuery(query, For(field, value), Strategy);

    /// <summary>Bit sets for dense filters, Lucene's compressed sets for sparse ones.</summary>
    private sealed class DensityCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return (long)bits.Cardinality * DenseShare >= reader.MaxDoc ? bits : base.CacheImpl(bits.GetIterator(), reader);
        }
    }

    /// <summary>Random access whenever the cached set is a bit set (Lucene's default also asks that its first
    /// document be among the first hundred, a guess at density made here by the cache itself).</summary>
    private sealed class BitsWhenKept : FilteredQuery.RandomAccessFilterStrategy
    {
        protected override bool UseRandomAccess(IBits bits, int firstFilterDoc) => true;
    }
}
