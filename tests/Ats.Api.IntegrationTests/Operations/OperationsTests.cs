using System.Net;
using System.Net.Http.Json;
using Ats.Api.Auth;
using Ats.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.IntegrationTests.Operations;

[Collection(ApiCollection.Name)]
public sealed class OperationsTests(ApiFixture api)
{
    [Fact]
    public async Task Health_endpoints_answer_without_a_key_and_ready_checks_the_database()
    {
        var client = api.Client(null);
        var live = await client.GetAsync("/health/live");
        await live.ExpectAsync(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        await ready.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Service_refuses_to_start_against_an_unmigrated_database_and_says_to_run_migrate()
    {
        await using var server = new PostgresServer();
        await server.StartAsync();
        using var factory = new AtsApiFactory(server.ConnectionString, new CapturingLoggerProvider());
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Task.FromResult(factory.CreateClient()));
        Assert.Contains("migration", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Openapi_document_and_api_page_are_served_and_describe_the_key_header()
    {
        var client = api.Client(null);
        var document = await client.GetAsync("/openapi/v1.json");
        await document.ExpectAsync(HttpStatusCode.OK);
        var json = await document.Content.ReadAsStringAsync();
        Assert.Contains("X-Api-Key", json);
        Assert.Contains("/candidates/{id}", json);
        await (await client.GetAsync("/scalar/v1")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Checked_in_migrations_match_the_model()
    {
        await using var db = api.NewDbContext();
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run `dotnet ef migrations add <Name> -p src/Ats.Api -o Data/Migrations`.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Personal_data_never_reaches_the_logs()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var surname = "Логов" + marker;
        var email = $"pd{marker}@example.com";
        var phone = "+7 999 " + marker.Where(char.IsAsciiDigit).Concat("0000000").Take(7).Aggregate("", (s, c) => s + c);
        var recruiter = api.Client(Role.Recruiter);

        var candidate = await recruiter.CreateCandidateAsync(new { surname, city = "Город" + marker, emails = new[] { email }, phones = new[] { phone } });
        await recruiter.GetAsync($"/candidates?city=Город{marker}&tag={marker}");
        await recruiter.PatchJsonAsync($"/candidates/{candidate.Id}", $$"""{"summary":"Заметка {{marker}}"}""");
        await recruiter.PostAsJsonAsync($"/candidates/{candidate.Id}/notes", new { kind = "comment", text = "текст " + marker });
        await recruiter.PostAsJsonAsync("/candidates", new { surname, emails = new[] { "broken" + marker } });
        await recruiter.PostAsJsonAsync($"/candidates/{candidate.Id}/contacts", new { kind = "email", value = email });
        await recruiter.PostAsync("/candidates", new StringContent("{\"surname\":\"" + surname + "\",", System.Text.Encoding.UTF8, "application/json"));
        var file = await recruiter.UploadFileAsync(candidate.Id, System.Text.Encoding.UTF8.GetBytes($"{surname}\n{email}\n{phone}\nрезюме {marker}"), $"Резюме {surname}.txt");
        await recruiter.WaitForExtractionAsync(candidate.Id, file.Id);
        await recruiter.GetAsync($"/candidates/{candidate.Id}/files/{file.Id}/content");
        await recruiter.GetAsync($"/search?q={Uri.EscapeDataString(surname + " " + email)}");
        await recruiter.GetAsync($"/search?q={Uri.EscapeDataString("(" + marker)}");

        var lines = api.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("/candidates/{id:guid}/notes", StringComparison.Ordinal));
        var leaks = lines.Where(l => l.Contains(marker, StringComparison.Ordinal) || l.Contains(email, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaks.Count == 0, "Personal data in logs:\n" + string.Join("\n", leaks));
    }
}
