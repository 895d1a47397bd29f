using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Ats.Api.Search.QueryLanguage;

/// <summary>
/// A <see cref="DisjunctionMaxQuery"/> — same matches, same score formula (the best field's score plus the tie-breaker
/// times the others') — whose scorer computes a document's score only when asked. Lucene 4.8's scorer scores every
/// field's sub-scorer at every document it stops on; inside "all these words" most of those documents are then
/// rejected by another word, so most of that scoring was wasted (15 % of a median 1M query's time in a profile).
/// Being a DisjunctionMaxQuery, everything that walks queries (matched fields, snippets) treats it as one.
/// </summary>
internal sealed class LazyDisjunctionMaxQuery(float tieBreakerMultiplier) : DisjunctionMaxQuery(tieBreakerMultiplier)
{
    public override Weight CreateWeight(IndexSearcher searcher) => new LazyWeight(this, searcher);

    private sealed class LazyWeight(LazyDisjunctionMaxQuery query, IndexSearcher searcher) : DisjunctionMaxWeight(query, searcher)
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var scorers = new List<Scorer>(m_weights.Count);
            foreach (var weight in m_weights)
            {
                if (weight.GetScorer(context, acceptDocs) is { } scorer)
                {
                    scorers.Add(scorer);
                }
            }
            return scorers.Count == 0 ? null : new LazyDisjunctionMaxScorer(this, query.TieBreakerMultiplier, [.. scorers]);
        }
    }
}

/// <summary>
/// The sub-scorers in a binary min-heap by current document; the ones on the current document form a subtree at the
/// root, which <see cref="GetScore"/> and <see cref="Freq"/> walk once per document and only on demand.
/// </summary>
internal sealed class LazyDisjunctionMaxScorer : Scorer
{
    private readonly Scorer[] _heap;
    private readonly float _tieBreaker;
    private readonly long _cost;
    private int _size;
    private int _doc = -1;
    private bool _scored;
    private float _score;
    private int _freq;

    public LazyDisjunctionMaxScorer(Weight weight, float tieBreaker, Scorer[] scorers) : base(weight)
    {
        _heap = scorers;
        _size = scorers.Length;
        _tieBreaker = tieBreaker;
        foreach (var scorer in scorers)
        {
            _cost += scorer.GetCost();
        }
        // Every sub-scorer starts before the first document (-1): already a heap.
    }

    public override int DocID => _doc;

    public override int NextDoc()
    {
        if (_doc == NO_MORE_DOCS)
        {
            return _doc;
        }
        while (_size > 0 && _heap[0].DocID == _doc)
        {
            if (_heap[0].NextDoc() == NO_MORE_DOCS)
            {
                RemoveTop();
            }
            else
            {
                SiftDown(0);
            }
        }
        return Positioned();
    }

    public override int Advance(int target)
    {
        if (_doc == NO_MORE_DOCS)
        {
            return _doc;
        }
        while (_size > 0 && _heap[0].DocID < target)
        {
            if (_heap[0].Advance(target) == NO_MORE_DOCS)
            {
                RemoveTop();
            }
            else
            {
                SiftDown(0);
            }
        }
        return Positioned();
    }

    public override float GetScore()
    {
        Score();
        return _score;
    }

    public override int Freq
    {
        get
        {
            Score();
            return _freq;
        }
    }

    public override long GetCost() => _cost;

    public override ICollection<ChildScorer> GetChildren() =>
        _heap.Take(_size).Select(s => new ChildScorer(s, "SHOULD")).ToList();

    private int Positioned()
    {
        _doc = _size == 0 ? NO_MORE_DOCS : _heap[0].DocID;
        _scored = false;
        return _doc;
    }

    private void Score()
    {
        if (_scored)
        {
            return;
        }
        _scored = true;
        float max = 0, sum = 0;
        var freq = 0;
        if (_doc != NO_MORE_DOCS && _size > 0)
        {
            max = sum = _heap[0].GetScore();
            freq = 1;
            Collect(1, ref max, ref sum, ref freq);
            Collect(2, ref max, ref sum, ref freq);
        }
        _score = max + (sum - max) * _tieBreaker;
        _freq = freq;
    }

    private void Collect(int node, ref float max, ref float sum, ref int freq)
    {
        if (node >= _size || _heap[node].DocID != _doc)
        {
            return;
        }
        var score = _heap[node].GetScore();
        freq++;
        sum += score;
        max = Math.Max(max, score);
        Collect((node << 1) + 1, ref max, ref sum, ref freq);
        Collect((node << 1) + 2, ref max, ref sum, ref freq);
    }

    private void RemoveTop()
    {
        _size--;
        _heap[0] = _heap[_size];
        _heap[_size] = null!;
        if (_size > 0)
        {
            SiftDown(0);
        }
    }

    private void SiftDown(int node)
    {
        var scorer = _heap[node];
        var doc = scorer.DocID;
        while (true)
        {
            var child = (node << 1) + 1;
            if (child >= _size)
            {
                break;
            }
            var right = child + 1;
            if (right < _size && _heap[right].DocID < _heap[child].DocID)
            {
                child = right;
            }
            if (_heap[child].DocID >= doc)
            {
                break;
            }
            _heap[node] = _heap[child];
            node = child;
        }
        _heap[node] = scorer;
    }
}
