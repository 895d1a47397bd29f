using System.Net;
using System.Net.Http.Json;
using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.Deduplication;
using Ats.Api.Http;
using Ats.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.IntegrationTests.Deduplication;

/// <summary>
/// Suggestions from the worker, merge with provenance, unmerge, "not the same person" remembered, concurrent merges,
/// automatic merges, the audit trail and the search index following all of it — through the API on real PostgreSQL.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MergeTests(ApiFixture api)
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);
    private readonly HttpClient _admin = api.Client(Role.Admin);

    private static readonly char[] Letters = "бвгдклмнпрстфхцчшщ".ToCharArray();

    /// <summary>A surname no other test uses: «Слияхин» plus random consonant-vowel syllables.</summary>
    private static string Surname() =>
        "Слия" + new string(Enumerable.Range(0, 3).SelectMany(_ => new[] { Letters[Random.Shared.Next(Letters.Length)], "аеиоу"[Random.Shared.Next(5)] }).ToArray()) + "ин";

    private static string Phone() => $"+7 9{Random.Shared.Next(10, 99)} {Random.Shared.Next(100, 999)}-{Random.Shared.Next(10, 99)}-{Random.Shared.Next(10, 99)}";

    private async Task<SuggestionResponse> WaitForSuggestionAsync(Guid a, Guid b, string state = "pending", int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var page = await _recruiter.GetFromJsonAsync<Page<SuggestionResponse>>($"/duplicates/suggestions?candidateId={a}&state={state}", ApiClientExtensions.Json);
            var found = page!.Items.FirstOrDefault(s => (s.First.Id == a && s.Second.Id == b) || (s.First.Id == b && s.Second.Id == a));
            if (found is not null)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < until, $"No {state} suggestion for the pair within {seconds} s");
            await Task.Delay(100);
        }
    }

    private async Task<MergeResponse> MergeAsync(Guid suggestionId, object body)
    {
        var response = await _recruiter.PostAsJsonAsync($"/duplicates/suggestions/{suggestionId}/merge", body);
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.ReadAsync<MergeResponse>();
    }

    [Fact]
    public async Task A_duplicate_from_another_site_becomes_a_suggestion_with_reasons_and_a_merge_moves_everything_with_provenance()
    {
        var surname = Surname();
        var phone = Phone();
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var first = await _recruiter.CreateCandidateAsync(new
        {
            surname, firstName = "Иван", patronymic = "Иванович", birthDate = "1990-05-17", phones = new[] { phone }, tags = new[] { "java" },
            source = new { site = "hh", externalId = Guid.NewGuid().ToString("N")[..16] },
        });
        var second = await _recruiter.CreateCandidateAsync(new
        {
            surname, firstName = "Ваня", city = "Казань", desiredPosition = "Java-разработчик", phones = new[] { "8 (" + digits[1..4] + ") " + digits[4..] },
            emails = new[] { $"{Guid.NewGuid():N}@example.org" }, tags = new[] { "kafka" },
            source = new { site = "superjob", externalId = Guid.NewGuid().ToString("N")[..16] },
        });
        await Ok(await _recruiter.PostAsJsonAsync($"/candidates/{second.Id}/notes", new { kind = "call", text = "Созвонились, ищет удалёнку" }));
        var vacancy = await _recruiter.CreateVacancyAsync("Java developer " + surname);
        var application = await _recruiter.CreateApplicationAsync(second.Id, vacancy.Id);

        var suggestion = await WaitForSuggestionAsync(first.Id, second.Id);
        Assert.Contains(suggestion.Reasons, r => r.Contains("phone", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(suggestion.Reasons, r => r.Contains("diminutive", StringComparison.OrdinalIgnoreCase));
        Assert.True(suggestion.Score > 0);

        var merge = await MergeAsync(suggestion.Id, new { keepId = first.Id, take = new[] { "desiredPosition" }, reason = "one person, hh and SuperJob" });
        Assert.Equal(first.Id, merge.KeptId);
        Assert.Equal(second.Id, merge.MergedId);
        Assert.False(merge.Automatic);
        // Field-level provenance: the kept ФИО is the first record's, the city (empty there) and the position (taken) the second's.
        Assert.Equal(first.Id, merge.FieldSources["surname"]);
        Assert.Equal(first.Id, merge.FieldSources["patronymic"]);
        Assert.Equal(second.Id, merge.FieldSources["city"]);
        Assert.Equal(second.Id, merge.FieldSources["desiredPosition"]);
        Assert.Single(merge.Moved.Sources);
        Assert.Single(merge.Moved.Notes);
        Assert.Single(merge.Moved.Applications);
        Assert.Single(merge.Moved.Contacts); // the e-mail; the phone was already there
        Assert.Contains(merge.NotMoved!, n => n.Contains("contact", StringComparison.Ordinal));

        var kept = await _recruiter.GetFromJsonAsync<CandidateResponse>($"/candidates/{first.Id}", ApiClientExtensions.Json);
        Assert.Equal("Казань", kept!.City);
        Assert.Equal("Иванович", kept.Patronymic);
        Assert.Equal("Java-разработчик", kept.DesiredPosition);
        Assert.Equal(["java", "kafka"], kept.Tags.Order());
        var sources = await _recruiter.GetFromJsonAsync<List<SourceResponse>>($"/candidates/{first.Id}/sources", ApiClientExtensions.Json);
        Assert.Equal(2, sources!.Count);
        var notes = await _recruiter.GetFromJsonAsync<Page<NoteResponse>>($"/candidates/{first.Id}/notes", ApiClientExtensions.Json);
        Assert.Contains(notes!.Items, n => n.Text.Contains("удалёнку", StringComparison.Ordinal));
        var app = await _recruiter.GetAsync($"/applications/{application.Id}");
        Assert.Equal(first.Id, (await app.ReadAsync<Ats.Api.Vacancies.ApplicationResponse>()).CandidateId);

        // The merged record answers where the person went.
        var gone = await _recruiter.GetAsync($"/candidates/{second.Id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var problem = await gone.ReadProblemAsync();
        Assert.Equal(ProblemTypes.CandidateMerged, problem.Type);
        Assert.Equal(first.Id.ToString(), problem.Extensions["mergedInto"]?.ToString());

        // Search follows: one hit for the surname, the kept one, findable by what came from the other record.
        await _admin.WaitForIndexAsync();
        var hits = await _recruiter.SearchAsync($"name:{surname}");
        Assert.Equal([first.Id], hits.Items.Select(h => h.Id));
        var byNote = await _recruiter.SearchAsync($"{surname} удалёнку");
        Assert.Equal([first.Id], byNote.Items.Select(h => h.Id));

        // The kept profile shows where each value came from; the audit trail says who and why.
        var history = await _recruiter.GetFromJsonAsync<List<MergeResponse>>($"/candidates/{first.Id}/merges", ApiClientExtensions.Json);
        Assert.Equal(merge.Id, Assert.Single(history!).Id);
        var provenance = await _recruiter.GetFromJsonAsync<ProvenanceResponse>($"/candidates/{first.Id}/provenance", ApiClientExtensions.Json);
        Assert.Equal(new FieldOrigin(second.Id, merge.Id, false), provenance!.Fields["city"]);
        Assert.Equal(new FieldOrigin(first.Id, null, false), provenance.Fields["patronymic"]);
        Assert.Contains(provenance.Rows, r => r.Kind == "note" && r.FromCandidateId == second.Id && r.MergeId == merge.Id);
        Assert.Contains(provenance.Rows, r => r.Kind == "application" && r.Id == application.Id);
        var audit = await api.Client(Role.Compliance).GetFromJsonAsync<List<AuditEntry>>($"/audit?subjectId={first.Id}", ApiClientExtensions.Json);
        var entry = Assert.Single(audit!, e => e.Action == "candidate.merge");
        Assert.Equal("test-recruiter", entry.Actor);
        Assert.Equal("one person, hh and SuperJob", entry.Reason);
        Assert.Equal(second.Id, entry.OtherSubjectId);

        var decided = await _recruiter.GetFromJsonAsync<SuggestionResponse>($"/duplicates/suggestions/{suggestion.Id}", ApiClientExtensions.Json);
        Assert.Equal("merged", decided!.State);
    }

    [Fact]
    public async Task Unmerge_puts_both_back_as_they_were_and_remembers_they_are_two_people()
    {
        var surname = Surname();
        var email = $"{Guid.NewGuid():N}@example.org";
        var first = await _recruiter.CreateCandidateAsync(new { surname, firstName = "Пётр", emails = new[] { email }, phones = new[] { Phone() } });
        var second = await _recruiter.CreateCandidateAsync(new
        {
            surname, firstName = "Петя", city = "Самара", birthDate = "1985", emails = new[] { email.ToUpperInvariant() }, phones = new[] { Phone() },
            source = new { site = "linkedin", externalId = Guid.NewGuid().ToString("N")[..16] },
        });
        await Ok(await _recruiter.PostAsJsonAsync($"/candidates/{second.Id}/notes", new { kind = "comment", text = "Заметка второго" }));
        var suggestion = await WaitForSuggestionAsync(first.Id, second.Id);
        var merge = await MergeAsync(suggestion.Id, new { keepId = first.Id });
        Assert.Equal(second.Id, merge.FieldSources["city"]);

        // After the merge someone adds a note to the kept person and corrects the birth date.
        await Ok(await _recruiter.PostAsJsonAsync($"/candidates/{first.Id}/notes", new { kind = "comment", text = "После слияния" }));
        await Ok(await _recruiter.PatchJsonAsync($"/candidates/{first.Id}", "{\"birthDate\":\"1986\"}"));

        var undo = await _recruiter.PostAsJsonAsync($"/merges/{merge.Id}/undo", new { reason = "namesakes, different people" });
        await undo.ExpectAsync(HttpStatusCode.OK);
        var undone = await undo.ReadAsync<MergeResponse>();
        Assert.True(undone.Undone);
        Assert.Equal(["birthDate"], undone.LeftAsEdited);
        Assert.Contains(undone.StayedWithKept!, s => s.Contains("note", StringComparison.Ordinal));

        var restored = await _recruiter.GetFromJsonAsync<CandidateResponse>($"/candidates/{second.Id}", ApiClientExtensions.Json);
        Assert.Equal("Самара", restored!.City);
        Assert.Equal("Петя", restored.FirstName);
        Assert.Equal(2, restored.Contacts.Count);
        var secondSources = await _recruiter.GetFromJsonAsync<List<SourceResponse>>($"/candidates/{second.Id}/sources", ApiClientExtensions.Json);
        Assert.Single(secondSources!);
        var secondNotes = await _recruiter.GetFromJsonAsync<Page<NoteResponse>>($"/candidates/{second.Id}/notes", ApiClientExtensions.Json);
        Assert.Equal(["Заметка второго"], secondNotes!.Items.Select(n => n.Text));

        var kept = await _recruiter.GetFromJsonAsync<CandidateResponse>($"/candidates/{first.Id}", ApiClientExtensions.Json);
        Assert.Null(kept!.City); // filled by the merge, back to empty
        Assert.Equal("1986", kept.BirthDate); // edited after the merge: the edit stays
        var firstNotes = await _recruiter.GetFromJsonAsync<Page<NoteResponse>>($"/candidates/{first.Id}/notes", ApiClientExtensions.Json);
        Assert.Equal(["После слияния"], firstNotes!.Items.Select(n => n.Text));

        // Remembered: the pair is "not the same person", and stays so when the worker looks again.
        await WaitForSuggestionAsync(first.Id, second.Id, "not_same_person");
        await Ok(await _recruiter.PatchJsonAsync($"/candidates/{second.Id}", "{\"summary\":\"touch\"}"));
        await WaitForQueueAsync();
        await WaitForSuggestionAsync(first.Id, second.Id, "not_same_person");

        var again = await _recruiter.PostAsJsonAsync($"/merges/{merge.Id}/undo", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var audit = await _admin.GetFromJsonAsync<List<AuditEntry>>($"/audit?subjectId={second.Id}", ApiClientExtensions.Json);
        Assert.Contains(audit!, e => e.Action == "candidate.unmerge" && e.Reason == "namesakes, different people");

        await _admin.WaitForIndexAsync();
        var hits = await _recruiter.SearchAsync($"name:{surname}");
        Assert.Equal(new[] { first.Id, second.Id }.Order(), hits.Items.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Not_the_same_person_is_remembered_until_new_strong_evidence_appears()
    {
        var surname = Surname();
        var first = await _recruiter.CreateCandidateAsync(new { surname, firstName = "Анна", birthDate = "1992", city = "Томск" });
        var second = await _recruiter.CreateCandidateAsync(new { surname, firstName = "Анна", birthDate = "1992", city = "Томск" });
        var suggestion = await WaitForSuggestionAsync(first.Id, second.Id);

        var response = await _recruiter.PostAsJsonAsync($"/duplicates/suggestions/{suggestion.Id}/not-same", new { reason = "тёзки, разные отделы" });
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("not_same_person", (await response.ReadAsync<SuggestionResponse>()).State);

        // A change with no new evidence (another tag) does not bring the pair back.
        await Ok(await _recruiter.PatchJsonAsync($"/candidates/{second.Id}", "{\"tags\":[\"qa\"]}"));
        await WaitForQueueAsync();
        await WaitForSuggestionAsync(first.Id, second.Id, "not_same_person");

        // The same phone on both is new evidence: the pair goes back to a person (never merged silently).
        var phone = Phone();
        await Ok(await _recruiter.PostAsJsonAsync($"/candidates/{first.Id}/contacts", new { kind = "phone", value = phone }));
        await Ok(await _recruiter.PostAsJsonAsync($"/candidates/{second.Id}/contacts", new { kind = "phone", value = phone }));
        var reopened = await WaitForSuggestionAsync(first.Id, second.Id, "pending");
        Assert.Contains(reopened.Reasons, r => r.Contains("phone", StringComparison.OrdinalIgnoreCase));
        var audit = await _admin.GetFromJsonAsync<List<AuditEntry>>($"/audit?subjectId={first.Id}", ApiClientExtensions.Json);
        Assert.Contains(audit!, e => e.Action == "duplicate.not-same-person" && e.Reason == "тёзки, разные отделы");
        Assert.Contains(audit!, e => e.Action == "duplicate.reopened");
    }

    [Fact]
    public async Task Concurrent_merges_of_one_pair_one_wins_the_other_gets_409()
    {
        for (var round = 0; round < 3; round++)
        {
            var surname = Surname();
            var a = await _recruiter.CreateCandidateAsync(new { surname, firstName = "Олег" });
            var b = await _recruiter.CreateCandidateAsync(new { surname, firstName = "Олег" });
            var responses = await Task.WhenAll(
                _recruiter.PostAsJsonAsync($"/candidates/{a.Id}/merge", new { otherId = b.Id }),
                api.Client(Role.Admin).PostAsJsonAsync($"/candidates/{b.Id}/merge", new { otherId = a.Id }));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());

            await using var db = api.NewDbContext();
            var rows = await db.Candidates.IgnoreQueryFilters().Where(c => c.Id == a.Id || c.Id == b.Id).ToListAsync();
            Assert.Single(rows, c => c.MergedIntoId is null);
            Assert.Single(rows, c => c.MergedIntoId is not null);
            Assert.Equal(1, await db.Merges.CountAsync(m => (m.KeptId == a.Id || m.KeptId == b.Id) && m.UndoneAt == null));
        }
    }

    [Fact]
    public async Task What_clashed_and_stayed_on_the_merged_record_answers_where_the_person_went_until_the_merge_is_undone()
    {
        var surname = Surname();
        var kept = await _recruiter.CreateCandidateAsync(new { surname, firstName = "Пётр" });
        var other = await _recruiter.CreateCandidateAsync(new { surname, firstName = "Петя" });
        var vacancy = await _recruiter.CreateVacancyAsync("Analyst " + surname);
        var keptApplication = await _recruiter.CreateApplicationAsync(kept.Id, vacancy.Id);
        var leftApplication = await _recruiter.CreateApplicationAsync(other.Id, vacancy.Id);
        var content = System.Text.Encoding.UTF8.GetBytes("Резюме аналитика " + Guid.NewGuid());
        await _recruiter.UploadFileAsync(kept.Id, content, "cv.txt");
        var leftFile = await _recruiter.UploadFileAsync(other.Id, content, "cv.txt");

        var response = await _recruiter.PostAsJsonAsync($"/candidates/{kept.Id}/merge", new { otherId = other.Id });
        await response.ExpectAsync(HttpStatusCode.OK);
        var merge = await response.ReadAsync<MergeResponse>();
        Assert.Contains(merge.NotMoved!, n => n.Contains("application", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(merge.NotMoved!, n => n.Contains("file", StringComparison.OrdinalIgnoreCase));

        async Task AnswersMerged(HttpResponseMessage answer)
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            var problem = await answer.ReadProblemAsync();
            Assert.Equal(ProblemTypes.CandidateMerged, problem.Type);
            Assert.Equal(kept.Id.ToString(), problem.Extensions["mergedInto"]?.ToString());
        }
        await AnswersMerged(await _recruiter.GetAsync($"/applications/{leftApplication.Id}"));
        await AnswersMerged(await _recruiter.PostAsJsonAsync($"/applications/{leftApplication.Id}/stage", new { stage = "interview" }));
        await AnswersMerged(await _recruiter.DeleteAsync($"/applications/{leftApplication.Id}"));
        await AnswersMerged(await _recruiter.GetAsync($"/candidates/{other.Id}/files"));
        await AnswersMerged(await _recruiter.GetAsync($"/candidates/{other.Id}/files/{leftFile.Id}"));
        await AnswersMerged(await _recruiter.GetAsync($"/candidates/{other.Id}/files/{leftFile.Id}/content"));
        var pipeline = await _recruiter.GetFromJsonAsync<List<Ats.Api.Vacancies.ApplicationResponse>>($"/applications?vacancyId={vacancy.Id}", ApiClientExtensions.Json);
        Assert.Equal([keptApplication.Id], pipeline!.Select(a => a.Id));

        await (await _recruiter.PostAsJsonAsync($"/merges/{merge.Id}/undo", new { reason = "two people" })).ExpectAsync(HttpStatusCode.OK);
        await (await _recruiter.GetAsync($"/applications/{leftApplication.Id}")).ExpectAsync(HttpStatusCode.OK);
        await (await _recruiter.GetAsync($"/candidates/{other.Id}/files/{leftFile.Id}")).ExpectAsync(HttpStatusCode.OK);
        pipeline = await _recruiter.GetFromJsonAsync<List<Ats.Api.Vacancies.ApplicationResponse>>($"/applications?vacancyId={vacancy.Id}", ApiClientExtensions.Json);
        Assert.Equal(new[] { keptApplication.Id, leftApplication.Id }.Order(), pipeline!.Select(a => a.Id).Order());
    }

    [Fact]
    public async Task Bad_merge_requests_are_clear_problems()
    {
        var a = await _recruiter.CreateCandidateAsync(new { surname = Surname(), firstName = "Ян" });
        var self = await _recruiter.PostAsJsonAsync($"/candidates/{a.Id}/merge", new { otherId = a.Id });
        Assert.Contains("otherId", (await self.ReadValidationErrorsAsync()).Keys);
        var badField = await _recruiter.PostAsJsonAsync($"/candidates/{a.Id}/merge", new { otherId = Guid.NewGuid(), take = new[] { "salaryy" } });
        Assert.Contains("take[0]", (await badField.ReadValidationErrorsAsync()).Keys);
        var missing = await _recruiter.PostAsJsonAsync($"/candidates/{a.Id}/merge", new { otherId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _recruiter.PostAsJsonAsync($"/merges/{Guid.NewGuid()}/undo", new { })).StatusCode);
        var badState = await _recruiter.GetAsync("/duplicates/suggestions?state=maybe");
        Assert.Contains("state", (await badState.ReadValidationErrorsAsync()).Keys);
        var badCursor = await _recruiter.GetAsync("/duplicates/suggestions?cursor=zzz");
        Assert.Contains("cursor", (await badCursor.ReadValidationErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Batch_scan_of_the_whole_base_groups_three_spellings_of_one_person_into_one_cluster()
    {
        var surname = Surname();
        var ids = new List<Guid>();
        foreach (var first in new[] { "Александр", "Саша", "Aleksandr" })
        {
            ids.Add((await _recruiter.CreateCandidateAsync(new { surname = first == "Aleksandr" ? Transliterate(surname) : surname, firstName = first, birthDate = "1979", city = "Пермь" })).Id);
        }
        // Another test (the role matrix) may have started a scan; one runs at a time, and a second start is a 409.
        var scan = await _admin.PostAsync("/admin/duplicates/scan", null);
        if (scan.StatusCode == HttpStatusCode.Conflict)
        {
            await WaitForScanAsync();
            scan = await _admin.PostAsync("/admin/duplicates/scan", null);
        }
        await scan.ExpectAsync(HttpStatusCode.Accepted);
        var report = await WaitForScanAsync();
        Assert.True(report.Candidates >= 3, $"scanned {report.Candidates}");
        Assert.True(report.ComparedPairs >= 3);
        var clusters = await _recruiter.GetFromJsonAsync<List<SuggestionCluster>>("/duplicates/clusters?limit=200", ApiClientExtensions.Json);
        var cluster = Assert.Single(clusters!, c => c.Candidates.Any(x => x.Id == ids[0]));
        Assert.Equal(ids.Order(), cluster.Candidates.Select(c => c.Id).Order());
        var status = await _admin.GetFromJsonAsync<DeduplicationStatus>("/admin/duplicates/status", ApiClientExtensions.Json);
        Assert.True(status!.Keys > 0);
        var audit = await _admin.GetFromJsonAsync<List<AuditEntry>>("/audit?action=duplicate.batch-scan", ApiClientExtensions.Json);
        Assert.NotEmpty(audit!);
    }

    private async Task<BatchScanReport> WaitForScanAsync(int seconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var status = await _admin.GetFromJsonAsync<DeduplicationStatus>("/admin/duplicates/status", ApiClientExtensions.Json);
            if (status!.LastScan.State is "finished" or "failed")
            {
                Assert.True(status.LastScan.State == "finished", status.LastScan.Error);
                return status.LastScan;
            }
            Assert.True(DateTime.UtcNow < until, $"Batch scan not finished within {seconds} s ({status.LastScan.Phase})");
            await Task.Delay(200);
        }
    }

    private static string Transliterate(string cyrillic) => Ats.Api.Deduplication.Names.Transliteration.ToLatin(cyrillic, Ats.Api.Deduplication.Names.TransliterationScheme.Icao9303);

    private static async Task Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task WaitForQueueAsync(int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var status = await _admin.GetFromJsonAsync<DeduplicationStatus>("/admin/duplicates/status", ApiClientExtensions.Json);
            if (status!.Queued == 0)
            {
                // The last batch is deleted from the queue before it is processed: give it its moment.
                await Task.Delay(300);
                return;
            }
            Assert.True(DateTime.UtcNow < until, $"Duplicate queue not drained within {seconds} s ({status.Queued} left)");
            await Task.Delay(100);
        }
    }
}
