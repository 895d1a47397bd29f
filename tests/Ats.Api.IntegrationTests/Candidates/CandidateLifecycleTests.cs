using System.Net;
using System.Net.Http.Json;
using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.Http;
using Ats.Api.IntegrationTests.Infrastructure;

namespace Ats.Api.IntegrationTests.Candidates;

[Collection(ApiCollection.Name)]
public sealed class CandidateLifecycleTests(ApiFixture api)
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);

    [Fact]
    public async Task Candidate_is_created_read_replaced_and_patched_with_contacts_sources_and_notes()
    {
        var created = await _recruiter.CreateCandidateAsync(new
        {
            surname = "  Иванов ",
            firstName = "Иван",
            patronymic = "Иванович",
            birthDate = "1990-05",
            gender = "male",
            city = "Казань",
            desiredPosition = "Java developer",
            salary = new { amount = 250000, currency = "RUR" },
            summary = "Kafka, Spring",
            tags = new[] { "Java", "java", "Kafka" },
            phones = new[] { "8 (999) 123-45-67", "+7 999 123 45 67" },
            emails = new[] { "Ivan.Ivanov@Example.com" },
            links = new[] { "https://spb.hh.ru/resume/0a1b2c3d?from=share" },
            source = new { site = "hh", externalId = "0a1b2c3d", url = "https://hh.ru/resume/0a1b2c3d", payload = new { id = "0a1b2c3d", first_name = "Иван" } },
        });

        Assert.Equal("Иванов", created.Surname);
        Assert.Equal("Иванов Иван Иванович", created.DisplayName);
        Assert.Equal("1990-05", created.BirthDate);
        Assert.Equal(Gender.Male, created.Gender);
        Assert.Equal(new SalaryDto(250000, "RUB"), created.Salary);
        Assert.Equal(["java", "kafka"], created.Tags);
        Assert.Equal(CandidateStatus.New, created.Status);
        Assert.Equal("test-recruiter", created.CreatedBy);
        var phone = Assert.Single(created.Contacts, c => c.Kind == ContactKind.Phone);
        Assert.Equal("+79991234567", phone.Normalized);
        Assert.Equal("8 (999) 123-45-67", phone.Value);
        Assert.Contains(created.Contacts, c => c is { Kind: ContactKind.Email, Normalized: "ivan.ivanov@example.com" });
        Assert.Contains(created.Contacts, c => c is { Kind: ContactKind.Link, Site: LinkSite.Hh, Normalized: "https://hh.ru/resume/0a1b2c3d" });

        var get = await _recruiter.GetAsync($"/candidates/{created.Id}");
        await get.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(created.ETag, get.Headers.ETag?.ToString());
        Assert.Equal(created.Id, (await get.ReadAsync<CandidateResponse>()).Id);

        var sources = await _recruiter.GetFromJsonAsync<List<SourceResponse>>($"/candidates/{created.Id}/sources", ApiClientExtensions.Json);
        var source = Assert.Single(sources!);
        Assert.Equal(SourceSite.Hh, source.Site);
        Assert.Equal("Иван", source.Payload!.Value.GetProperty("first_name").GetString());

        var replaced = await _recruiter.PutJsonAsync($"/candidates/{created.Id}",
            new { surname = "Иванов", firstName = "Иван", city = "Москва", status = "active", tags = new[] { "java" } }, created.ETag);
        await replaced.ExpectAsync(HttpStatusCode.OK);
        var afterPut = await replaced.ReadAsync<CandidateResponse>();
        Assert.Equal("Москва", afterPut.City);
        Assert.Null(afterPut.Patronymic);
        Assert.Null(afterPut.Salary);
        Assert.Equal(CandidateStatus.Active, afterPut.Status);
        Assert.NotEqual(created.ETag, afterPut.ETag);
        Assert.Equal(created.Contacts.Select(c => c.Id).Order(), afterPut.Contacts.Select(c => c.Id).Order());

        var patched = await _recruiter.PatchJsonAsync($"/candidates/{created.Id}", """{"patronymic":"Петрович","salary":{"amount":300000,"currency":"USD"},"city":null}""", afterPut.ETag);
        await patched.ExpectAsync(HttpStatusCode.OK);
        var afterPatch = await patched.ReadAsync<CandidateResponse>();
        Assert.Equal("Петрович", afterPatch.Patronymic);
        Assert.Null(afterPatch.City);
        Assert.Equal("Москва", afterPut.City);
        Assert.Equal(new SalaryDto(300000, "USD"), afterPatch.Salary);
        Assert.Equal(CandidateStatus.Active, afterPatch.Status);
        Assert.Equal("Иванов Иван Петрович", afterPatch.DisplayName);

        var note = await _recruiter.PostAsJsonAsync($"/candidates/{created.Id}/notes", new { kind = "call", text = "Договорились о встрече" });
        await note.ExpectAsync(HttpStatusCode.Created);
        var notes = await _recruiter.GetFromJsonAsync<Page<NoteResponse>>($"/candidates/{created.Id}/notes", ApiClientExtensions.Json);
        var stored = Assert.Single(notes!.Items);
        Assert.Equal(NoteKind.Call, stored.Kind);
        Assert.Equal("test-recruiter", stored.Author);
    }

    [Fact]
    public async Task Contacts_are_added_in_normal_form_refused_twice_and_removed()
    {
        var candidate = await _recruiter.CreateCandidateAsync("Петрова", "Анна");
        var added = await _recruiter.PostAsJsonAsync($"/candidates/{candidate.Id}/contacts", new { kind = "phone", value = "+7 (912) 000-11-22 доб. 5" });
        await added.ExpectAsync(HttpStatusCode.Created);
        var contact = await added.ReadAsync<ContactResponse>();
        Assert.Equal("+79120001122", contact.Normalized);
        Assert.Equal("5", contact.Extension);

        var again = await _recruiter.PostAsJsonAsync($"/candidates/{candidate.Id}/contacts", new { kind = "phone", value = "89120001122" });
        await again.ExpectAsync(HttpStatusCode.Conflict);

        var bad = await _recruiter.PostAsJsonAsync($"/candidates/{candidate.Id}/contacts", new { kind = "email", value = "anna at example" });
        Assert.Contains("value", (await bad.ReadValidationErrorsAsync()).Keys);

        var removed = await _recruiter.DeleteAsync($"/candidates/{candidate.Id}/contacts/{contact.Id}");
        await removed.ExpectAsync(HttpStatusCode.NoContent);
        var contacts = await _recruiter.GetFromJsonAsync<List<ContactResponse>>($"/candidates/{candidate.Id}/contacts", ApiClientExtensions.Json);
        Assert.Empty(contacts!);
    }

    [Fact]
    public async Task Same_job_site_record_on_a_second_candidate_is_a_conflict_naming_the_first()
    {
        var externalId = Guid.NewGuid().ToString("N");
        var first = await _recruiter.CreateCandidateAsync(new { surname = "Смирнов", source = new { site = "superjob", externalId } });
        var second = await _recruiter.PostAsJsonAsync("/candidates", new { surname = "Смирнов", firstName = "Олег", source = new { site = "superjob", externalId } });
        await second.ExpectAsync(HttpStatusCode.Conflict);
        var problem = await second.ReadProblemAsync();
        Assert.Equal(ProblemTypes.Conflict, problem.Type);
        Assert.Equal(first.Id.ToString(), problem.Extensions["candidateId"]?.ToString());

        var other = await _recruiter.CreateCandidateAsync("Смирнова");
        var attach = await _recruiter.PostAsJsonAsync($"/candidates/{other.Id}/sources", new { site = "superjob", externalId });
        await attach.ExpectAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Unknown_candidate_is_404_problem_details()
    {
        var response = await _recruiter.GetAsync($"/candidates/{Guid.NewGuid()}");
        await response.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(ProblemTypes.NotFound, (await response.ReadProblemAsync()).Type);

        var note = await _recruiter.PostAsJsonAsync($"/candidates/{Guid.NewGuid()}/notes", new { kind = "comment", text = "x" });
        await note.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task There_is_no_hard_delete_of_a_candidate()
    {
        var candidate = await _recruiter.CreateCandidateAsync("Удаляев");
        var response = await _recruiter.DeleteAsync($"/candidates/{candidate.Id}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        await (await _recruiter.GetAsync($"/candidates/{candidate.Id}")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task List_filters_by_status_tag_city_source_and_update_time()
    {
        var tag = "t" + Guid.NewGuid().ToString("N")[..10];
        var kazan = await _recruiter.CreateCandidateAsync(new { surname = "Казанский", city = "Казань", tags = new[] { tag }, source = new { site = "linkedin" } });
        var moscow = await _recruiter.CreateCandidateAsync(new { surname = "Московский", city = "Москва", tags = new[] { tag }, status = "reserve" });

        async Task<List<Guid>> Ids(string query) =>
            (await _recruiter.GetFromJsonAsync<Page<CandidateListItem>>($"/candidates?tag={tag}&{query}", ApiClientExtensions.Json))!.Items.Select(i => i.Id).ToList();

        Assert.Equal([moscow.Id, kazan.Id], await Ids(""));
        Assert.Equal([kazan.Id], await Ids("city=%D0%BA%D0%B0%D0%B7%D0%B0%D0%BD%D1%8C"));
        Assert.Equal([moscow.Id], await Ids("status=reserve"));
        Assert.Equal([kazan.Id], await Ids("source=linkedin"));
        Assert.Equal([moscow.Id, kazan.Id], await Ids($"updatedSince={Uri.EscapeDataString(kazan.UpdatedAt.AddSeconds(-1).ToString("O"))}"));
        Assert.Empty(await Ids($"updatedSince={Uri.EscapeDataString(moscow.UpdatedAt.AddMinutes(1).ToString("O"))}"));

        var errors = await (await _recruiter.GetAsync("/candidates?status=bogus&limit=0&cursor=%%%&updatedSince=yesterday")).ReadValidationErrorsAsync();
        Assert.Equal(["cursor", "limit", "status", "updatedSince"], errors.Keys.Order());
    }
}
