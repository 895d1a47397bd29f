using System.Text.Json;

namespace Ats.Api.Candidates;

public sealed record SalaryDto(decimal? Amount, string? Currency);

/// <summary>Profile fields as a client writes them; enums and dates are text so that a wrong value is a field error, not a parse failure.</summary>
public record CandidateProfileInput
{
    public string? Surname { get; init; }
    public string? FirstName { get; init; }
    public string? Patronymic { get; init; }
    public string? DisplayName { get; init; }
    public string? BirthDate { get; init; }
    public string? Gender { get; init; }
    public string? City { get; init; }
    public string? DesiredPosition { get; init; }
    public SalaryDto? Salary { get; init; }
    public string? Summary { get; init; }
    public List<string>? Tags { get; init; }
    public string? Status { get; init; }
}

/// <summary>A new candidate: the profile fields plus the first contacts and, when known, where the person came from.</summary>
public sealed record CreateCandidateRequest : CandidateProfileInput
{
    public List<string>? Phones { get; init; }
    public List<string>? Emails { get; init; }
    public List<string>? Links { get; init; }
    /// <summary>Where the person came from, when known at creation (a job-site résumé, a file, a fair).</summary>
    public AddSourceRequest? Source { get; init; }
}

public sealed record ContactResponse(Guid Id, ContactKind Kind, string Value, string Normalized, string? Extension, LinkSite? Site, DateTimeOffset CreatedAt)
{
    public static ContactResponse From(Contact c) => new(c.Id, c.Kind, c.Raw, c.Normalized, c.Extension, c.Site, c.CreatedAt);
}

public sealed record CandidateResponse(
    Guid Id,
    string? Surname,
    string? FirstName,
    string? Patronymic,
    string DisplayName,
    string? BirthDate,
    Gender? Gender,
    string? City,
    string? DesiredPosition,
    SalaryDto? Salary,
    string? Summary,
    IReadOnlyList<string> Tags,
    CandidateStatus Status,
    IReadOnlyList<ContactResponse> Contacts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? CreatedBy,
    string ETag)
{
    public static CandidateResponse From(Candidate c) => new(c.Id, c.Surname, c.FirstName, c.Patronymic, c.DisplayName,
        c.Birth?.ToString(), c.Gender, c.City, c.DesiredPosition,
        c.SalaryAmount is null && c.SalaryCurrency is null ? null : new SalaryDto(c.SalaryAmount, c.SalaryCurrency?.Trim()),
        c.Summary, c.Tags, c.Status,
        c.Contacts.OrderBy(x => x.Kind).ThenBy(x => x.CreatedAt).Select(ContactResponse.From).ToList(),
        c.CreatedAt, c.UpdatedAt, c.CreatedBy, Http.ETag.Format(c.Version));
}

public sealed record CandidateListItem(Guid Id, string DisplayName, string? City, string? DesiredPosition, CandidateStatus Status,
    IReadOnlyList<string> Tags, DateTimeOffset UpdatedAt);

public sealed record AddContactRequest(string? Kind, string? Value);

public sealed record AddSourceRequest
{
    public string? Site { get; init; }
    public string? ExternalId { get; init; }
    public string? Url { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    /// <summary>The record exactly as the site or file gave it (for hh.ru: the résumé JSON).</summary>
    public JsonElement? Payload { get; init; }
}

public sealed record SourceResponse(Guid Id, Guid CandidateId, SourceSite Site, string? ExternalId, string? Url, DateTimeOffset ReceivedAt,
    JsonElement? Payload, DateTimeOffset CreatedAt, string? CreatedBy)
{
    public static SourceResponse From(SourceRecord s) => new(s.Id, s.CandidateId, s.Site, s.ExternalId, s.Url, s.ReceivedAt,
        s.RawPayload?.RootElement.Clone(), s.CreatedAt, s.CreatedBy);
}

public sealed record AddNoteRequest(string? Kind, string? Text, DateTimeOffset? At);

public sealed record NoteResponse(Guid Id, Guid CandidateId, NoteKind Kind, string Text, string Author, DateTimeOffset At)
{
    public static NoteResponse From(Note n) => new(n.Id, n.CandidateId, n.Kind, n.Text, n.Author, n.CreatedAt);
}
