using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.IntegrationTests.Infrastructure;
using Ats.Api.Resumes;
using Ats.Api.Resumes.TextExtraction;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.IntegrationTests.Resumes;

[Collection(ApiCollection.Name)]
public sealed class ExtractionQueueTests(ApiFixture api)
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);

    [Fact]
    public async Task Item_of_a_worker_that_died_mid_extraction_is_taken_again_after_its_lease_and_finished_once()
    {
        // An instance without workers, so the test controls who takes the item.
        using var idle = new AtsApiFactory(api.ConnectionString, new CapturingLoggerProvider(), api.S3, b => b.UseSetting("Extraction:Workers", "0"));
        var client = idle.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await api.IssueKeyAsync("queue-test", Role.Recruiter));
        var candidate = await client.CreateCandidateAsync("Очередев");
        var file = await client.UploadFileAsync(candidate.Id, Encoding.UTF8.GetBytes("Резюме: Go, Kubernetes " + Guid.NewGuid()), "cv.txt");

        await using (var db = api.NewDbContext())
        {
            // What a worker killed during extraction leaves: the item claimed under a lease that has not run out.
            // (The shared test host's workers may have taken the item first; they then lose it here, as a worker
            // whose lease runs out does, and their late outcome is dropped.)
            Assert.Equal(1, await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE extraction_jobs SET locked_by = 'dead-worker', locked_until = now() + interval '1 hour', attempts = 3 WHERE attachment_id = {file.Id}"));
        }
        await using (var scope = idle.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<ExtractionQueue>().ProcessNextAsyncFor(file.Id, "live-worker"));
        }
        await using (var db = api.NewDbContext())
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE extraction_jobs SET locked_until = now() - interval '1 second' WHERE attachment_id = {file.Id}");
        }
        await using (var scope = idle.Services.CreateAsyncScope())
        {
            // Taken again now that the lease ran out — by this worker, or by one of the shared test host's, which
            // poll the same queue and may be quicker; either way not by the dead one.
            if (!await scope.ServiceProvider.GetRequiredService<ExtractionQueue>().ProcessNextAsyncFor(file.Id, "live-worker"))
            {
                await using var db = api.NewDbContext();
                var job = await db.ExtractionJobs.AsNoTracking().SingleOrDefaultAsync(j => j.AttachmentId == file.Id);
                Assert.True(job is null || (job.LockedBy != "dead-worker" && job.Attempts > 3), "the item was not taken again after its lease");
            }
        }

        var done = await client.WaitForExtractionAsync(candidate.Id, file.Id);
        Assert.Equal(ExtractionStatus.Extracted, done.Extraction.Status);
        Assert.Contains("Kubernetes", await client.TextAsync(candidate.Id, file.Id));
        await using (var db = api.NewDbContext())
        {
            Assert.False(await db.ExtractionJobs.AnyAsync(j => j.AttachmentId == file.Id));
        }
    }

    [Fact]
    public async Task A_late_outcome_of_a_claim_that_was_taken_over_is_dropped()
    {
        var candidate = await _recruiter.CreateCandidateAsync("Опоздалов");
        var file = await _recruiter.UploadFileAsync(candidate.Id, Encoding.UTF8.GetBytes("Haskell developer " + Guid.NewGuid()), "cv.txt");
        Assert.Equal(ExtractionStatus.Extracted, (await _recruiter.WaitForExtractionAsync(candidate.Id, file.Id)).Extraction.Status);
        // The item queued again and claimed three times: the third claim holds it now, under a lease no worker here will break.
        var jobId = Guid.NewGuid();
        await using (var db = api.NewDbContext())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO extraction_jobs (id, attachment_id, attempts, not_before, locked_until, locked_by, created_at)
                VALUES ({jobId}, {file.Id}, 3, now(), now() + interval '1 hour', 'third-claim', now())
                """);
        }
        using var idle = new AtsApiFactory(api.ConnectionString, new CapturingLoggerProvider(), api.S3, b => b.UseSetting("Extraction:Workers", "0"));
        await using (var scope = idle.Services.CreateAsyncScope())
        {
            // The second claim's worker comes back late with a failure: it is not recorded.
            await scope.ServiceProvider.GetRequiredService<ExtractionQueue>().RecordOutcomeAsync(jobId, file.Id, 2,
                ExtractionOutcome.Failed(FailureReason.Corrupt, "late worker"));
        }
        Assert.Equal(ExtractionStatus.Extracted, (await _recruiter.WaitForExtractionAsync(candidate.Id, file.Id)).Extraction.Status);
        await using (var db = api.NewDbContext())
        {
            Assert.True(await db.ExtractionJobs.AnyAsync(j => j.Id == jobId));
        }
        await using (var scope = idle.Services.CreateAsyncScope())
        {
            // The claim that holds the item records its outcome and ends the item.
            await scope.ServiceProvider.GetRequiredService<ExtractionQueue>().RecordOutcomeAsync(jobId, file.Id, 3,
                ExtractionOutcome.Failed(FailureReason.Corrupt, "current worker"));
        }
        var after = await _recruiter.WaitForExtractionAsync(candidate.Id, file.Id);
        Assert.Equal(ExtractionStatus.Failed, after.Extraction.Status);
        await using (var db = api.NewDbContext())
        {
            Assert.False(await db.ExtractionJobs.AnyAsync(j => j.Id == jobId));
        }
    }

    [Fact]
    public async Task Reextract_queues_the_file_again_and_photos_are_not_read()
    {
        var candidate = await _recruiter.CreateCandidateAsync("Повторов");
        var file = await _recruiter.UploadFileAsync(candidate.Id, Encoding.UTF8.GetBytes("Scala developer " + Guid.NewGuid()), "cv.txt");
        await _recruiter.WaitForExtractionAsync(candidate.Id, file.Id);
        var again = await _recruiter.PostAsync($"/candidates/{candidate.Id}/files/{file.Id}/reextract", null);
        await again.ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal(ExtractionStatus.Extracted, (await _recruiter.WaitForExtractionAsync(candidate.Id, file.Id)).Extraction.Status);

        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var photo = await _recruiter.UploadFileAsync(candidate.Id, png, "me.png", kind: "photo");
        Assert.Equal(ExtractionStatus.NotApplicable, photo.Extraction.Status);
        await (await _recruiter.PostAsync($"/candidates/{candidate.Id}/files/{photo.Id}/reextract", null)).ExpectAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Contacts_found_in_a_resume_are_suggested_not_added_and_can_be_accepted_or_dismissed()
    {
        var candidate = await _recruiter.CreateCandidateAsync(new { surname = "Контактов", phones = new[] { "+7 999 000-00-01" } });
        var resume = """
            Контактов Олег
            Телефон: 8 (999) 000-00-01, +7 912 345-67-89
            E-mail: Oleg.Kontaktov@Example.com
            Telegram: @oleg_kontaktov
            https://hh.ru/resume/00ff00ff00ff
            ИНН 7701234567
            2015 - 2019 ООО «Ромашка»
            """;
        var file = await _recruiter.UploadFileAsync(candidate.Id, Encoding.UTF8.GetBytes(resume), "cv.txt");
        await _recruiter.WaitForExtractionAsync(candidate.Id, file.Id);

        var suggestions = (await _recruiter.GetFromJsonAsync<List<ContactSuggestionResponse>>($"/candidates/{candidate.Id}/contact-suggestions", ApiClientExtensions.Json))!;
        Assert.Equal(
            ["email:oleg.kontaktov@example.com", "link:https://hh.ru/resume/00ff00ff00ff", "link:https://t.me/oleg_kontaktov", "phone:+79123456789"],
            suggestions.Select(s => $"{s.Kind.ToString().ToLowerInvariant()}:{s.Normalized}").Order());
        var current = await _recruiter.GetFromJsonAsync<List<ContactResponse>>($"/candidates/{candidate.Id}/contacts", ApiClientExtensions.Json);
        Assert.Single(current!);

        var phone = suggestions.Single(s => s.Kind == ContactKind.Phone);
        var accepted = await _recruiter.PostAsync($"/candidates/{candidate.Id}/contact-suggestions/{phone.Id}/accept", null);
        await accepted.ExpectAsync(HttpStatusCode.OK);
        var email = suggestions.Single(s => s.Kind == ContactKind.Email);
        await (await _recruiter.PostAsync($"/candidates/{candidate.Id}/contact-suggestions/{email.Id}/dismiss", null)).ExpectAsync(HttpStatusCode.NoContent);
        await (await _recruiter.PostAsync($"/candidates/{candidate.Id}/contact-suggestions/{email.Id}/accept", null)).ExpectAsync(HttpStatusCode.Conflict);

        var after = await _recruiter.GetFromJsonAsync<List<ContactResponse>>($"/candidates/{candidate.Id}/contacts", ApiClientExtensions.Json);
        Assert.Contains(after!, c => c.Normalized == "+79123456789");
        var pending = await _recruiter.GetFromJsonAsync<List<ContactSuggestionResponse>>($"/candidates/{candidate.Id}/contact-suggestions", ApiClientExtensions.Json);
        Assert.Equal(2, pending!.Count);
    }
}
