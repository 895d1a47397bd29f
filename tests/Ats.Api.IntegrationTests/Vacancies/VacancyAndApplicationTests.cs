using System.Net;
using System.Net.Http.Json;
using Ats.Api.Auth;
using Ats.Api.IntegrationTests.Infrastructure;
using Ats.Api.Vacancies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task An_application_that_races_a_merge_of_its_candidate_is_409_candidate_merged_and_not_saved()
    {
        var vacancy = await _recruiter.CreateVacancyAsync();
        var kept = await _recruiter.CreateCandidateAsync("Слиянов");
        var merged = await _recruiter.CreateCandidateAsync("Слиянов");
        // After the endpoint checked the candidate and before it locks the row, a merge hides it (as MergeService commits it).
        var merge = new MergeBeforeInsert(api.ConnectionString, merged.Id, kept.Id);
        using var host = new AtsApiFactory(api.ConnectionString, new CapturingLoggerProvider(), api.S3, b => b
            .ConfigureServices(services => services.ConfigureDbContext<Ats.Api.Data.AtsDbContext>(o => o.AddInterceptors(merge))));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await api.IssueKeyAsync("race", Role.Recruiter));

        var response = await client.PostAsJsonAsync("/applications", new { candidateId = merged.Id, vacancyId = vacancy.Id });
        await response.ExpectAsync(HttpStatusCode.Conflict);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(Ats.Api.Http.ProblemTypes.CandidateMerged, problem.Type);
        Assert.True(merge.Merged);
        await using var db = api.NewDbContext();
        Assert.False(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Applications, a => a.VacancyId == vacancy.Id));
    }

    private sealed class MergeBeforeInsert(string connectionString, Guid merged, Guid into) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public bool Merged { get; private set; }

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!Merged && command.CommandText.Contains("FOR SHARE", StringComparison.Ordinal))
            {
                Merged = true;
                await using var connection = new Npgsql.NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var update = new Npgsql.NpgsqlCommand("UPDATE candidates SET merged_into_id = @into WHERE id = @merged", connection);
                update.Parameters.AddWithValue("into", into);
                update.Parameters.AddWithValue("merged", merged);
                Assert.Equal(1, await update.ExecuteNonQueryAsync(cancellationToken));
            }
            return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
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
