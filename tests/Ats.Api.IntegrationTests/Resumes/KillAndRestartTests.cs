using System.Net.Http.Json;
using Ats.Api.Auth;
using Ats.Api.IntegrationTests.Infrastructure;
using Ats.Api.Resumes;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.IntegrationTests.Resumes;

/// <summary>The service killed with SIGKILL while it extracts, then started again: nothing lost, nothing orphaned, the queue finishes.</summary>
[Collection(ApiCollection.Name)]
public sealed class KillAndRestartTests(ApiFixture api)
{
    private static readonly string[] Files =
    [
        "pdfpig/issue_671.pdf", "tika/testPDF_protected.pdf", "tika/testWORD.doc", "tika/testWORD_various.docx", "tika/testRTFVarious.rtf",
        "tika/testPDF_bad_page_303226.pdf", "tika/testOpenOffice2.odt", "tika/testPDF.pdf", "tika/testException1.doc", "tika/russian.cp866.txt",
    ];

    [Fact]
    public async Task Killing_the_service_during_extraction_loses_nothing_and_a_restart_finishes_the_queue()
    {
        var key = await api.IssueKeyAsync("kill-test", Role.Recruiter);
        var settings = new Dictionary<string, string>
        {
            ["Extraction__Workers"] = "1",
            ["Extraction__Timeout"] = "00:00:20",
            ["Extraction__LeaseMargin"] = "00:00:01",
        };
        var uploaded = new List<(Guid Candidate, Guid File)>();
        await using (var first = await ServiceProcess.StartAsync(api, settings))
        {
            var client = first.Client(key);
            foreach (var name in Files)
            {
                var candidate = await client.CreateCandidateAsync("Убитов", Path.GetFileName(name));
                var parts = name.Split('/');
                var file = await client.UploadFileAsync(candidate.Id, await File.ReadAllBytesAsync(TestFiles.Get(parts[0], parts[1])), parts[1]);
                uploaded.Add((candidate.Id, file.Id));
            }
            first.Kill();
        }

        await using (var db = api.NewDbContext())
        {
            var ids = uploaded.Select(u => u.File).ToList();
            Assert.Equal(Files.Length, await db.Attachments.CountAsync(a => ids.Contains(a.Id)));
            // One worker, ten files and a reader process per file: the kill lands while work is queued or running.
            Assert.True(await db.ExtractionJobs.AnyAsync(j => ids.Contains(j.AttachmentId)), "everything finished before the kill; the test proved nothing");
        }

        await using var second = await ServiceProcess.StartAsync(api, settings);
        var after = second.Client(key);
        foreach (var (candidate, file) in uploaded)
        {
            var done = await after.WaitForExtractionAsync(candidate, file);
            Assert.NotEqual(ExtractionStatus.Pending, done.Extraction.Status);
        }
        await using (var db = api.NewDbContext())
        {
            var ids = uploaded.Select(u => u.File).ToList();
            Assert.False(await db.ExtractionJobs.AnyAsync(j => ids.Contains(j.AttachmentId)));
            Assert.Equal(Files.Length, await db.Attachments.CountAsync(a => ids.Contains(a.Id) && a.ExtractionStatus != ExtractionStatus.Pending));
        }
        var report = (await api.Client(Role.Admin).GetFromJsonAsync<ConsistencyReport>("/admin/files/consistency", ApiClientExtensions.Json))!;
        Assert.DoesNotContain(report.AttachmentsWithoutObject, id => uploaded.Any(u => u.File == id));
        Assert.DoesNotContain(report.OrphanObjects, o => uploaded.Any(u => o.Key.Contains(u.Candidate.ToString("N"), StringComparison.Ordinal)));
    }
}
