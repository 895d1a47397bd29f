using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ats.Api.Auth;
using Ats.Api.Http;
using Ats.Api.IntegrationTests.Infrastructure;

namespace Ats.Api.IntegrationTests.Candidates;

[Collection(ApiCollection.Name)]
public sealed class ValidationTests(ApiFixture api)
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once_by_name()
    {
        var response = await _recruiter.PostAsJsonAsync("/candidates", new
        {
            displayName = "x",
            birthDate = "1990-13-01",
            gender = "unknown",
            salary = new { amount = -1, currency = "рубли" },
            tags = new[] { "ok", "" },
            status = "deleted",
            phones = new[] { "8 999 123-45-67", "позвонить вечером" },
            emails = new[] { "not-an-email" },
            links = new[] { "javascript:alert(1)" },
            summary = new string('a', 20_001),
        });
        var errors = await response.ReadValidationErrorsAsync();
        Assert.Equal(
            ["birthDate", "emails[0]", "gender", "links[0]", "phones[1]", "salary.amount", "salary.currency", "status", "summary", "surname", "tags[1]"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Patch_with_unknown_field_or_wrong_type_is_400_with_the_field_name()
    {
        var candidate = await _recruiter.CreateCandidateAsync("Патчев");
        var unknown = await _recruiter.PatchJsonAsync($"/candidates/{candidate.Id}", """{"phones":["8 999"]}""");
        Assert.Contains("phones", (await unknown.ReadValidationErrorsAsync()).Keys);

        var wrongType = await _recruiter.PatchJsonAsync($"/candidates/{candidate.Id}", """{"tags":"java"}""");
        Assert.Contains("tags", (await wrongType.ReadValidationErrorsAsync()).Keys);

        var removesLastName = await _recruiter.PatchJsonAsync($"/candidates/{candidate.Id}", """{"surname":null}""");
        Assert.Contains("surname", (await removesLastName.ReadValidationErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Malformed_json_is_400_problem_details_not_500()
    {
        var response = await _recruiter.PostAsync("/candidates", new StringContent("{\"surname\": ", Encoding.UTF8, "application/json"));
        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(ProblemTypes.BadRequest, (await response.ReadProblemAsync()).Type);

        var unknownField = await _recruiter.PostAsync("/candidates", new StringContent("{\"surname\":\"А\",\"password\":1}", Encoding.UTF8, "application/json"));
        await unknownField.ExpectAsync(HttpStatusCode.BadRequest);

        var patchNotJson = await _recruiter.PatchJsonAsync($"/candidates/{Guid.NewGuid()}", "[1,2]");
        await patchNotJson.ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patch_in_an_unsupported_media_type_is_415()
    {
        var candidate = await _recruiter.CreateCandidateAsync("Медиатипов");
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/candidates/{candidate.Id}")
        {
            Content = new StringContent("city=Kazan", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        var response = await _recruiter.SendAsync(request);
        await response.ExpectAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(ProblemTypes.UnsupportedMediaType, (await response.ReadProblemAsync()).Type);
    }

    [Fact]
    public async Task Vacancy_and_application_validation_names_fields()
    {
        var vacancy = await _recruiter.PostAsJsonAsync("/vacancies", new { title = " ", openedOn = "1980-01-01" });
        Assert.Equal(["openedOn", "title"], (await vacancy.ReadValidationErrorsAsync()).Keys.Order());

        var application = await _recruiter.PostAsJsonAsync("/applications", new { candidateId = Guid.NewGuid(), vacancyId = Guid.NewGuid(), stage = "hired" });
        Assert.Equal(["stage"], (await application.ReadValidationErrorsAsync()).Keys);

        var missing = await _recruiter.PostAsJsonAsync("/applications", new { candidateId = Guid.NewGuid(), vacancyId = Guid.NewGuid() });
        Assert.Equal(["candidateId", "vacancyId"], (await missing.ReadValidationErrorsAsync()).Keys.Order());
    }
}
