namespace Ats.Api.Vacancies;

public sealed record VacancyRequest(string? Title, string? Department, string? Description, DateOnly? OpenedOn);

public sealed record CloseVacancyRequest(DateOnly? ClosedOn);

public sealed record VacancyResponse(Guid Id, string Title, string? Department, string? Description, VacancyStatus Status,
    DateOnly OpenedOn, DateOnly? ClosedOn, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string ETag)
{
    public static VacancyResponse From(Vacancy v) => new(v.Id, v.Title, v.Department, v.Description, v.Status, v.OpenedOn, v.ClosedOn,
        v.CreatedAt, v.UpdatedAt, Http.ETag.Format(v.Version));
}

public sealed record CreateApplicationRequest(Guid? CandidateId, Guid? VacancyId, string? Stage);

public sealed record ChangeStageRequest(string? Stage, string? Comment);

public sealed record SetOutcomeRequest(string? Outcome, string? Reason);

public sealed record ReopenApplicationRequest(string? Comment);

public sealed record ApplicationEventResponse(ApplicationEventKind Kind, string? From, string? To, string? Comment, string By, DateTimeOffset At);

public sealed record ApplicationResponse(Guid Id, Guid CandidateId, Guid VacancyId, ApplicationStage Stage, ApplicationOutcome? Outcome,
    string? OutcomeReason, DateTimeOffset CreatedAt, DateTimeOffset StageChangedAt, DateTimeOffset? OutcomeAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ApplicationEventResponse> History, string ETag)
{
    public static ApplicationResponse From(Application a) => new(a.Id, a.CandidateId, a.VacancyId, a.Stage, a.Outcome, a.OutcomeReason,
        a.CreatedAt, a.StageChangedAt, a.OutcomeAt, a.UpdatedAt,
        a.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new ApplicationEventResponse(e.Kind, e.From, e.To, e.Comment, e.By, e.At)).ToList(),
        Http.ETag.Format(a.Version));
}
