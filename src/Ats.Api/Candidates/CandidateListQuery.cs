using System.Globalization;
using Ats.Api.Http;

namespace Ats.Api.Candidates;

public sealed record CandidateFilter(CandidateStatus? Status, string? Tag, string? City, SourceSite? Source, DateTimeOffset? UpdatedSince,
    Guid? After, int Limit);

/// <summary>Query string of GET /candidates. Everything arrives as text so that a bad value is a field error.</summary>
public sealed class CandidateListQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public string? Status { get; init; }
    public string? Tag { get; init; }
    public string? City { get; init; }
    public string? Source { get; init; }
    public string? UpdatedSince { get; init; }
    public string? Limit { get; init; }
    public string? Cursor { get; init; }

    public CandidateFilter? Validate(ValidationErrors errors)
    {
        CandidateStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (JsonEnum.TryParse<CandidateStatus>(Status, out var s)) { status = s; }
            else { errors.Add("status", $"Must be one of: {JsonEnum.Allowed<CandidateStatus>()}."); }
        }
        SourceSite? source = null;
        if (!string.IsNullOrWhiteSpace(Source))
        {
            if (JsonEnum.TryParse<SourceSite>(Source, out var s)) { source = s; }
            else { errors.Add("source", $"Must be one of: {JsonEnum.Allowed<SourceSite>()}."); }
        }
        DateTimeOffset? since = null;
        if (!string.IsNullOrWhiteSpace(UpdatedSince))
        {
            if (DateTimeOffset.TryParse(UpdatedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)) { since = d.ToUniversalTime(); }
            else { errors.Add("updatedSince", "Use an ISO 8601 date or date-time, e.g. 2026-01-31 or 2026-01-31T12:00:00Z."); }
        }
        var limit = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(Limit) && (!int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"Must be a whole number from 1 to {MaxLimit}.");
        }
        Guid? after = null;
        if (!string.IsNullOrEmpty(Cursor))
        {
            if (KeysetCursor.TryDecode(Cursor, out var id)) { after = id; }
            else { errors.Add("cursor", "Not a cursor returned by this endpoint."); }
        }
        var tag = Tag?.Trim().ToLowerInvariant();
        var city = City?.Trim();
        if (tag is not null && (tag.Length > CandidateProfile.TagMax || CandidateValidation.HasUnstorableCharacters(tag)))
        {
            errors.Add("tag", "Not a tag (too long or contains control characters).");
        }
        if (city is not null && (city.Length > CandidateProfile.CityMax || CandidateValidation.HasUnstorableCharacters(city)))
        {
            errors.Add("city", "Not a city name (too long or contains control characters).");
        }
        return errors.IsValid
            ? new CandidateFilter(status, string.IsNullOrEmpty(tag) ? null : tag, string.IsNullOrEmpty(city) ? null : city, source, since, after, limit)
            : null;
    }
}
