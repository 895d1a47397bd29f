using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Ats.Api.Search;

/// <summary>
/// A searcher that cuts the index into as many equal ranges of documents as a search may use threads and searches
/// them at once, each with its own collector, then merges their hits — Lucene's intra-query concurrency, with slices
/// of equal document counts whatever the segments (a range may split a segment: its scorer starts with Advance).
/// The rebuild also merges into that many equal segments (<see cref="BalancedMergePolicy"/>), so that each range is
/// one whole segment until changes add small ones. A busy machine degrades to one thread doing every range:
/// <see cref="SearchEach"/> runs on the caller's thread and the thread pool only helps when it has a thread free.
/// </summary>
// No task scheduler for the base: the Lucene methods not overridden here (sorted searches, SearchAfter) run on one
// thread, correctly; Lucene's own threaded sorted search assumes one segment per slice.
public sealed class SlicedIndexSearcher(IndexReader reader, int parallelism) : IndexSearcher(reader.Context)
{
    /// <summary>Below this many documents a search is quicker than handing half of it to another thread.</summary>
    public const int MinDocumentsToSlice = 50_000;

    private readonly Piece[][] _parts = Ranges(reader.Leaves, parallelism);

    /// <summary>A range of one segment's documents [From, To).</summary>
    private readonly record struct Piece(AtomicReaderContext Leaf, int From, int To);

    /// <summary>How many threads one search may use here (1: the plain, single-threaded searcher's work).</summary>
    public int SliceCount => _parts.Length;

    /// <summary>The searcher for <paramref name="reader"/>: sliced when it is big enough to be worth another thread.</summary>
    public static IndexSearcher For(IndexReader reader, int parallelism, int minDocumentsToSlice = MinDocumentsToSlice)
    {
        if (parallelism <= 1 || reader.MaxDoc < Math.Max(minDocumentsToSlice, parallelism))
        {
            return new IndexSearcher(reader);
        }
        var searcher = new SlicedIndexSearcher(reader, parallelism);
        return searcher.SliceCount > 1 ? searcher : new IndexSearcher(reader);
    }

    /// <summary>
    /// Searches every slice with its own collector (made by <paramref name="collectorFor"/> from the slice's number and
    /// the query's weight). The helper threads are called before the weight is made (parsing the query's terms in
    /// every segment takes a few tenths of a millisecond), so that they are awake when the slices are ready: on this
    /// virtual machine a sleeping thread took about as long to wake as a median search takes, and a search of two
    /// slices then ran both on the calling thread. Helpers that are not needed give up after a millisecond.
    /// </summary>
    public void SearchEach(Query query, Func<int, Weight, ICollector> collectorFor)
    {
        var run = new SliceRun(this);
        Weight weight;
        var collectors = new ICollector[_parts.Length];
        try
        {
            weight = CreateNormalizedWeight(query);
            for (var i = 0; i < collectors.Length; i++)
            {
                collectors[i] = collectorFor(i, weight);
            }
        }
        catch
        {
            run.Cancel();
            throw;
        }
        run.Execute(weight, collectors);
    }

    /// <summary>Lucene's top-hits search (<c>Search(query, n)</c>), sliced as <see cref="SearchEach"/>.</summary>
    public override TopDocs Search(Query query, Filter? filter, int n)
    {
        var limit = Math.Max(1, Math.Min(n, IndexReader.MaxDoc));
        var collectors = new TopScoreDocCollector[_parts.Length];
        SearchEach(WrapFilter(query, filter), (i, weight) => collectors[i] = TopScoreDocCollector.Create(limit, null, docsScoredInOrder: true));
        // Merged as one thread ranks: by score, ties by document number (TopDocs.Merge would break them by slice).
        var tops = collectors.Select(c => c.GetTopDocs()).ToList();
        var hits = tops.SelectMany(t => t.ScoreDocs).OrderByDescending(d => d.Score).ThenBy(d => d.Doc).Take(limit).ToArray();
        return new TopDocs(tops.Sum(t => t.TotalHits), hits, hits.Length == 0 ? float.NaN : hits[0].Score);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CollectionStatistics> _statistics = new(StringComparer.Ordinal);

    /// <summary>
    /// A field's statistics, once per searcher: Lucene computes them for every term of every query, and over several
    /// segments that builds a merged view of all fields each time (3 % of a query's time in a profile). The reader of
    /// a searcher never changes, so neither do they.
    /// </summary>
    public override CollectionStatistics CollectionStatistics(string field) => _statistics.GetOrAdd(field, base.CollectionStatistics);

    // In document order, from the first document of the range: a scorer can start anywhere (Advance) but Lucene's
    // bulk scorers cannot, so ranges use the in-order scorer whatever the collector would accept.
    private void SearchSlice(int slice, Weight weight, ICollector collector)
    {
        foreach (var piece in _parts[slice])
        {
            var scorer = weight.GetScorer(piece.Leaf, piece.Leaf.AtomicReader.LiveDocs);
            if (scorer is null)
            {
                continue;
            }
            try
            {
                collector.SetNextReader(piece.Leaf);
                collector.SetScorer(scorer);
                for (var doc = piece.From == 0 ? scorer.NextDoc() : scorer.Advance(piece.From); doc < piece.To; doc = scorer.NextDoc())
                {
                    collector.Collect(doc);
                }
            }
            catch (CollectionTerminatedException)
            {
                // A collector's way of saying it wants nothing more of this segment, as IndexSearcher.Search allows.
            }
        }
    }

    /// <summary>
    /// One search's slices: each is claimed by exactly one thread (the caller or a helper) through a shared counter;
    /// the caller claims until none is left, then waits for the helpers' slices to finish.
    /// </summary>
    private sealed class SliceRun
    {
        private static readonly long MaxHelperWait = System.Diagnostics.Stopwatch.Frequency / 1000;
        private static readonly long MaxCallerSpin = System.Diagnostics.Stopwatch.Frequency / 500;

        private readonly SlicedIndexSearcher _searcher;
        private Weight? _weight;
        private ICollector[]? _collectors;
        private volatile bool _posted;
        private volatile bool _cancelled;
        private int _next = -1;
        private int _done;
        private Exception? _error;
        private ManualResetEventSlim? _finished;

        public SliceRun(SlicedIndexSearcher searcher)
        {
            _searcher = searcher;
            for (var i = 1; i < searcher._parts.Length; i++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static run => run.Help(), this, preferLocal: false);
            }
        }

        public void Cancel() => _cancelled = true;

        public void Execute(Weight weight, ICollector[] collectors)
        {
            _weight = weight;
            _collectors = collectors;
            _posted = true;
            Work();
            // A helper is inside its slice: it usually finishes within the time the caller took for its own, so spin
            // (a blocked thread is slow to wake here); past 2 ms — a busy machine — block until the last one is done.
            var wait = new SpinWait();
            var spinUntil = System.Diagnostics.Stopwatch.GetTimestamp() + MaxCallerSpin;
            while (Volatile.Read(ref _done) < collectors.Length)
            {
                if (System.Diagnostics.Stopwatch.GetTimestamp() > spinUntil)
                {
                    var finished = new ManualResetEventSlim(false);
                    if (Interlocked.CompareExchange(ref _finished, finished, null) is null && Volatile.Read(ref _done) < collectors.Length)
                    {
                        // Not disposed: the last helper may still be inside Set when Wait returns (no kernel handle is made).
                        finished.Wait();
                    }
                    break;
                }
                wait.SpinOnce(sleep1Threshold: -1);
            }
            if (_error is { } error)
            {
                ExceptionDispatchInfo.Capture(error).Throw();
            }
        }

        private void Help()
        {
            var until = System.Diagnostics.Stopwatch.GetTimestamp() + MaxHelperWait;
            while (!_posted)
            {
                if (_cancelled || System.Diagnostics.Stopwatch.GetTimestamp() > until)
                {
                    return;
                }
                Thread.SpinWait(20);
            }
            Work();
        }

        private void Work()
        {
            int slice;
            while ((slice = Interlocked.Increment(ref _next)) < _collectors!.Length)
            {
                try
                {
                    // After a failure the remaining slices are claimed and counted but not searched: the search fails anyway.
                    if (Volatile.Read(ref _error) is null)
                    {
                        _searcher.SearchSlice(slice, _weight!, _collectors[slice]);
                    }
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _error, e, null);
                }
                finally
                {
                    if (Interlocked.Increment(ref _done) == _collectors.Length)
                    {
                        Volatile.Read(ref _finished)?.Set();
                    }
                }
            }
        }
    }

    // The index's documents cut into equal contiguous ranges, whatever its segments: a range may span segments, and a
    // segment may be split between ranges.
    private static Piece[][] Ranges(IList<AtomicReaderContext> leaves, int parallelism)
    {
        var total = leaves.Sum(l => (long)l.AtomicReader.MaxDoc);
        var count = (int)Math.Max(1, Math.Min(parallelism, total));
        var parts = new Piece[count][];
        for (var p = 0; p < count; p++)
        {
            var (from, to) = ((int)(total * p / count), (int)(total * (p + 1) / count));
            parts[p] = leaves
                .Where(l => l.DocBase < to && l.DocBase + l.AtomicReader.MaxDoc > from)
                .Select(l => new Piece(l, Math.Max(0, from - l.DocBase), Math.Min(l.AtomicReader.MaxDoc, to - l.DocBase)))
                .ToArray();
        }
        return parts;
    }

}

/// <summary>Makes the searchers of a <see cref="SearcherManager"/>: sliced, as <see cref="SlicedIndexSearcher.For"/> decides.</summary>
public sealed class SlicedSearcherFactory(int parallelism, int minDocumentsToSlice) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader) => SlicedIndexSearcher.For(reader, parallelism, minDocumentsToSlice);
}
