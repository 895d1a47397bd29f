using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Ats.Api.Search;

/// <summary>
/// A searcher that searches groups of segments ("slices") of about equal size on several threads at once and merges
/// their hits — Lucene's own intra-query concurrency (the executor constructor), with slices balanced by document
/// count instead of one per segment. The rebuild merges the index into as many equal segments as searches may use
/// threads (<see cref="BalancedMergePolicy"/>), so that a query on a 2-core machine is two half-size searches.
/// A busy machine degrades to one thread doing every slice: <see cref="SearchEach{T}"/> runs on the caller's thread
/// and the thread pool only helps when it has a thread free.
/// </summary>
public sealed class SlicedIndexSearcher(IndexReader reader, int parallelism) : IndexSearcher(reader.Context, TaskScheduler.Default)
{
    /// <summary>Below this many documents a search is quicker than handing half of it to another thread.</summary>
    public const int MinDocumentsToSlice = 50_000;

    // Field initialisers run before the base constructor, which asks GetSlices for the slices.
    private readonly int _parallelism = parallelism;
    private AtomicReaderContext[][] _slices = [];

    /// <summary>How many threads one search may use here (1: the plain, single-threaded searcher's work).</summary>
    public int SliceCount => _slices.Length;

    /// <summary>The searcher for <paramref name="reader"/>: sliced when it is big enough and has segments to share out.</summary>
    public static IndexSearcher For(IndexReader reader, int parallelism, int minDocumentsToSlice = MinDocumentsToSlice)
    {
        if (parallelism <= 1 || reader.Leaves.Count <= 1 || reader.MaxDoc < minDocumentsToSlice)
        {
            return new IndexSearcher(reader);
        }
        var searcher = new SlicedIndexSearcher(reader, parallelism);
        return searcher.SliceCount > 1 ? searcher : new IndexSearcher(reader);
    }

    /// <summary>
    /// Searches every slice with its own collector (made by <paramref name="collectorFor"/> from the slice's number) and
    /// returns them in slice order. Slices are taken in turn by the calling thread and, when free, pool threads.
    /// </summary>
    public void SearchEach(Weight weight, Func<int, ICollector> collectorFor)
    {
        var collectors = new ICollector[_slices.Length];
        for (var i = 0; i < collectors.Length; i++)
        {
            collectors[i] = collectorFor(i);
        }
        try
        {
            Parallel.For(0, _slices.Length, new ParallelOptions { MaxDegreeOfParallelism = _slices.Length },
                i => Search(_slices[i], weight, collectors[i]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>Lucene's top-hits search, sliced like <see cref="SearchEach"/> (the executor path would hand every slice to the pool and wait).</summary>
    protected override TopDocs Search(Weight weight, ScoreDoc? after, int nDocs)
    {
        var limit = Math.Max(1, Math.Min(nDocs, IndexReader.MaxDoc));
        var collectors = new TopScoreDocCollector[_slices.Length];
        SearchEach(weight, i => collectors[i] = TopScoreDocCollector.Create(limit, after, !weight.ScoresDocsOutOfOrder));
        // Merged as one thread ranks: by score, ties by document number (TopDocs.Merge would break them by slice).
        var tops = collectors.Select(c => c.GetTopDocs()).ToList();
        var hits = tops.SelectMany(t => t.ScoreDocs).OrderByDescending(d => d.Score).ThenBy(d => d.Doc).Take(limit).ToArray();
        return new TopDocs(tops.Sum(t => t.TotalHits), hits, hits.Length == 0 ? float.NaN : hits[0].Score);
    }

    // Longest-processing-time-first: the largest segment goes to the slice with the fewest documents so far.
    protected override LeafSlice[] GetSlices(IList<AtomicReaderContext> leaves)
    {
        _slices = Balanced(leaves, _parallelism);
        return _slices.Select(s => new LeafSlice(s)).ToArray();
    }

    private static AtomicReaderContext[][] Balanced(IList<AtomicReaderContext> leaves, int parallelism)
    {
        var count = Math.Max(1, Math.Min(parallelism, leaves.Count));
        var slices = Enumerable.Range(0, count).Select(_ => new List<AtomicReaderContext>()).ToArray();
        var sizes = new long[count];
        foreach (var leaf in leaves.OrderByDescending(l => l.AtomicReader.MaxDoc))
        {
            var lightest = Array.IndexOf(sizes, sizes.Min());
            slices[lightest].Add(leaf);
            sizes[lightest] += leaf.AtomicReader.MaxDoc;
        }
        return slices.Where(s => s.Count > 0).Select(s => s.OrderBy(l => l.Ord).ToArray()).ToArray();
    }
}

/// <summary>Makes the searchers of a <see cref="SearcherManager"/>: sliced, as <see cref="SlicedIndexSearcher.For"/> decides.</summary>
public sealed class SlicedSearcherFactory(int parallelism, int minDocumentsToSlice) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader) => SlicedIndexSearcher.For(reader, parallelism, minDocumentsToSlice);
}
