using Ats.Api.Data;
using Ats.Api.Http;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.Candidates;

/// <summary>
/// What stays on a merged-away record (an application or file that clashed with one the kept record has, listed in the
/// merge's <c>notMoved</c>) is part of a hidden record: reached by its own id it answers like the record itself,
/// 404 <c>candidate-merged</c> with <c>mergedInto</c>, until the merge is undone.
/// </summary>
public static class MergedCandidates
{
    /// <summary>The candidate the given one was merged into, or null when it is live (or does not exist).</summary>
    public static Task<Guid?> MergedIntoAsync(AtsDbContext db, Guid candidateId, CancellationToken ct) =>
        db.Candidates.IgnoreQueryFilters().Where(c => c.Id == candidateId).Select(c => c.MergedIntoId).SingleOrDefaultAsync(ct);

    /// <summary>What a share lock on a candidate's row found: whether the row is there, and where it was merged to.</summary>
    public readonly record struct Locked(bool Exists, Guid? MergedInto);

    /// <summary>
    /// The candidate's row share-locked until the caller's transaction ends: a merge (which locks both rows for
    /// update) or a deletion either committed before — the answer says so — or waits for this write and then sees it.
    /// Call inside a transaction.
    /// </summary>
    public static async Task<Locked> LockAsync(AtsDbContext db, Guid candidateId, CancellationToken ct)
    {
        var rows = await db.Database
            .SqlQuery<Guid?>($"SELECT merged_into_id AS \"Value\" FROM candidates WHERE id = {candidateId} FOR SHARE")
            .ToListAsync(ct);
        return rows is [var into] ? new Locked(true, into) : new Locked(false, null);
    }

    /// <summary>For a route group under <c>/candidates/{id}</c>: a merged-away candidate's sub-resources answer where it went.</summary>
    public static TBuilder AnswerForMergedCandidates<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            if (context.HttpContext.Request.RouteValues.TryGetValue("id", out var raw) && Guid.TryParse(raw?.ToString(), out var id))
            {
                var db = context.HttpContext.RequestServices.GetRequiredService<AtsDbContext>();
                if (await MergedIntoAsync(db, id, context.HttpContext.RequestAborted) is { } into)
                {
                    return Problems.Merged(into);
                }
            }
            return await next(context);
        });
}
