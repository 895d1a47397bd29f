using Ats.Api.Data;
using Ats.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Ats.Api.Auth;

public sealed record CreateApiKeyRequest(string? UserName, string? Role);

public sealed record ApiKeyResponse(Guid Id, string UserName, Role Role, string KeyPrefix, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static ApiKeyResponse From(ApiKey k) => new(k.Id, k.UserName, k.Role, k.KeyPrefix, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.RevokedBy);
}

/// <summary>The secret is returned once, at creation; only its hash is kept.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse Key, string Secret);

public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/keys").WithTags("Admin: API keys").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListKeys);
        group.MapPost("/", CreateKey);
        group.MapDelete("/{id:guid}", RevokeKey);
        return app;
    }

    public static async Task<Ok<List<ApiKeyResponse>>> ListKeys(AtsDbContext db, CancellationToken ct)
    {
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(keys.Select(ApiKeyResponse.From).ToList());
    }

    public static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateKey(
        CreateApiKeyRequest request, ApiKeyService keys, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var userName = Candidates.CandidateValidation.Text("userName", request.UserName, 200, errors);
        if (userName is null && string.IsNullOrWhiteSpace(request.UserName))
        {
            errors.Add("userName", "Required.");
        }
        if (!JsonEnum.TryParse<Role>(request.Role, out var role))
        {
            errors.Add("role", $"Must be one of: {JsonEnum.Allowed<Role>()}.");
        }
        if (!errors.IsValid)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        var issued = await keys.IssueAsync(userName!, role, user.Name(), ct);
        return TypedResults.Created($"/admin/keys/{issued.Key.Id}", new CreatedApiKeyResponse(ApiKeyResponse.From(issued.Key), issued.Secret));
    }

    public static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> RevokeKey(
        Guid id, AtsDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        // Serialised with other revocations and the first-start bootstrap, so two admins revoking each other's keys
        // at once cannot leave no admin key.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4242001)", ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return Problems.NotFound("API key");
        }
        if (key.IsActive && key.Role == Role.Admin &&
            !await db.ApiKeys.AnyAsync(k => k.Id != id && k.Role == Role.Admin && k.RevokedAt == null, ct))
        {
            return Problems.Conflict("This is the last active admin key; issue another admin key before revoking it.");
        }
        key.Revoke(clock.GetUtcNow(), user.Name());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(ApiKeyResponse.From(key));
    }
}
