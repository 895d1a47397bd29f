using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Ats.Api.Candidates;
using Ats.Api.Data;
using Ats.Api.Http;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using LuceneQuery = Lucene.Net.Search.Query;

namespace Ats.Api.Search;

public enum SearchSort
{
    Relevance,
    Updated,
}

public sealed record SearchRequest(string? Query, string? City, IReadOnlyList<string> Tags, string? Source, string? Status, Guid? Vacancy,
    DateTimeOffset? UpdatedSince, bool? HasResume, SearchSort Sort, int Limit, string? Cursor)
{
    /// <summary>Count matches by city, source and tag (walks every match, so only when asked).</summary>
    public bool Facets { get; init; }

    /// <summary>Only candidates created after this moment ("new since the saved search last ran").</summary>
    public DateTimeOffset? CreatedSince { get; init; }
}

/// <summary>
/// Runs a recruiter's query against this instance's index: query + filters, one sort with the candidate id as the
/// last key (so "search after" pages are stable across index refreshes), facet counts, matched fields and snippets;
/// the rows for the page come from PostgreSQL, so the index never serves stale names or deleted candidates.
/// </summary>
public sealed class SearchService(SearchIndex index, AtsDbContext db, SearchQueryParser parser)
{
    private const int FacetTop = 10;
    private const int SnippetCount = 3;

    public async Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        LuceneQuery main = string.IsNullOrWhiteSpace(request.Query) ? new MatchAllDocsQuery() : parser.Parse(request.Query);
        var query = new BooleanQuery { { main, Occur.MUST } };
        void Filter(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(new ConstantScoreQuery(new TermQuery(new Term(field, value))) { Boost = 0 }, Occur.MUST);
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

        var sort = request.Sort == SearchSort.Updated
            ? new Sort(new SortField(SearchFields.Updated, SortFieldType.INT64, reverse: true), new SortField(SearchFields.Id, SortFieldType.STRING))
            : new Sort(SortField.FIELD_SCORE, new SortField(SearchFields.Id, SortFieldType.STRING));
        var after = DecodeCursor(request.Cursor, request.Sort);

        var (total, facets, hits) = index.Search(searcher =>
        {
            var facetCollector = new FacetCollector();
            if (request.Facets)
            {
                searcher.Search(query, facetCollector);
            }
            var top = searcher.SearchAfter(after, query, null, request.Limit + 1, sort, doDocScores: true, doMaxScore: false);
            var terms = main is MatchAllDocsQuery ? null : QueryTerms(searcher, main);
            // One highlighter per search: building its scorer extracts the query's weighted terms, which is the costly part.
            var highlighter = main is MatchAllDocsQuery ? null : NewHighlighter(main);
            var found = new List<(Guid Id, float Score, object[] Fields, IReadOnlyList<string> Fields2, IReadOnlyList<string> Snippets)>();
            foreach (var scoreDoc in top.ScoreDocs.Take(request.Limit + 1).Cast<FieldDoc>())
            {
                var stored = searcher.Doc(scoreDoc.Doc);
                var id = Guid.Parse(stored.Get(SearchFields.Id));
                var matched = found.Count < request.Limit && main is not MatchAllDocsQuery ? MatchedFields(searcher, main, terms, scoreDoc.Doc) : [];
                var snippets = found.Count < request.Limit && main is not MatchAllDocsQuery ? Snippets(highlighter, stored.Get(SearchFields.ResumeStored)) : [];
                found.Add((id, float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score, scoreDoc.Fields, matched, snippets));
            }
            var result = new SearchFacets(facetCollector.Cities(FacetTop), facetCollector.Sources(FacetTop), facetCollector.Tags(FacetTop));
            return (request.Facets ? facetCollector.Total : top.TotalHits, result, found);
        });

        var page = hits.Take(request.Limit).ToList();
        var ids = page.Select(h => h.Id).ToList();
        var rows = await db.Candidates.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.DisplayName, c.City, c.DesiredPosition, c.Status, c.Tags, c.UpdatedAt })
            .ToDictionaryAsync(c => c.Id, ct);
        var items = page.Where(h => rows.ContainsKey(h.Id)).Select(h =>
        {
            var r = rows[h.Id];
            return new SearchHit(r.Id, r.DisplayName, r.City, r.DesiredPosition, r.Status, r.Tags, r.UpdatedAt, h.Score, h.Fields2, h.Snippets);
        }).ToList();
        var next = hits.Count > request.Limit ? EncodeCursor(page[^1].Fields, request.Sort) : null;
        return new SearchResponse(total, items, facets, next);
    }

    /// <summary>The query's terms after rewriting (fuzzy and prefix words become their matching terms), or null if a part cannot list them.</summary>
    private static HashSet<Term>? QueryTerms(IndexSearcher searcher, LuceneQuery query)
    {
        try
        {
            var terms = new HashSet<Term>();
            searcher.Rewrite(query).ExtractTerms(terms);
            return terms.Count is > 0 and <= 2000 ? terms : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The fields in which the hit contains one of the query's terms — a postings look-up per term, much cheaper than
    /// an explanation; explanations are the fallback for queries whose terms cannot be listed.
    /// </summary>
    private static IReadOnlyList<string> MatchedFields(IndexSearcher searcher, LuceneQuery query, HashSet<Term>? terms, int doc)
    {
        if (terms is not null)
        {
            var leaves = searcher.IndexReader.Leaves;
            var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
            var local = doc - leaf.DocBase;
            var matched = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var term in terms)
            {
                if (matched.Contains(term.Field))
                {
                    continue;
                }
                var docs = leaf.AtomicReader.GetTermDocsEnum(term);
                if (docs is not null && docs.Advance(local) == local)
                {
                    matched.Add(term.Field);
                }
            }
            return [.. matched];
        }
        return ExplainedFields(searcher, query, doc);
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
                var start = d.IndexOf("weight(", StringComparison.Ordinal);
                if (start >= 0)
                {
                    var text = d[(start + 7)..].TrimStart('"', '(', '+');
                    var colon = text.IndexOf(':');
                    if (colon > 0)
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

    private static Highlighter NewHighlighter(LuceneQuery query)
    {
        var scorer = new QueryScorer(query, SearchFields.ResumeText);
        return new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), new MinimalHtmlEncoder(), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, 160),
            MaxDocCharsToAnalyze = 200_000,
        };
    }

    private IReadOnlyList<string> Snippets(Highlighter? highlighter, string? text)
    {
        if (highlighter is null || string.IsNullOrEmpty(text))
        {
            return [];
        }
        using var tokens = index.Analyzer.GetTokenStream(SearchFields.ResumeText, text);
        return highlighter.GetBestFragments(tokens, text, SnippetCount).Where(f => f.Length > 0).Select(f => f.Trim()).ToList();
    }

    private static string EncodeCursor(object[] fields, SearchSort sort)
    {
        // Lucene.NET boxes sort values as J2N numbers; the comparer of "search after" expects the same types back.
        var number = (J2N.Numerics.Number)fields[0];
        var first = sort == SearchSort.Updated
            ? number.ToInt64().ToString(CultureInfo.InvariantCulture)
            : number.ToSingle().ToString("R", CultureInfo.InvariantCulture);
        var id = ((BytesRef)fields[1]).Utf8ToString();
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{first}|{id}"));
    }

    private static FieldDoc? DecodeCursor(string? cursor, SearchSort sort)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|');
            if (parts.Length == 2 && Guid.TryParse(parts[1], out _))
            {
                if (sort == SearchSort.Updated && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks))
                {
                    // Doc id MaxValue: ties on every sort key (only the same candidate) fall before the cursor.
                    return new FieldDoc(int.MaxValue, float.NaN, [J2N.Numerics.Int64.GetInstance(ticks), new BytesRef(parts[1])]);
                }
                if (sort == SearchSort.Relevance && float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && float.IsFinite(score))
                {
                    return new FieldDoc(int.MaxValue, score, [J2N.Numerics.Single.GetInstance(score), new BytesRef(parts[1])]);
                }
            }
        }
        catch (FormatException)
        {
        }
        throw new SearchQueryException("Not a cursor returned by this search (or it was made with another sort).", "cursor", 0);
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
