using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using LuceneQuery = Lucene.Net.Search.Query;

namespace Ats.Api.Search;

/// <summary>One hit of a page: the sort values are what a "search after" cursor is made of.</summary>
/// <param name="Marks">Where the résumé text matched; null when the query did not match in the text.</param>
public sealed record LuceneHit(Guid Id, float Score, object[] SortValues, IReadOnlyList<string> MatchedFields, TextMarks? Marks);

/// <summary>Up to limit + 1 hits (the extra one only tells that there is a next page), the total and the facets.</summary>
public sealed record LucenePage(int Total, SearchFacets Facets, IReadOnlyList<LuceneHit> Hits)
{
    /// <summary>Time of the ranking pass alone (query, filters, count, facets), without the page's per-hit work.</summary>
    public double RankMilliseconds { get; init; }
}

/// <summary>
/// The Lucene half of a search, on one searcher: the recruiter's query with the filters as cached, non-scoring
/// clauses, one pass that ranks the page and counts every match, facets only when asked, and the per-hit work
/// (matched fields, where the text matched) for the page only. No database: the API reads the page's rows after this.
/// </summary>
public sealed class CandidateSearcher(Analyzer analyzer, SearchFilterCache filters)
{
    private const int FacetTop = 10;
    private const int SnippetCount = 3;

    private static readonly Sort ByRelevance = new(SortField.FIELD_SCORE, new SortField(SearchFields.Id, SortFieldType.STRING));
    private static readonly Sort ByUpdated = new(new SortField(SearchFields.Updated, SortFieldType.INT64, reverse: true), new SortField(SearchFields.Id, SortFieldType.STRING));
    private static readonly MinimalHtmlEncoder Encoder = new();

    /// <summary>The main query (null: everyone) with the request's filters (cached, not scored).</summary>
    public LuceneQuery Query(LuceneQuery? main, SearchRequest request)
    {
        var query = new BooleanQuery { { main ?? new MatchAllDocsQuery(), Occur.MUST } };
        var filtered = new List<(string Field, string Value)>();
        void Filter(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                filtered.Add((field, value));
            }
        }
        Filter(SearchFields.CityExact, request.City?.Trim().ToLowerInvariant());
        foreach (var tag in request.Tags.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            Filter(SearchFields.Tag, tag.Trim().ToLowerInvariant());
        }
        Filter(SearchFields.Source, request.Source);
        Filter(SearchFields.Status, request.Status);
        Filter(SearchFields.Vacancy, request.Vacancy?.ToString());
        Filter(SearchFields.HasResume, request.HasResume switch { true => "1", false => "0", null => null });
        if (request.CreatedSince is { } created)
        {
            query.Add(NumericRangeQuery.NewInt64Range(SearchFields.Created, created.UtcTicks, null, false, true), Occur.MUST);
        }
        if (request.UpdatedSince is { } since)
        {
            query.Add(NumericRangeQuery.NewInt64Range(SearchFields.Updated, since.UtcTicks, null, true, true), Occur.MUST);
        }
        if (main is null)
        {
            // No words: a query that matches everyone would walk every document past the filter's bits; the
            // filters lead instead.
            foreach (var (field, value) in filtered)
            {
                query.Add(filters.Clause(field, value), Occur.MUST);
            }
            return query;
        }
        LuceneQuery result = query;
        foreach (var (field, value) in filtered)
        {
            result = filters.Apply(result, field, value);
        }
        return result;
    }

    /// <param name="main">The recruiter's query alone (null: everyone): matched fields and snippets look at it, not at the filters.</param>
    public LucenePage Search(IndexSearcher searcher, LuceneQuery? main, SearchRequest request, FieldDoc? after)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var query = Query(main, request);
        // One pass ranks the page, counts every match and, when asked, counts the facets: the query is scored once.
        var sort = (request.Sort == SearchSort.Updated ? ByUpdated : ByRelevance).Rewrite(searcher);
        TopDocs top;
        FacetCollector facetCollector;
        if (searcher is SlicedIndexSearcher { SliceCount: > 1 } sliced)
        {
            // Each slice ranks its own top page and counts its own facets; the pages merge by the same sort.
            var rankings = new TopFieldCollector[sliced.SliceCount];
            var facetCounts = new FacetCollector[sliced.SliceCount];
            sliced.SearchEach(query, (i, _) =>
            {
                rankings[i] = TopFieldCollector.Create(sort, request.Limit + 1, after, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
                facetCounts[i] = new FacetCollector();
                return request.Facets ? MultiCollector.Wrap(rankings[i], facetCounts[i]) : rankings[i];
            });
            top = TopDocs.Merge(sort, request.Limit + 1, rankings.Select(r => (TopDocs)r.GetTopDocs()).ToArray());
            facetCollector = FacetCollector.Merge(facetCounts);
        }
        else
        {
            var ranking = TopFieldCollector.Create(sort, request.Limit + 1, after, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
            facetCollector = new FacetCollector();
            searcher.Search(query, request.Facets ? MultiCollector.Wrap(ranking, facetCollector) : ranking);
            top = ranking.GetTopDocs();
        }
        var ranked = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var scoreDocs = top.ScoreDocs;
        var pageSize = Math.Min(scoreDocs.Length, request.Limit);
        var matched = main is null ? null : MatchedFields(searcher, main, scoreDocs, pageSize);
        var marks = main is null ? null : PageMarks(searcher.IndexReader, main, scoreDocs, matched!);
        var hits = new List<LuceneHit>(scoreDocs.Length);
        for (var i = 0; i < scoreDocs.Length; i++)
        {
            var scoreDoc = (FieldDoc)scoreDocs[i];
            // The id is the sort's last key: no stored-field read (a compressed block per hit) is needed for it.
            var id = Guid.Parse(((Lucene.Net.Util.BytesRef)scoreDoc.Fields[^1]).Utf8ToString());
            hits.Add(new LuceneHit(id, float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score, scoreDoc.Fields, i < pageSize && matched is not null ? matched[i] : [],
                i < pageSize && marks is not null ? marks[i] : null));
        }
        var facets = new SearchFacets(facetCollector.Cities(FacetTop), facetCollector.Sources(FacetTop), facetCollector.Tags(FacetTop));
        return new LucenePage(top.TotalHits, facets, hits) { RankMilliseconds = ranked };
    }

    /// <summary>
    /// For the hits of the page that match in the résumé text (the others have nothing to highlight there): where,
    /// from the offsets in the postings (<see cref="OffsetSnippets"/>). The text itself comes from PostgreSQL.
    /// </summary>
    private static TextMarks?[] PageMarks(IndexReader reader, LuceneQuery main, ScoreDoc[] page, IReadOnlyList<string>[] matched)
    {
        var result = new TextMarks?[matched.Length];
        var wanted = new List<int>(matched.Length);
        for (var i = 0; i < matched.Length; i++)
        {
            if (matched[i].Contains(SearchFields.ResumeText))
            {
                wanted.Add(i);
            }
        }
        if (wanted.Count == 0)
        {
            return result;
        }
        var marks = OffsetSnippets.For(main, reader, SearchFields.ResumeText).Marks(reader, wanted.Select(i => page[i].Doc).ToList());
        for (var k = 0; k < wanted.Count; k++)
        {
            // A text match without offsets (an index from before them): no occurrences, the snippet re-analyses.
            result[wanted[k]] = marks[k] ?? new TextMarks(0, null);
        }
        return result;
    }

    /// <summary>
    /// Up to three highlighted snippets of a hit's résumé <paramref name="text"/> (as <see cref="ResumeTexts"/> reads it):
    /// cut by the indexed offsets when the text is the one that was indexed (same fingerprint), otherwise — the text
    /// changed since, or the index has no offsets — by analysing the text again (slower, same marks).
    /// </summary>
    public IReadOnlyList<string> Snippets(LuceneHit hit, LuceneQuery main, string? text)
    {
        if (hit.Marks is null || string.IsNullOrEmpty(text))
        {
            return [];
        }
        if (hit.Marks.Occurrences is { } occurrences && hit.Marks.Fingerprint == ResumeTexts.Fingerprint(text))
        {
            return occurrences.Count == 0 ? [] : OffsetSnippets.Fragments(text, occurrences, SnippetCount, Encoder);
        }
        using var tokens = analyzer.GetTokenStream(SearchFields.ResumeText, text);
        return NewHighlighter(main).GetBestFragments(tokens, text, SnippetCount).Where(f => f.Length > 0).Select(f => f.Trim()).ToList();
    }

    private static Highlighter NewHighlighter(LuceneQuery query)
    {
        var scorer = new QueryScorer(query, SearchFields.ResumeText);
        return new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), Encoder, scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, OffsetSnippets.FragmentChars),
            MaxDocCharsToAnalyze = 200_000,
        };
    }

    /// <summary>
    /// For each hit, the fields in which it contains one of the query's terms: a postings look-up per term and
    /// segment (hits of one segment share the look-up), much cheaper than an explanation; explanations are the
    /// fallback for queries whose terms cannot be listed.
    /// </summary>
    private static IReadOnlyList<string>[] MatchedFields(IndexSearcher searcher, LuceneQuery query, ScoreDoc[] page, int count)
    {
        var result = new IReadOnlyList<string>[count];
        var terms = QueryTerms(searcher, query);
        if (terms is null)
        {
            for (var i = 0; i < count; i++)
            {
                result[i] = ExplainedFields(searcher, query, page[i].Doc);
            }
            return result;
        }
        var fields = new SortedSet<string>[count];
        var leaves = searcher.IndexReader.Leaves;
        var byLeaf = new Dictionary<int, List<int>>();
        for (var i = 0; i < count; i++)
        {
            fields[i] = new SortedSet<string>(StringComparer.Ordinal);
            var leaf = ReaderUtil.SubIndex(page[i].Doc, leaves);
            if (!byLeaf.TryGetValue(leaf, out var list))
            {
                byLeaf[leaf] = list = [];
            }
            list.Add(i);
        }
        foreach (var (leafIndex, hitIndexes) in byLeaf)
        {
            var leaf = leaves[leafIndex];
            hitIndexes.Sort((a, b) => page[a].Doc.CompareTo(page[b].Doc));
            foreach (var group in terms)
            {
                var fieldTerms = leaf.AtomicReader.GetTerms(group.Key);
                if (fieldTerms is null)
                {
                    continue;
                }
                var termsEnum = fieldTerms.GetEnumerator();
                DocsEnum? docs = null;
                foreach (var term in group.Value)
                {
                    if (hitIndexes.TrueForAll(h => fields[h].Contains(group.Key)) || !termsEnum.SeekExact(term))
                    {
                        continue;
                    }
                    // Hits are live documents: no need to check deletions.
                    docs = termsEnum.Docs(null, docs, DocsFlags.NONE);
                    var current = -1;
                    foreach (var h in hitIndexes)
                    {
                        var local = page[h].Doc - leaf.DocBase;
                        if (current < local)
                        {
                            current = docs.Advance(local);
                        }
                        if (current == local)
                        {
                            fields[h].Add(group.Key);
                        }
                        if (current == DocIdSetIterator.NO_MORE_DOCS)
                        {
                            break;
                        }
                    }
                }
            }
        }
        for (var i = 0; i < count; i++)
        {
            result[i] = [.. fields[i]];
        }
        return result;
    }

    /// <summary>
    /// The query's terms by field — words under NOT left out, prefix/fuzzy words as the index words they stand for —
    /// or null if a part cannot list them (too many expansions, an unknown query kind: then explanations are used).
    /// </summary>
    private static Dictionary<string, List<Lucene.Net.Util.BytesRef>>? QueryTerms(IndexSearcher searcher, LuceneQuery query)
    {
        var terms = new HashSet<Term>();
        if (!CollectTerms(searcher, query, terms, 0) || terms.Count is 0 or > 2000)
        {
            return null;
        }
        var byField = new Dictionary<string, List<Lucene.Net.Util.BytesRef>>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (!byField.TryGetValue(term.Field, out var list))
            {
                byField[term.Field] = list = [];
            }
            list.Add(term.Bytes);
        }
        return byField;
    }

    private static bool CollectTerms(IndexSearcher searcher, LuceneQuery query, HashSet<Term> terms, int depth)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                return boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT).All(c => CollectTerms(searcher, c.Query, terms, depth + 1));
            case DisjunctionMaxQuery max:
                return max.Disjuncts.All(d => CollectTerms(searcher, d, terms, depth + 1));
            case MultiTermQuery multiTerm when depth < 64:
                // More index words than that: explanations instead (slower, complete).
                return OffsetSnippets.Expand(multiTerm, searcher.IndexReader, OffsetSnippets.MaxExpansions) is { } expanded
                    && CollectTerms(searcher, expanded, terms, depth + 1);
            default:
                try
                {
                    searcher.Rewrite(query).ExtractTerms(terms);
                    return true;
                }
                catch (NotSupportedException)
                {
                    return false;
                }
        }
    }

    private static IReadOnlyList<string> ExplainedFields(IndexSearcher searcher, LuceneQuery query, int doc)
    {
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Explanation>();
        pending.Push(searcher.Explain(query, doc));
        while (pending.Count > 0)
        {
            var e = pending.Pop();
            if (e.IsMatch && e.Description is { } d)
            {
                // "weight(field:term …)" for scored terms, "ConstantScore(field:prefix*)" for prefix/wildcard words.
                var start = d.IndexOf("weight(", StringComparison.Ordinal);
                var length = 7;
                if (start < 0 && d.StartsWith("ConstantScore(", StringComparison.Ordinal))
                {
                    (start, length) = (0, 14);
                }
                if (start >= 0)
                {
                    var text = d[(start + length)..].TrimStart('"', '(', '+');
                    var colon = text.IndexOf(':');
                    if (colon > 0 && text.AsSpan(0, colon).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz_") < 0)
                    {
                        fields.Add(text[..colon]);
                    }
                }
            }
            foreach (var detail in e.GetDetails() ?? [])
            {
                pending.Push(detail);
            }
        }
        return [.. fields];
    }
}

/// <summary>Escapes only what HTML needs (&amp; &lt; &gt; &quot;), so Cyrillic snippets stay readable text.</summary>
internal sealed class MinimalHtmlEncoder : IEncoder
{
    public string EncodeText(string originalText) => originalText
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
