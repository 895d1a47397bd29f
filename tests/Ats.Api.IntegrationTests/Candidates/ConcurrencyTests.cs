using System.Net;
using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.Http;
using Ats.Api.IntegrationTests.Infrastructure;

namespace Ats.Api.IntegrationTests.Candidates;

[Collection(ApiCollection.Name)]
public sealed class ConcurrencyTests(ApiFixture api)
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);

    [Fact]
    public async Task Write_with_a_stale_etag_is_412_and_changes_nothing()
    {
        var candidate = await _recruiter.CreateCandidateAsync("Конкурентов", city: "Пермь");
        var first = await _recruiter.PatchJsonAsync($"/candidates/{candidate.Id}", """{"city":"Омск"}""", candidate.ETag);
        await first.ExpectAsync(HttpStatusCode.OK);

        var stale = await _recruiter.PatchJsonAsync($"/candidates/{candidate.Id}", """{"city":"Тула"}""", candidate.ETag);
        await stale.ExpectAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(ProblemTypes.PreconditionFailed, (await stale.ReadProblemAsync()).Type);

        var stalePut = await _recruiter.PutJsonAsync($"/candidates/{candidate.Id}", new { surname = "Конкурентов", city = "Тула" }, candidate.ETag);
        await stalePut.ExpectAsync(HttpStatusCode.PreconditionFailed);

        var current = await (await _recruiter.GetAsync($"/candidates/{candidate.Id}")).ReadAsync<CandidateResponse>();
        Assert.Equal("Омск", current.City);
    }

    [Fact]
    public async Task Of_two_writers_racing_with_the_same_etag_exactly_one_wins()
    {
        var candidate = await _recruiter.CreateCandidateAsync("Гонщиков");
        var clients = Enumerable.Range(0, 6).Select(_ => api.Client(Role.Recruiter)).ToList();
        var responses = await Task.WhenAll(clients.Select((c, i) =>
            c.PatchJsonAsync($"/candidates/{candidate.Id}", $$"""{"city":"Город{{i}}"}""", candidate.ETag)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
    }

    [Fact]
    public async Task Vacancy_and_application_writes_honour_if_match_too()
    {
        var vacancy = await _recruiter.CreateVacancyAsync();
        var candidate = await _recruiter.CreateCandidateAsync("Этагов");
        var application = await _recruiter.CreateApplicationAsync(candidate.Id, vacancy.Id);

        var put = await _recruiter.PutJsonAsync($"/vacancies/{vacancy.Id}", new { title = "Senior Java developer" }, "\"1\"");
        await put.ExpectAsync(HttpStatusCode.PreconditionFailed);

        var stage = new HttpRequestMessage(HttpMethod.Post, $"/applications/{application.Id}/stage")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { stage = "interview" }),
        };
        stage.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await _recruiter.SendAsync(stage)).ExpectAsync(HttpStatusCode.PreconditionFailed);
    }
}
