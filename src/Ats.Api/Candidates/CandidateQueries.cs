using Microsoft.EntityFrameworkCore;

namespace Ats.Api.Candidates;

public static class CandidateQueries
{
    /// <summary>
    /// Filters plus the keyset: ids are UUIDv7, so "id below the cursor" walks from newest to oldest, and rows
    /// inserted while a client pages land before its cursor — never skipped, never repeated.
    /// </summary>
    public static IQueryable<Candidate> Matching(this IQueryable<Candidate> query, CandidateFilter f)
    {
        if (f.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }
        if (f.Tag is { } tag)
        {
            query = query.Where(c => c.Tags.Contains(tag));
        }
        if (f.City is { } city)
        {
            var lower = city.ToLower();
            query = query.Where(c => c.City != null && c.City.ToLower() == lower);
        }
        if (f.Source is { } site)
        {
            query = query.Where(c => c.Sources.Any(s => s.Site == site));
        }
        if (f.UpdatedSince is { } since)
        {
            query = query.Where(c => c.UpdatedAt >= since);
        }
        if (f.After is { } after)
        {
            query = query.Where(c => c.Id.CompareTo(after) < 0);
        }
        return query;
    }
}
