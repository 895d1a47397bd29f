using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Ats.Api.Search;

/// <summary>
/// Counts every matching document by city, source site and tag from doc values (Lucene.Net.Facet is not
/// available here), and the total number of matches.
/// </summary>
public sealed class FacetCollector : ICollector
{
    private readonly Dictionary<string, int> _cities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tags = new(StringComparer.Ordinal);
    private SortedDocValues? _city;
    private SortedSetDocValues? _source;
    private SortedSetDocValues? _tag;
    private readonly BytesRef _scratch = new();

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        _city = context.AtomicReader.GetSortedDocValues(SearchFields.CityExact);
        _source = context.AtomicReader.GetSortedSetDocValues(SearchFields.Source);
        _tag = context.AtomicReader.GetSortedSetDocValues(SearchFields.Tag);
    }

    public void Collect(int doc)
    {
        Total++;
        if (_city is not null)
        {
            var ord = _city.GetOrd(doc);
            if (ord >= 0)
            {
                _city.LookupOrd(ord, _scratch);
                Increment(_cities, _scratch.Utf8ToString());
            }
        }
        CountSet(_source, doc, _sources);
        CountSet(_tag, doc, _tags);
    }

    private void CountSet(SortedSetDocValues? values, int doc, Dictionary<string, int> into)
    {
        if (values is null)
        {
            return;
        }
        values.SetDocument(doc);
        long ord;
        while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
        {
            values.LookupOrd(ord, _scratch);
            Increment(into, _scratch.Utf8ToString());
        }
    }

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

    /// <summary>The counts of several collectors (one per slice of a <see cref="SlicedIndexSearcher"/>) added up.</summary>
    public static FacetCollector Merge(IReadOnlyList<FacetCollector> parts)
    {
        var merged = new FacetCollector();
        foreach (var part in parts)
        {
            merged.Total += part.Total;
            AddAll(merged._cities, part._cities);
            AddAll(merged._sources, part._sources);
            AddAll(merged._tags, part._tags);
        }
        return merged;
    }

    private static void AddAll(Dictionary<string, int> into, Dictionary<string, int> from)
    {
        foreach (var (key, n) in from)
        {
            into[key] = into.TryGetValue(key, out var m) ? m + n : n;
        }
    }

    public IReadOnlyList<FacetCount> Cities(int top) => Top(_cities, top);
    public IReadOnlyList<FacetCount> Sources(int top) => Top(_sources, top);
    public IReadOnlyList<FacetCount> Tags(int top) => Top(_tags, top);

    private static List<FacetCount> Top(Dictionary<string, int> counts, int top) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(top).Select(c => new FacetCount(c.Key, c.Value)).ToList();
}

public sealed record FacetCount(string Value, int Count);
