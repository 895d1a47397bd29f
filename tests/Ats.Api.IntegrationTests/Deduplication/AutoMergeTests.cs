using System.Net;
using System.Net.Http.Json;
using Ats.Api.Auth;
using Ats.Api.Deduplication;
using Ats.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.IntegrationTests.Deduplication;

/// <summary>
/// Automatic merges, on a host of their own with automatic merging on and no worker: the test runs the real
/// <see cref="MatchService"/> on its own candidates only, so no other test's look-alikes are touched.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AutoMergeTests(ApiFixture api)
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);

    private AtsApiFactory Host(string? unmergeWindow = null) => new(api.ConnectionString, new CapturingLoggerProvider(), api.S3, b =>
    {
        b.UseSetting("Deduplication:AutoMerge", "true");
        b.UseSetting("Deduplication:RunWorker", "false");
        if (unmergeWindow is not null)
        {
            b.UseSetting("Deduplication:UnmergeWindow", unmergeWindow);
        }
    });

    private static async Task<MatchPass> ProcessAsync(AtsApiFactory host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MatchService>().ProcessAsync(id, CancellationToken.None);
    }

    private static string Surname() => "Автослиян" + (char)('а' + Random.Shared.Next(0, 20)) + (char)('а' + Random.Shared.Next(0, 20)) + "ов";

    [Fact]
    public async Task Certain_evidence_merges_the_newer_record_into_the_older_one_and_it_can_be_undone()
    {
        using var host = Host();
        var surname = Surname();
        var email = $"{Guid.NewGuid():N}@gmail.com";
        var older = await _recruiter.CreateCandidateAsync(new { surname, firstName = "Иван", patronymic = "Сергеевич", birthDate = "1988-03-02", emails = new[] { email } });
        var newer = await _recruiter.CreateCandidateAsync(new
        {
            surname = Api.Deduplication.Names.Transliteration.ToLatin(surname, Api.Deduplication.Names.TransliterationScheme.Icao9303),
            firstName = "Ivan", birthDate = "1988-03-02", emails = new[] { email.Replace("@", "+hh@", StringComparison.Ordinal) },
        });

        // The shared host's worker may be scoring the same pair at this moment (without merging): a merge that
        // collides with it is a conflict, and the candidate is looked at again — as the worker does.
        MatchPass pass = null!;
        for (var attempt = 0; attempt < 5 && pass?.MergedInto is null; attempt++)
        {
            pass = await ProcessAsync(host, newer.Id);
        }
        Assert.Equal(older.Id, pass.MergedInto);
        await using (var db = api.NewDbContext())
        {
            var merge = await db.Merges.SingleAsync(m => m.MergedId == newer.Id);
            Assert.True(merge.Automatic);
            Assert.Equal(older.Id, merge.KeptId);
            Assert.Equal(MatchService.SystemActor, merge.By);
            Assert.Contains(merge.MatchReasons, r => r.Contains("e-mail", StringComparison.Ordinal));
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == "candidate.auto-merge" && e.SubjectId == older.Id && e.OtherSubjectId == newer.Id));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _recruiter.GetAsync($"/candidates/{newer.Id}")).StatusCode);

        // Undone by a person, and then never merged again on the same evidence.
        var history = await _recruiter.GetFromJsonAsync<List<MergeResponse>>($"/candidates/{older.Id}/merges", ApiClientExtensions.Json);
        var undo = await _recruiter.PostAsJsonAsync($"/merges/{Assert.Single(history!).Id}/undo", new { reason = "shared mailbox" });
        await undo.ExpectAsync(HttpStatusCode.OK);
        Assert.Null((await ProcessAsync(host, newer.Id)).MergedInto);
        Assert.Equal(HttpStatusCode.OK, (await _recruiter.GetAsync($"/candidates/{newer.Id}")).StatusCode);

        // New strong evidence brings the pair back to a person — twice over, it is still never merged silently.
        var phone = $"+7 916 {Random.Shared.Next(100, 999)}-{Random.Shared.Next(10, 99)}-{Random.Shared.Next(10, 99)}";
        foreach (var id in new[] { older.Id, newer.Id })
        {
            (await _recruiter.PostAsJsonAsync($"/candidates/{id}/contacts", new { kind = "phone", value = phone })).EnsureSuccessStatusCode();
        }
        Assert.Null((await ProcessAsync(host, newer.Id)).MergedInto);
        Assert.Null((await ProcessAsync(host, older.Id)).MergedInto);
        await using (var db = api.NewDbContext())
        {
            var (first, second) = DuplicateSuggestion.Order(older.Id, newer.Id);
            var pair = await db.DuplicateSuggestions.SingleAsync(s => s.FirstId == first && s.SecondId == second);
            Assert.Equal(SuggestionState.Pending, pair.State);
            Assert.True(pair.RejectedByPerson);
        }
        Assert.Equal(HttpStatusCode.OK, (await _recruiter.GetAsync($"/candidates/{newer.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_family_mailbox_does_not_merge_two_people()
    {
        using var host = Host();
        var surname = Surname();
        var email = $"{Guid.NewGuid():N}@mail.ru";
        var husband = await _recruiter.CreateCandidateAsync(new { surname, firstName = "Иван", birthDate = "1980", emails = new[] { email } });
        var wife = await _recruiter.CreateCandidateAsync(new { surname = surname + "а", firstName = "Мария", birthDate = "1983", emails = new[] { email } });

        var pass = await ProcessAsync(host, wife.Id);
        Assert.Null(pass.MergedInto);
        await using var db = api.NewDbContext();
        Assert.False(await db.Merges.AnyAsync(m => m.KeptId == husband.Id || m.MergedId == husband.Id));
        Assert.Equal(2, await db.Candidates.CountAsync(c => c.Id == husband.Id || c.Id == wife.Id));
    }

    [Fact]
    public async Task A_merge_older_than_the_window_cannot_be_undone()
    {
        using var host = Host(unmergeWindow: "00:00:00");
        var surname = Surname();
        var a = await _recruiter.CreateCandidateAsync(new { surname, firstName = "Глеб" });
        var b = await _recruiter.CreateCandidateAsync(new { surname, firstName = "Глеб" });
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await api.IssueKeyAsync("window-test", Role.Recruiter));
        var merge = await client.PostAsJsonAsync($"/candidates/{a.Id}/merge", new { otherId = b.Id });
        await merge.ExpectAsync(HttpStatusCode.OK);
        var undo = await client.PostAsJsonAsync($"/merges/{(await merge.ReadAsync<MergeResponse>()).Id}/undo", new { });
        Assert.Equal(HttpStatusCode.Conflict, undo.StatusCode);
        Assert.Contains("UnmergeWindow", (await undo.ReadProblemAsync()).Detail, StringComparison.Ordinal);
    }
}
