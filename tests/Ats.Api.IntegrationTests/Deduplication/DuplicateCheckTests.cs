using System.Net;
using System.Net.Http.Json;
using Ats.Api.Auth;
using Ats.Api.Deduplication;
using Ats.Api.Deduplication.Matching;
using Ats.Api.IntegrationTests.Infrastructure;

namespace Ats.Api.IntegrationTests.Deduplication;

/// <summary>"Check before you pay": what a recruiter sees on a job site, against the people already in the base.</summary>
[Collection(ApiCollection.Name)]
public sealed class DuplicateCheckTests(ApiFixture api)
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);

    private async Task<DuplicateCheckResponse> Check(object body)
    {
        var response = await _recruiter.PostAsJsonAsync("/duplicates/check", body);
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.ReadAsync<DuplicateCheckResponse>();
    }

    [Fact]
    public async Task Same_job_site_record_is_known_for_certain()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var known = await _recruiter.CreateCandidateAsync(new { surname = "Проверкин", firstName = "Олег", source = new { site = "hh", externalId = id } });
        var result = await Check(new { url = $"https://hh.ru/resume/{id}?from=search", name = "Олег Проверкин" });
        Assert.True(result.ProbablyKnown);
        var match = result.Matches[0];
        Assert.Equal(known.Id, match.CandidateId);
        Assert.Equal(MatchDecision.AutoMerge, match.Decision);
    }

    [Fact]
    public async Task Phone_in_another_format_and_a_diminutive_name_point_to_the_known_person_with_reasons()
    {
        var phone = "+7 912 " + Random.Shared.Next(100, 999) + "-" + Random.Shared.Next(10, 99) + "-" + Random.Shared.Next(10, 99);
        var known = await _recruiter.CreateCandidateAsync(new { surname = "Платежов", firstName = "Александр", patronymic = "Петрович", city = "Казань", phones = new[] { phone } });
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var result = await Check(new { name = "Саша Платежов", city = "Казань", phones = new[] { "8" + digits[1..] } });
        var match = Assert.Single(result.Matches, m => m.CandidateId == known.Id);
        Assert.NotEqual(MatchDecision.Different, match.Decision);
        Assert.Contains(match.Reasons, r => r.Contains("phone", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(match.Reasons, r => r.Contains("diminutive", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Name_in_latin_finds_the_cyrillic_candidate_through_the_index()
    {
        var known = await _recruiter.CreateCandidateAsync(new { surname = "Щегловитова", firstName = "Юлия", city = "Пермь", birthDate = "1991-04-12" });
        await api.Client(Role.Admin).WaitForIndexAsync();
        var result = await Check(new { name = "Iuliia Shcheglovitova", city = "Perm", birthDate = "1991" });
        Assert.Contains(result.Matches, m => m.CandidateId == known.Id);
    }

    [Fact]
    public async Task Unknown_person_is_not_known_and_an_empty_check_is_400()
    {
        var result = await Check(new { name = "Несуществующий Никто", phones = new[] { "+7 900 000-00-00" } });
        Assert.DoesNotContain(result.Matches, m => m.Decision == MatchDecision.AutoMerge);
        var empty = await _recruiter.PostAsJsonAsync("/duplicates/check", new { city = "Москва" });
        Assert.Contains("name", (await empty.ReadValidationErrorsAsync()).Keys);
    }
}
