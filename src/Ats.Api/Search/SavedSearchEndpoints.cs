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
        errors.Required("name", request.Name);
        errors.MaxLength("name", request.Name, 200);
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
        if (await db.SavedSearches.AnyAsync(s => s.Owner == user.Name() && s.Name == request.Name!.Trim(), ct))
        {
            return Problems.Conflict("You already have a saved search with this name.");
        }
        var saved = new SavedSearch(user.Name(), request.Name!.Trim(), request.Q, request.City, request.Tags ?? [], request.Source, request.Status,
            request.Vacancy, request.HasResume, clock.GetUtcNow());
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
            catch (Exception e) when (e is SearchQueryException or InvalidOperationException)
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
        var fresh = (await search.SearchAsync(Request(saved, 1) with { CreatedSince = saved.LastRunAt }, ct)).Total;
        var results = await search.SearchAsync(Request(saved, Math.Clamp(limit ?? 20, 1, 100)), ct);
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
