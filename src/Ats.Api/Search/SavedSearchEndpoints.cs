using System.Security.Claims;
using Ats.Api.Auth;
using Ats.Api.Data;
using Ats.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.Search;

public sealed record SaveSearchRequest(string? Name, string? Q, string? City, List<string>? Tags, string? Source, string? Status, Guid? Vacancy, bool? HasResume);

public sealed record SavedSearchResponse(Guid Id, string Name, string? Q, string? City, IReadOnlyList<string> Tags, string? Source, string? Status,
    Guid? Vacancy, bool? HasResume, DateTimeOffset CreatedAt, DateTimeOffset LastRunAt, int? NewSinceLastRun);

public sealed record SavedSearchRunResponse(SavedSearchResponse Search, SearchResponse Results);

/// <summary>Saved searches belong to the person whose key saved them; nobody else sees them.</summary>
public static class SavedSearchEndpoints
{
    public static IEndpointRouteBuilder MapSavedSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/search/saved").WithTags("Search").RequireAuthorization(Policies.ReadRecruiting);
        group.MapGet("/", ListSavedSearches);
        group.MapPost("/", SaveSearch);
        group.MapPost("/{id:guid}/run", RunSavedSearch);
        group.MapDelete("/{id:guid}", DeleteSavedSearch);
        return app;
    }

    public static async Task<Results<Created<SavedSearchResponse>, ValidationProblem, ProblemHttpResult>> SaveSearch(
        SaveSearchRequest request, AtsDbContext db, SearchQueryParser parser, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = Candidates.CandidateValidation.Text("name", request.Name, 200, errors);
        if (name is null && string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add("name", "Required.");
        }
        var city = Candidates.CandidateValidation.Text("city", request.City, Candidates.CandidateProfile.CityMax, errors);
        var tags = new List<string>();
        if (request.Tags is { Count: > SearchEndpoints.MaxTags })
        {
            errors.Add("tags", $"At most {SearchEndpoints.MaxTags} tags.");
        }
        else
        {
            for (var i = 0; i < (request.Tags?.Count ?? 0); i++)
            {
                var tag = Candidates.CandidateValidation.Text($"tags[{i}]", request.Tags![i], Candidates.CandidateProfile.TagMax, errors);
                if (tag is null)
                {
                    errors.Add($"tags[{i}]", "Empty tag.");
                }
                else
                {
                    tags.Add(tag.ToLowerInvariant());
                }
            }
        }
        if (!string.IsNullOrWhiteSpace(request.Source) && !JsonEnum.TryParse<Candidates.SourceSite>(request.Source, out _))
        {
            errors.Add("source", $"Must be one of: {JsonEnum.Allowed<Candidates.SourceSite>()}.");
        }
        if (!string.IsNullOrWhiteSpace(request.Status) && !JsonEnum.TryParse<Candidates.CandidateStatus>(request.Status, out _))
        {
            errors.Add("status", $"Must be one of: {JsonEnum.Allowed<Candidates.CandidateStatus>()}.");
        }
        if (request.Q is { Length: > 2000 })
        {
            errors.Add("q", "At most 2000 characters.");
        }
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            try
            {
                parser.Parse(request.Q);
            }
            catch (SearchQueryException e)
            {
                errors.Add("q", $"{e.Message} (at character {e.Position + 1})");
            }
        }
        if (!errors.IsValid)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        if (await db.SavedSearches.AnyAsync(s => s.Owner == user.Name() && s.Name == name, ct))
        {
            return Problems.Conflict("You already have a saved search with this name.");
        }
        var saved = new SavedSearch(user.Name(), name!, string.IsNullOrWhiteSpace(request.Q) ? null : request.Q, city, tags,
            request.Source?.Trim().ToLowerInvariant(), request.Status?.Trim().ToLowerInvariant(), request.Vacancy, request.HasResume, clock.GetUtcNow());
        db.SavedSearches.Add(saved);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/search/saved/{saved.Id}", From(saved, 0));
    }

    /// <summary>Each saved search with how many of its matches were created since its owner last ran it.</summary>
    public static async Task<Ok<List<SavedSearchResponse>>> ListSavedSearches(AtsDbContext db, SearchService search, ClaimsPrincipal user, CancellationToken ct)
    {
        var saved = await db.SavedSearches.AsNoTracking().Where(s => s.Owner == user.Name()).OrderBy(s => s.Name).ToListAsync(ct);
        var result = new List<SavedSearchResponse>();
        foreach (var s in saved)
        {
            int? fresh;
            try
            {
                fresh = (await search.SearchAsync(Request(s, limit: 1) with { CreatedSince = s.LastRunAt }, ct)).Total;
            }
            catch (Exception e) when (e is SearchQueryException or InvalidOperationException or Lucene.Net.Search.BooleanQuery.TooManyClausesException)
            {
                fresh = null;
            }
            result.Add(From(s, fresh));
        }
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<SavedSearchRunResponse>, ProblemHttpResult>> RunSavedSearch(
        Guid id, int? limit, AtsDbContext db, SearchService search, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var saved = await db.SavedSearches.SingleOrDefaultAsync(s => s.Id == id && s.Owner == user.Name(), ct);
        if (saved is null)
        {
            return Problems.NotFound("Saved search");
        }
        int fresh;
        SearchResponse results;
        try
        {
            fresh = (await search.SearchAsync(Request(saved, 1) with { CreatedSince = saved.LastRunAt }, ct)).Total;
            results = await search.SearchAsync(Request(saved, Math.Clamp(limit ?? 20, 1, 100)), ct);
        }
        catch (SearchQueryException e)
        {
            // The query was valid when saved; a changed synonym list or field set can make it invalid later.
            return Problems.Conflict($"The saved query can no longer be run: {e.Message}");
        }
        var response = From(saved, fresh);
        saved.MarkRun(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new SavedSearchRunResponse(response, results));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteSavedSearch(Guid id, AtsDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var saved = await db.SavedSearches.SingleOrDefaultAsync(s => s.Id == id && s.Owner == user.Name(), ct);
        if (saved is null)
        {
            return Problems.NotFound("Saved search");
        }
        db.SavedSearches.Remove(saved);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static SearchRequest Request(SavedSearch s, int limit) =>
        new(s.Query, s.City, s.Tags, s.Source, s.Status, s.Vacancy, null, s.HasResume, SearchSort.Relevance, limit, null);

    private static SavedSearchResponse From(SavedSearch s, int? fresh) =>
        new(s.Id, s.Name, s.Query, s.City, s.Tags, s.Source, s.Status, s.Vacancy, s.HasResume, s.CreatedAt, s.LastRunAt, fresh);
}
