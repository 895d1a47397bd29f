using System.Net;
using System.Net.Http.Json;
using Ats.Api.Auth;
using Ats.Api.IntegrationTests.Infrastructure;
using Ats.Api.Vacancies;

namespace Ats.Api.IntegrationTests.Vacancies;

[Collection(ApiCollection.Name)]
public sealed class VacancyAndApplicationTests(ApiFixture api)
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);

    [Fact]
    public async Task Application_moves_through_stages_gets_an_outcome_and_keeps_its_history()
    {
        var vacancy = await _recruiter.CreateVacancyAsync("Senior 1C developer", "ИТ");
        var candidate = await _recruiter.CreateCandidateAsync("Сидоров", "Пётр");
        var application = await _recruiter.CreateApplicationAsync(candidate.Id, vacancy.Id);
        Assert.Equal(ApplicationStage.Sourced, application.Stage);

        var stage = await _recruiter.PostAsJsonAsync($"/applications/{application.Id}/stage", new { stage = "interview", comment = "Technical interview on Friday" });
        await stage.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(ApplicationStage.Interview, (await stage.ReadAsync<ApplicationResponse>()).Stage);

        var outcome = await _recruiter.PostAsJsonAsync($"/applications/{application.Id}/outcome", new { outcome = "rejected", reason = "Not enough Kafka experience" });
        await outcome.ExpectAsync(HttpStatusCode.OK);
        var rejected = await outcome.ReadAsync<ApplicationResponse>();
        Assert.Equal(ApplicationOutcome.Rejected, rejected.Outcome);
        Assert.Equal("Not enough Kafka experience", rejected.OutcomeReason);
        Assert.NotNull(rejected.OutcomeAt);

        var afterOutcome = await _recruiter.PostAsJsonAsync($"/applications/{application.Id}/stage", new { stage = "offer" });
        await afterOutcome.ExpectAsync(HttpStatusCode.Conflict);
        var twice = await _recruiter.PostAsJsonAsync($"/applications/{application.Id}/outcome", new { outcome = "hired" });
        await twice.ExpectAsync(HttpStatusCode.Conflict);

        var reopened = await _recruiter.PostAsJsonAsync($"/applications/{application.Id}/reopen", new { comment = "Rejected by mistake" });
        await reopened.ExpectAsync(HttpStatusCode.OK);
        var hired = await _recruiter.PostAsJsonAsync($"/applications/{application.Id}/outcome", new { outcome = "hired" });
        await hired.ExpectAsync(HttpStatusCode.OK);

        var final = await _recruiter.GetFromJsonAsync<ApplicationResponse>($"/applications/{application.Id}", ApiClientExtensions.Json);
        Assert.Equal(ApplicationOutcome.Hired, final!.Outcome);
        Assert.Equal(
            [ApplicationEventKind.Created, ApplicationEventKind.StageChanged, ApplicationEventKind.OutcomeSet, ApplicationEventKind.Reopened, ApplicationEventKind.OutcomeSet],
            final.History.Select(h => h.Kind));
        Assert.All(final.History, h => Assert.Equal("test-recruiter", h.By));
        Assert.Equal(("sourced", "interview"), (final.History[1].From, final.History[1].To));

        var byCandidate = await _recruiter.GetFromJsonAsync<List<ApplicationResponse>>($"/applications?candidateId={candidate.Id}", ApiClientExtensions.Json);
        Assert.Equal(application.Id, Assert.Single(byCandidate!).Id);
    }

    [Fact]
    public async Task Second_application_to_the_same_vacancy_is_409_with_the_existing_id()
    {
        var vacancy = await _recruiter.CreateVacancyAsync();
        var candidate = await _recruiter.CreateCandidateAsync("Дублев");
        var first = await _recruiter.CreateApplicationAsync(candidate.Id, vacancy.Id);
        var second = await _recruiter.PostAsJsonAsync("/applications", new { candidateId = candidate.Id, vacancyId = vacancy.Id });
        await second.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(first.Id.ToString(), (await second.ReadProblemAsync()).Extensions["applicationId"]?.ToString());
    }

    [Fact]
    public async Task Closing_a_vacancy_records_the_date_and_stops_new_applications()
    {
        var vacancy = await _recruiter.CreateVacancyAsync("Бухгалтер", "Финансы");
        var closed = await _recruiter.PostAsJsonAsync($"/vacancies/{vacancy.Id}/close", new { });
        await closed.ExpectAsync(HttpStatusCode.OK);
        var closedVacancy = await closed.ReadAsync<VacancyResponse>();
        Assert.Equal(VacancyStatus.Closed, closedVacancy.Status);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), closedVacancy.ClosedOn);

        var candidate = await _recruiter.CreateCandidateAsync("Закрытов");
        var apply = await _recruiter.PostAsJsonAsync("/applications", new { candidateId = candidate.Id, vacancyId = vacancy.Id });
        await apply.ExpectAsync(HttpStatusCode.Conflict);

        await (await _recruiter.PostAsJsonAsync($"/vacancies/{vacancy.Id}/close", new { })).ExpectAsync(HttpStatusCode.Conflict);
        var reopened = await _recruiter.PostAsync($"/vacancies/{vacancy.Id}/reopen", null);
        await reopened.ExpectAsync(HttpStatusCode.OK);
        Assert.Null((await reopened.ReadAsync<VacancyResponse>()).ClosedOn);

        var open = await _recruiter.GetFromJsonAsync<List<VacancyResponse>>("/vacancies?status=open", ApiClientExtensions.Json);
        Assert.Contains(open!, v => v.Id == vacancy.Id);
    }

    [Fact]
    public async Task Vacancy_with_applications_cannot_be_deleted_but_an_unused_one_can()
    {
        var used = await _recruiter.CreateVacancyAsync();
        var candidate = await _recruiter.CreateCandidateAsync("Удалёнов");
        var application = await _recruiter.CreateApplicationAsync(candidate.Id, used.Id);
        await (await _recruiter.DeleteAsync($"/vacancies/{used.Id}")).ExpectAsync(HttpStatusCode.Conflict);

        await (await _recruiter.DeleteAsync($"/applications/{application.Id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await _recruiter.DeleteAsync($"/vacancies/{used.Id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await _recruiter.GetAsync($"/vacancies/{used.Id}")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Vacancy_is_edited_with_its_etag()
    {
        var vacancy = await _recruiter.CreateVacancyAsync("Тестировщик");
        var put = await _recruiter.PutJsonAsync($"/vacancies/{vacancy.Id}", new { title = "QA engineer", department = "QA", openedOn = "2026-01-15" }, vacancy.ETag);
        await put.ExpectAsync(HttpStatusCode.OK);
        var edited = await put.ReadAsync<VacancyResponse>();
        Assert.Equal(("QA engineer", "QA", new DateOnly(2026, 1, 15)), (edited.Title, edited.Department, edited.OpenedOn));
    }

    [Fact]
    public async Task Compliance_reads_vacancies_but_cannot_change_them()
    {
        var vacancy = await _recruiter.CreateVacancyAsync();
        var compliance = api.Client(Role.Compliance);
        await (await compliance.GetAsync($"/vacancies/{vacancy.Id}")).ExpectAsync(HttpStatusCode.OK);
        await (await compliance.PostAsJsonAsync($"/vacancies/{vacancy.Id}/close", new { })).ExpectAsync(HttpStatusCode.Forbidden);
    }
}
