using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ats.Api.Candidates;
using Ats.Api.Http;
using Ats.Api.Vacancies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Ats.Api.IntegrationTests.Infrastructure;

/// <summary>Intent methods over HTTP: tests read as what a client does.</summary>
public static class ApiClientExtensions
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HttpPlumbing.Configure(options);
        options.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
        return options;
    }

    public static async Task<CandidateResponse> CreateCandidateAsync(this HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/candidates", request, Json);
        await response.ExpectAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<CandidateResponse>(Json))!;
    }

    public static Task<CandidateResponse> CreateCandidateAsync(this HttpClient client, string surname, string? firstName = null, string[]? tags = null, string? city = null) =>
        client.CreateCandidateAsync(new { surname, firstName, tags, city });

    public static async Task<VacancyResponse> CreateVacancyAsync(this HttpClient client, string title = "Java developer", string? department = "IT")
    {
        var response = await client.PostAsJsonAsync("/vacancies", new { title, department }, Json);
        await response.ExpectAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<VacancyResponse>(Json))!;
    }

    public static async Task<ApplicationResponse> CreateApplicationAsync(this HttpClient client, Guid candidateId, Guid vacancyId, string? stage = null)
    {
        var response = await client.PostAsJsonAsync("/applications", new { candidateId, vacancyId, stage }, Json);
        await response.ExpectAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<ApplicationResponse>(Json))!;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    public static async Task<ProblemDetails> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>(Json))!;
    }

    public static async Task<Dictionary<string, string[]>> ReadValidationErrorsAsync(this HttpResponseMessage response)
    {
        await response.ExpectAsync(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Json))!;
        Assert.Equal(ProblemTypes.Validation, problem.Type);
        return new Dictionary<string, string[]>(problem.Errors);
    }

    public static async Task ExpectAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}, got {(int)response.StatusCode}: {body}");
        }
    }

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, string json, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/merge-patch+json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }
}
