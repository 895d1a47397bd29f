using Ats.Api.Auth;
using Ats.Api.Data;
using Ats.Api.Http;
using Ats.Api.Resumes.Storage;
using Lucene.Net.Analysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ats.Api.Search;

public sealed class SearchQueryString
{
    public string? Q { get; init; }
    public string? City { get; init; }
    public string[]? Tag { get; init; }
    public string? Source { get; init; }
    public string? Status { get; init; }
    public string? Vacancy { get; init; }
    public string? UpdatedSince { get; init; }
    public string? HasResume { get; init; }
    public string? Sort { get; init; }
    public string? Limit { get; init; }
    public string? Cursor { get; init; }
    public string? Facets { get; init; }
}

public static class SearchEndpoints
{
    public const int MaxTags = 20;

    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Func<Analyzer>>(_ => SearchAnalyzers.Create);
        builder.Services.AddSingleton<SearchIndex>();
        builder.Services.AddHostedService<SearchIndexer>();
        builder.Services.AddScoped<SearchService>();
        builder.Services.AddSingleton<SearchFilterCache>();
        builder.Services.AddSingleton<SearchQueryParser>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/search").WithTags("Search").RequireAuthorization(Policies.ReadRecruiting).MapGet("/", SearchCandidates);
        var admin = app.MapGroup("/admin/search").WithTags("Admin: search").RequireAuthorization(Policies.Admin);
        admin.MapGet("/status", IndexStatus);
        admin.MapPost("/rebuild", RebuildIndex);
        return app;
    }

    public static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> SearchCandidates(
        [AsParameters] SearchQueryString q, SearchService search, SearchIndex index, IOptions<SearchOptions> options, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var limit = 20;
        if (!string.IsNullOrWhiteSpace(q.Limit) && (!int.TryParse(q.Limit, out limit) || limit < 1 || limit > options.Value.MaxPageSize))
        {
            errors.Add("limit", $"Must be a whole number from 1 to {options.Value.MaxPageSize}.");
        }
        var sort = SearchSort.Relevance;
        if (!string.IsNullOrWhiteSpace(q.Sort) && !JsonEnum.TryParse(q.Sort, out sort))
        {
            errors.Add("sort", $"Must be one of: {JsonEnum.Allowed<SearchSort>()}.");
        }
        Guid? vacancy = null;
        if (!string.IsNullOrWhiteSpace(q.Vacancy))
        {
            if (Guid.TryParse(q.Vacancy, out var v)) { vacancy = v; }
            else { errors.Add("vacancy", "Must be a vacancy id."); }
        }
        DateTimeOffset? since = null;
        if (!string.IsNullOrWhiteSpace(q.UpdatedSince))
        {
            if (DateTimeOffset.TryParse(q.UpdatedSince, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d)) { since = d; }
            else { errors.Add("updatedSince", "Use an ISO 8601 date or date-time."); }
        }
        bool? hasResume = null;
        if (!string.IsNullOrWhiteSpace(q.HasResume))
        {
            if (bool.TryParse(q.HasResume, out var h)) { hasResume = h; }
            else { errors.Add("hasResume", "Must be true or false."); }
        }
        if (!string.IsNullOrWhiteSpace(q.Status) && !JsonEnum.TryParse<Candidates.CandidateStatus>(q.Status, out _))
        {
            errors.Add("status", $"Must be one of: {JsonEnum.Allowed<Candidates.CandidateStatus>()}.");
        }
        if (!string.IsNullOrWhiteSpace(q.Source) && !JsonEnum.TryParse<Candidates.SourceSite>(q.Source, out _))
        {
            errors.Add("source", $"Must be one of: {JsonEnum.Allowed<Candidates.SourceSite>()}.");
        }
        var facets = false;
        if (!string.IsNullOrWhiteSpace(q.Facets) && !bool.TryParse(q.Facets, out facets))
        {
            errors.Add("facets", "Must be true or false.");
        }
        if (q.Tag is { Length: > MaxTags })
        {
            errors.Add("tag", $"At most {MaxTags} tags.");
        }
        if (q.Q is { Length: > 2000 })
        {
            errors.Add("q", "At most 2000 characters.");
        }
        if (!errors.IsValid)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        if (!index.IsOpen)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, type: ProblemTypes.IndexNotReady,
                title: "Search index not ready", detail: "The search index is being built; try again shortly.");
        }
        try
        {
            var request = new SearchRequest(q.Q, q.City, q.Tag ?? [], q.Source?.ToLowerInvariant(), q.Status?.ToLowerInvariant(), vacancy, since, hasResume, sort, limit, q.Cursor) { Facets = facets };
            var response = await search.SearchAsync(request, ct);
            // Where the time went (no personal data): lets an operator or a benchmark tell the engine from the HTTP path.
            http.Response.Headers["Server-Timing"] = search.LastTimings!.ToServerTiming();
            return TypedResults.Ok(response);
        }
        catch (SearchQueryException e)
        {
            var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [e.Field] = [e.Message] })
            {
                Type = ProblemTypes.Validation,
                Title = "Invalid search",
                Status = StatusCodes.Status400BadRequest,
                Detail = e.Field == "q" ? $"{e.Message} (at character {e.Position + 1})" : e.Message,
            };
            problem.Extensions["position"] = e.Position;
            return TypedResults.ValidationProblem(problem.Errors, problem.Detail, type: problem.Type, title: problem.Title,
                extensions: new Dictionary<string, object?> { ["position"] = e.Position });
        }
    }

    /// <summary>
    /// The candidate ids of every live document, from the id's doc values (a lookup per document instead of
    /// decompressing a stored-field block for each); the stored id only where a document has no doc value.
    /// </summary>
    internal static HashSet<Guid> LiveIds(Lucene.Net.Index.IndexReader reader)
    {
        var ids = new HashSet<Guid>(reader.NumDocs);
        var bytes = new Lucene.Net.Util.BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var live = segment.LiveDocs;
            var values = segment.GetSortedDocValues(SearchFields.Id);
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }
                values?.Get(doc, bytes);
                if (values is not null && System.Buffers.Text.Utf8Parser.TryParse(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), out Guid id, out _, 'D'))
                {
                    ids.Add(id);
                }
                else
                {
                    // A segment without the doc values, or a document merged in from one (no value): the stored id.
                    ids.Add(Guid.Parse(segment.Document(doc).Get(SearchFields.Id)));
                }
            }
        }
        return ids;
    }

    public static async Task<Results<Ok<IndexStatusResponse>, ProblemHttpResult>> IndexStatus(SearchIndex index, AtsDbContext db, CancellationToken ct)
    {
        if (!index.IsOpen)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, type: ProblemTypes.IndexNotReady,
                title: "Search index not ready", detail: "The search index is being built.");
        }
        var (segments, threads) = (0, 1);
        var inIndex = index.Search(searcher =>
        {
            segments = searcher.IndexReader.Leaves.Count;
            threads = (searcher as SlicedIndexSearcher)?.SliceCount ?? 1;
            return LiveIds(searcher.IndexReader);
        });
        var inDb = (await db.Candidates.AsNoTracking().Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var missing = inDb.Except(inIndex).ToList();
        var extra = inIndex.Except(inDb).ToList();
        return TypedResults.Ok(new IndexStatusResponse(inIndex.Count, await index.LagAsync(db, ct), index.Cursor.TransactionId, index.Cursor.Id,
            inDb.Count, missing.Count, extra.Count, missing.Take(100).ToList(), extra.Take(100).ToList())
        {
            Schema = index.CurrentSchema,
            Rebuilding = index.IsRebuilding,
            Segments = segments,
            SearchThreads = threads,
            LastRebuildError = index.LastRebuildFailure?.Reason,
            LastRebuildFailedAt = index.LastRebuildFailure?.At,
        });
    }

    public static Results<Accepted<object>, ProblemHttpResult> RebuildIndex(SearchIndex index, ILoggerFactory logs, IHostApplicationLifetime lifetime)
    {
        // Runs in the background: the old index answers searches until the new one is swapped in.
        if (!index.TryStartRebuild(logs.CreateLogger("Search"), lifetime.ApplicationStopping))
        {
            return Problems.Conflict("A rebuild is already running; see /admin/search/status.");
        }
        return TypedResults.Accepted("/admin/search/status", (object)new { message = "Rebuild started; the current index keeps answering until it is done." });
    }
}
