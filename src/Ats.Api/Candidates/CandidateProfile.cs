namespace Ats.Api.Candidates;

/// <summary>The editable profile of a candidate: what PUT replaces and PATCH changes field by field.</summary>
public sealed record CandidateProfile(
    string? Surname,
    string? FirstName,
    string? Patronymic,
    string? DisplayName,
    PartialDate? BirthDate,
    Gender? Gender,
    string? City,
    string? DesiredPosition,
    decimal? SalaryAmount,
    string? SalaryCurrency,
    string? Summary,
    IReadOnlyList<string> Tags,
    CandidateStatus Status)
{
    public const int NameMax = 100;
    public const int DisplayNameMax = 320;
    public const int CityMax = 100;
    public const int PositionMax = 200;
    public const int SummaryMax = 20_000;
    public const int TagMax = 50;
    public const int TagsMax = 50;

    public string ComposeDisplayName() =>
        string.Join(' ', new[] { Surname, FirstName, Patronymic }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
