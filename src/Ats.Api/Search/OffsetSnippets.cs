using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;
using LuceneQuery = Lucene.Net.Search.Query;

namespace Ats.Api.Search;

/// <summary>
/// Highlighted snippets cut from the résumé text (as PostgreSQL holds it, <see cref="ResumeTexts"/>) by the offsets
/// that the postings of the text field carry (indexed with positions and offsets; no term vectors, no stored copy,
/// no second analysis). Lucene.Net 4.8 has no port of Java's
/// PostingsHighlighter, so this is a small one of our own:
/// <list type="number">
/// <item>the query is walked once for its text-field words: a plain word (or a prefix/fuzzy word's top expansions)
/// is marked wherever it occurs; the words of a phrase only where the phrase occurs (positions checked); words under
/// NOT are never marked;</item>
/// <item>for the page's hits, grouped by segment and in document order, each word's postings are advanced to the hit
/// and give position + start/end offset of every occurrence (a few postings reads per word and page);</item>
/// <item>windows of <see cref="FragmentChars"/> characters are scored by how many different query words they hold
/// (then by occurrences), the best non-overlapping ones kept, widened to word boundaries, HTML-encoded, marked with
/// &lt;em&gt;.</item>
/// </list>
/// Segments written before the text field had offsets yield no offsets: the caller then falls back to re-analysing.
/// </summary>
public sealed class OffsetSnippets
{
    public const int FragmentChars = 160;

    /// <summary>A prefix/fuzzy word standing for more index words than this is not listed (the hits' snippets then re-analyse).</summary>
    public const int MaxExpansions = 1000;
    private const int MaxOccurrencesPerDocument = 4096;

    private readonly string _field;
    private readonly List<BytesRef> _terms = [];
    private readonly Dictionary<BytesRef, int> _termIds = [];
    private readonly List<bool> _free = [];
    private readonly List<(int[][] Slots, int[] Positions)> _phrases = [];

    private bool _incomplete;

    private OffsetSnippets(string field) => _field = field;

    /// <summary>
    /// A prefix/fuzzy/wildcard query as the boolean query of the index words it stands for, or null when there are
    /// more than <paramref name="max"/> (a top-N expansion would silently drop some, and hits on them would lose
    /// their matched fields and snippets).
    /// </summary>
    public static BooleanQuery? Expand(MultiTermQuery query, IndexReader reader, int max)
    {
        // A fuzzy word already stands for its 50 closest index words (its own top-N rewrite): exactly those.
        var expanded = (MultiTermQuery)query.Clone();
        if (query is not FuzzyQuery)
        {
            expanded.MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(max + 1);
        }
        var rewritten = expanded.Rewrite(reader);
        return rewritten is BooleanQuery boolean && boolean.Clauses.Count <= max ? boolean
            : rewritten is BooleanQuery ? null
            : new BooleanQuery { { rewritten, Occur.SHOULD } };
    }

    /// <summary>True when the query asks for at least one word of the field.</summary>
    public bool HasTerms => _terms.Count > 0;

    /// <summary>The plan for one query: which words of <paramref name="field"/> to mark, and which only inside phrases.</summary>
    public static OffsetSnippets For(LuceneQuery query, IndexReader reader, string field)
    {
        var plan = new OffsetSnippets(field);
        plan.Walk(query, reader, depth: 0);
        return plan;
    }

    private void Walk(LuceneQuery query, IndexReader reader, int depth)
    {
        if (depth > 64)
        {
            return;
        }
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    if (clause.Occur != Occur.MUST_NOT)
                    {
                        Walk(clause.Query, reader, depth + 1);
                    }
                }
                break;
            case DisjunctionMaxQuery max:
                foreach (var disjunct in max.Disjuncts)
                {
                    Walk(disjunct, reader, depth + 1);
                }
                break;
            case ConstantScoreQuery constant when constant.Query is not null:
                Walk(constant.Query, reader, depth + 1);
                break;
            case TermQuery term when term.Term.Field == _field:
                _free[Id(term.Term.Bytes)] = true;
                break;
            case PhraseQuery phrase when phrase.GetTerms() is { Length: > 0 } terms && terms[0].Field == _field:
                AddPhrase(terms.Select(t => new[] { t }).ToList(), phrase.GetPositions(), phrase.Slop);
                break;
            case MultiPhraseQuery multi when multi.GetTermArrays() is { Count: > 0 } arrays && arrays[0].Length > 0 && arrays[0][0].Field == _field:
                AddPhrase(arrays, multi.GetPositions(), multi.Slop);
                break;
            case MultiTermQuery multiTerm when multiTerm.Field == _field:
                // Prefix, fuzzy, wildcard: the words of the index it stands for — all of them, or the plan is
                // incomplete and every snippet is made by analysing the text instead (never a hit without its marks).
                if (Expand(multiTerm, reader, MaxExpansions) is { } expanded)
                {
                    Walk(expanded, reader, depth + 1);
                }
                else
                {
                    _incomplete = true;
                }
                break;
        }
    }

    private void AddPhrase(IList<Term[]> slots, int[] positions, int slop)
    {
        if (slop > 0)
        {
            // A sloppy phrase: its words are marked wherever they occur (the window is not re-checked).
            foreach (var term in slots.SelectMany(s => s))
            {
                _free[Id(term.Bytes)] = true;
            }
            return;
        }
        _phrases.Add((slots.Select(s => s.Select(t => Id(t.Bytes)).ToArray()).ToArray(), positions));
    }

    private int Id(BytesRef bytes)
    {
        if (!_termIds.TryGetValue(bytes, out var id))
        {
            id = _terms.Count;
            var copy = BytesRef.DeepCopyOf(bytes);
            _terms.Add(copy);
            _termIds[copy] = id;
            _free.Add(false);
        }
        return id;
    }

    /// <summary>One occurrence of a query word in a document: its token position and character offsets.</summary>
    public readonly record struct Occurrence(int Term, int Position, int Start, int End);

    /// <summary>
    /// The query words' occurrences in each of <paramref name="docs"/> (top-level doc ids), read from the postings;
    /// null for a document whose segment has no offsets for the field (indexed by an older version).
    /// </summary>
    public List<Occurrence>?[] Occurrences(IndexReader reader, IReadOnlyList<int> docs)
    {
        var result = new List<Occurrence>?[docs.Count];
        var leaves = reader.Leaves;
        var byLeaf = new Dictionary<int, List<int>>();
        for (var i = 0; i < docs.Count; i++)
        {
            result[i] = [];
            var leaf = ReaderUtil.SubIndex(docs[i], leaves);
            if (!byLeaf.TryGetValue(leaf, out var list))
            {
                byLeaf[leaf] = list = [];
            }
            list.Add(i);
        }
        foreach (var (leafIndex, hits) in byLeaf)
        {
            var leaf = leaves[leafIndex];
            hits.Sort((a, b) => docs[a].CompareTo(docs[b]));
            var fieldInfo = leaf.AtomicReader.FieldInfos.FieldInfo(_field);
            if (fieldInfo is { IndexOptions: not IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS })
            {
                hits.ForEach(h => result[h] = null);
                continue;
            }
            var terms = leaf.AtomicReader.GetTerms(_field);
            if (terms is null)
            {
                continue;
            }
            var termsEnum = terms.GetEnumerator();
            DocsAndPositionsEnum? postings = null;
            for (var t = 0; t < _terms.Count; t++)
            {
                if (!termsEnum.SeekExact(_terms[t]))
                {
                    continue;
                }
                postings = termsEnum.DocsAndPositions(null, postings, DocsAndPositionsFlags.OFFSETS);
                if (postings is null)
                {
                    hits.ForEach(h => result[h] = null);
                    break;
                }
                var current = -1;
                foreach (var h in hits)
                {
                    var local = docs[h] - leaf.DocBase;
                    if (current < local)
                    {
                        current = postings.Advance(local);
                    }
                    if (current == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        break;
                    }
                    if (current != local || result[h] is not { } found)
                    {
                        continue;
                    }
                    for (var k = postings.Freq; k > 0 && found.Count < MaxOccurrencesPerDocument; k--)
                    {
                        var position = postings.NextPosition();
                        if (postings.StartOffset < 0)
                        {
                            result[h] = null;
                            break;
                        }
                        found.Add(new Occurrence(t, position, postings.StartOffset, postings.EndOffset));
                    }
                }
            }
        }
        return result;
    }

    /// <summary>Of a document's occurrences, the ones to mark: free words everywhere, phrase words where the phrase is.</summary>
    public List<Occurrence> Marked(List<Occurrence> occurrences)
    {
        var marked = new List<Occurrence>(occurrences.Count);
        Dictionary<int, List<int>>? byPosition = null;
        HashSet<int>? inPhrase = null;
        if (_phrases.Count > 0)
        {
            byPosition = [];
            for (var i = 0; i < occurrences.Count; i++)
            {
                if (!byPosition.TryGetValue(occurrences[i].Position, out var at))
                {
                    byPosition[occurrences[i].Position] = at = [];
                }
                at.Add(i);
            }
            inPhrase = [];
            foreach (var (slots, positions) in _phrases)
            {
                for (var i = 0; i < occurrences.Count; i++)
                {
                    if (!slots[0].Contains(occurrences[i].Term))
                    {
                        continue;
                    }
                    var origin = occurrences[i].Position - positions[0];
                    var found = new List<int>(slots.Length);
                    for (var s = 0; s < slots.Length; s++)
                    {
                        var match = byPosition.TryGetValue(origin + positions[s], out var at) ? at.FirstOrDefault(o => slots[s].Contains(occurrences[o].Term), -1) : -1;
                        if (match < 0)
                        {
                            found = null;
                            break;
                        }
                        found.Add(match);
                    }
                    found?.ForEach(o => inPhrase.Add(o));
                }
            }
        }
        for (var i = 0; i < occurrences.Count; i++)
        {
            if (_free[occurrences[i].Term] || inPhrase?.Contains(i) == true)
            {
                marked.Add(occurrences[i]);
            }
        }
        marked.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        // One mark per stretch of text (two query words may share a token).
        var distinct = new List<Occurrence>(marked.Count);
        foreach (var o in marked)
        {
            if (distinct.Count == 0 || o.Start >= distinct[^1].End)
            {
                distinct.Add(o);
            }
        }
        return distinct;
    }

    /// <summary>Up to <paramref name="count"/> fragments of <paramref name="text"/> around the marked words, best first.</summary>
    public static List<string> Fragments(string text, IReadOnlyList<Occurrence> marked, int count, IEncoder encoder)
    {
        var windows = new List<(int First, int Last, double Score)>(marked.Count);
        // Linear in the marks (a hostile text of one repeated query word has thousands): the window end only moves
        // forward, and the distinct words inside are counted with per-word occurrence counts.
        var inWindow = new Dictionary<int, int>();
        var windowEnd = -1;
        for (var i = 0; i < marked.Count; i++)
        {
            if (windowEnd < i)
            {
                windowEnd = i;
                inWindow[marked[i].Term] = inWindow.GetValueOrDefault(marked[i].Term) + 1;
            }
            while (windowEnd + 1 < marked.Count && marked[windowEnd + 1].End - marked[i].Start <= FragmentChars)
            {
                windowEnd++;
                inWindow[marked[windowEnd].Term] = inWindow.GetValueOrDefault(marked[windowEnd].Term) + 1;
            }
            windows.Add((i, windowEnd, inWindow.Count + 0.1 * (windowEnd - i + 1) - 0.00001 * i));
            // Mark i leaves the window before the next one starts.
            if (--inWindow[marked[i].Term] == 0)
            {
                inWindow.Remove(marked[i].Term);
            }
        }
        windows.Sort((a, b) => b.Score.CompareTo(a.Score));
        var chosen = new List<(int Start, int End, int First, int Last)>();
        foreach (var (first, last, _) in windows)
        {
            if (chosen.Count == count)
            {
                break;
            }
            var (start, end) = Widen(text, marked[first].Start, marked[last].End);
            if (chosen.TrueForAll(c => end <= c.Start || start >= c.End))
            {
                chosen.Add((start, end, first, last));
            }
        }
        var fragments = new List<string>(chosen.Count);
        foreach (var (start, end, _, _) in chosen)
        {
            var fragment = new StringBuilder(end - start + 32);
            var at = start;
            foreach (var o in marked)
            {
                if (o.Start < start || o.End > end)
                {
                    continue;
                }
                fragment.Append(encoder.EncodeText(text[at..o.Start])).Append("<em>").Append(encoder.EncodeText(text[o.Start..o.End])).Append("</em>");
                at = o.End;
            }
            fragment.Append(encoder.EncodeText(text[at..end]));
            var value = fragment.ToString().Trim();
            if (value.Length > 0)
            {
                fragments.Add(value);
            }
        }
        return fragments;
    }

    /// <summary>A window of about <see cref="FragmentChars"/> around [start, end), a third of the context before, cut at spaces.</summary>
    private static (int Start, int End) Widen(string text, int start, int end)
    {
        var spare = Math.Max(0, FragmentChars - (end - start));
        var left = Math.Max(0, start - spare / 3);
        var right = Math.Min(text.Length, end + spare - (start - left));
        if (left > 0)
        {
            var space = text.IndexOfAny([' ', '\n', '\t', '\r'], left, start - left);
            left = space >= 0 ? space + 1 : start;
        }
        if (right < text.Length)
        {
            var space = text.LastIndexOfAny([' ', '\n', '\t', '\r'], right - 1, right - end);
            right = space >= end ? space : end;
        }
        return (left, right);
    }

    /// <summary>
    /// For documents of the page: the marked occurrences and the fingerprint of the text they were indexed from; null
    /// for a document whose segment has no offsets (or no fingerprint) for the text: the caller then re-analyses.
    /// </summary>
    public TextMarks?[] Marks(IndexReader reader, IReadOnlyList<int> docs)
    {
        var result = new TextMarks?[docs.Count];
        if (_incomplete)
        {
            return result;
        }
        var occurrences = Occurrences(reader, docs);
        var leaves = reader.Leaves;
        for (var i = 0; i < docs.Count; i++)
        {
            var leaf = leaves[ReaderUtil.SubIndex(docs[i], leaves)];
            var fingerprints = leaf.AtomicReader.GetNumericDocValues(SearchFields.TextFingerprint);
            if (occurrences[i] is { } found && fingerprints is not null)
            {
                result[i] = new TextMarks(fingerprints.Get(docs[i] - leaf.DocBase), Marked(found));
            }
        }
        return result;
    }
}

/// <summary>
/// Where a hit's text matched: offsets into the text whose <see cref="ResumeTexts.Fingerprint"/> is given; null
/// occurrences when the index holds no offsets for it (the snippet then comes from analysing the text again).
/// </summary>
public sealed record TextMarks(long Fingerprint, IReadOnlyList<OffsetSnippets.Occurrence>? Occurrences);
