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

/// <summary>
/// Milliseconds spent parsing; ranking (query, filters, count, facets); finding the page's matched fields and where
/// its texts matched; reading the page's rows and texts from PostgreSQL; cutting the snippets.
/// </summary>
public sealed record SearchTimings(double Parse, double Rank, double Hits, double Rows, double Snippets)
{
    public string ToServerTiming() => string.Create(CultureInfo.InvariantCulture,
        $"parse;dur={Parse:0.00}, rank;dur={Rank:0.00}, hits;dur={Hits:0.00}, rows;dur={Rows:0.00}, snippets;dur={Snippets:0.00}");
}

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
public sealed class SearchService(SearchIndex index, AtsDbContext db, SearchQueryParser parser, SearchFilterCache filters)
{
    /// <summary>Where the last search of this scope spent its time (milliseconds), for the Server-Timing header.</summary>
    public SearchTimings? LastTimings { get; private set; }

    public async Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var main = string.IsNullOrWhiteSpace(request.Query) ? null : parser.Parse(request.Query);
        var after = DecodeCursor(request.Cursor, request.Sort);
        var searcher = new CandidateSearcher(index.Analyzer, filters);
        var parsed = System.Diagnostics.Stopwatch.GetTimestamp();
        var found = index.Search(s => searcher.Search(s, main, request, after));
        var searched = System.Diagnostics.Stopwatch.GetTimestamp();

        var page = found.Hits.Take(request.Limit).ToList();
        var ids = page.Select(h => h.Id).ToList();
        var rows = await db.Candidates.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.DisplayName, c.City, c.DesiredPosition, c.Status, c.Tags, c.UpdatedAt })
            .ToDictionaryAsync(c => c.Id, ct);
        var withText = page.Where(h => h.Marks is not null).Select(h => h.Id).ToList();
        var texts = withText.Count == 0 ? [] : await ResumeTexts.LoadAsync(db, withText, ct);
        var read = System.Diagnostics.Stopwatch.GetTimestamp();
        var items = page.Where(h => rows.ContainsKey(h.Id)).Select(h =>
        {
            var r = rows[h.Id];
            var snippets = main is null ? [] : searcher.Snippets(h, main, texts.GetValueOrDefault(h.Id));
            return new SearchHit(r.Id, r.DisplayName, r.City, r.DesiredPosition, r.Status, r.Tags, r.UpdatedAt, h.Score, h.MatchedFields, snippets);
        }).ToList();
        var next = found.Hits.Count > request.Limit ? EncodeCursor(page[^1].SortValues, request.Sort) : null;
        LastTimings = new SearchTimings(
            System.Diagnostics.Stopwatch.GetElapsedTime(started, parsed).TotalMilliseconds,
            found.RankMilliseconds,
            System.Diagnostics.Stopwatch.GetElapsedTime(parsed, searched).TotalMilliseconds - found.RankMilliseconds,
            System.Diagnostics.Stopwatch.GetElapsedTime(searched, read).TotalMilliseconds,
            System.Diagnostics.Stopwatch.GetElapsedTime(read).TotalMilliseconds);
        return new SearchResponse(found.Total, items, found.Facets, next);
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
