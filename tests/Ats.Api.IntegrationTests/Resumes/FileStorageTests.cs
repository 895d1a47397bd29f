using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Ats.Api.Auth;
using Ats.Api.Resumes;
using Ats.Api.Resumes.Storage;
using Ats.Api.Resumes.TextExtraction;
using Ats.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ats.Api.IntegrationTests.Resumes;

[Collection(ApiCollection.Name)]
public sealed class FileStorageTests(ApiFixture api)
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);

    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public async Task Upload_is_stored_under_a_content_address_and_downloads_with_its_name_and_an_access_record()
    {
        var candidate = await _recruiter.CreateCandidateAsync("Файлов");
        var bytes = Text("Иванов Иван\nJava, Kafka\nivan.fileov@example.com\n");
        var file = await _recruiter.UploadFileAsync(candidate.Id, bytes, "Резюме Иванова.txt");

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(sha, file.Sha256);
        Assert.Equal(FileFormat.Txt, file.Format);
        await using (var db = api.NewDbContext())
        {
            var row = await db.Attachments.AsNoTracking().SingleAsync(a => a.Id == file.Id);
            Assert.Equal($"candidates/{candidate.Id:N}/{sha}", row.ObjectKey);
            Assert.DoesNotContain("Иванов", row.ObjectKey);
        }
        Assert.True(await api.Factory.Services.GetRequiredService<IFileStore>().ExistsAsync($"candidates/{candidate.Id:N}/{sha}", default));

        var download = await _recruiter.GetAsync($"/candidates/{candidate.Id}/files/{file.Id}/content");
        await download.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/plain", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Резюме Иванова.txt", download.Content.Headers.ContentDisposition?.FileNameStar);

        await using (var db = api.NewDbContext())
        {
            var access = await db.FileAccessLog.AsNoTracking().SingleAsync(r => r.AttachmentId == file.Id);
            Assert.Equal((FileAccessAction.Download, "test-recruiter"), (access.Action, access.UserName));
        }
    }

    [Fact]
    public async Task Same_bytes_uploaded_twice_are_one_attachment_and_one_object()
    {
        var candidate = await _recruiter.CreateCandidateAsync("Дважды");
        var bytes = Text("one résumé, twice " + Guid.NewGuid());
        var first = await _recruiter.UploadFileAsync(candidate.Id, bytes, "cv.txt");
        var again = await _recruiter.UploadAsync(candidate.Id, bytes, "cv-copy.txt");
        await again.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(first.Id, (await again.ReadAsync<AttachmentResponse>()).Id);

        var store = api.Factory.Services.GetRequiredService<IFileStore>();
        var objects = new List<StoredObject>();
        await foreach (var o in store.ListAsync($"candidates/{candidate.Id:N}/", default))
        {
            objects.Add(o);
        }
        Assert.Single(objects);
        var files = await _recruiter.GetFromJsonAsync<List<AttachmentResponse>>($"/candidates/{candidate.Id}/files", ApiClientExtensions.Json);
        Assert.Single(files!);
    }

    [Fact]
    public async Task Declared_name_and_type_are_ignored_and_the_real_format_decides()
    {
        var candidate = await _recruiter.CreateCandidateAsync("Форматов");
        var pdf = await File.ReadAllBytesAsync(TestFiles.Get("tika", "testPDF.pdf"));
        var renamed = await _recruiter.UploadAsync(candidate.Id, pdf, "resume.docx",
            declaredType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        await renamed.ExpectAsync(HttpStatusCode.Created);
        var file = await renamed.ReadAsync<AttachmentResponse>();
        Assert.Equal(FileFormat.Pdf, file.Format);
        Assert.Equal("application/pdf", file.ContentType);

        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52 };
        var photoAsResume = await _recruiter.UploadAsync(candidate.Id, png, "resume.pdf", declaredType: "application/pdf");
        await photoAsResume.ExpectAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("png", (await photoAsResume.ReadProblemAsync()).Detail);
        await (await _recruiter.UploadAsync(candidate.Id, png, "me.png", kind: "photo")).ExpectAsync(HttpStatusCode.Created);

        var garbage = RandomNumberGenerator.GetBytes(4096);
        garbage[0] = 0;
        await (await _recruiter.UploadAsync(candidate.Id, garbage, "cv.pdf", declaredType: "application/pdf")).ExpectAsync(HttpStatusCode.UnsupportedMediaType);

        var empty = await _recruiter.UploadAsync(candidate.Id, [], "empty.docx");
        Assert.Contains("file", (await empty.ReadValidationErrorsAsync()).Keys);

        var wrongKind = await _recruiter.UploadAsync(candidate.Id, Text("x"), "x.txt", kind: "diploma");
        Assert.Contains("kind", (await wrongKind.ReadValidationErrorsAsync()).Keys);
    }

    [Fact]
    public async Task File_over_the_kind_limit_is_413_and_leaves_nothing_behind()
    {
        using var small = new AtsApiFactory(api.ConnectionString, new CapturingLoggerProvider(), api.S3,
            b => b.UseSetting("Attachments:Kinds:Resume:MaxBytes", "1024"));
        var client = small.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await api.IssueKeyAsync("small-limit", Role.Recruiter));
        var candidate = await client.CreateCandidateAsync("Большой");
        var response = await client.UploadAsync(candidate.Id, Text(new string('я', 2000)), "big.txt");
        await response.ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(Ats.Api.Http.ProblemTypes.PayloadTooLarge, (await response.ReadProblemAsync()).Type);
        await AssertNoFilesAsync(candidate.Id);
    }

    [Fact]
    public async Task When_s3_is_down_upload_fails_fast_with_503_and_writes_no_row()
    {
        using var down = new AtsApiFactory(api.ConnectionString, new CapturingLoggerProvider(), null, b =>
        {
            b.UseSetting("Storage:S3:Endpoint", "127.0.0.1:1");
            b.UseSetting("Storage:S3:AccessKey", "x");
            b.UseSetting("Storage:S3:SecretKey", "y");
            b.UseSetting("Storage:S3:Timeout", "00:00:03");
            b.UseSetting("Extraction:Workers", "0");
        });
        var client = down.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await api.IssueKeyAsync("s3-down", Role.Recruiter));
        var candidate = await client.CreateCandidateAsync("Недоступный");
        var response = await client.UploadAsync(candidate.Id, Text("résumé while storage is down"), "cv.txt");
        await response.ExpectAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(Ats.Api.Http.ProblemTypes.StorageUnavailable, (await response.ReadProblemAsync()).Type);
        await AssertNoFilesAsync(candidate.Id);
        await (await client.GetAsync("/health/live")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Replacing_keeps_the_previous_version_and_delete_removes_rows_and_objects()
    {
        var candidate = await _recruiter.CreateCandidateAsync("Версиев");
        var v1 = await _recruiter.UploadFileAsync(candidate.Id, Text("version one " + Guid.NewGuid()), "cv.txt");
        var replaced = await _recruiter.UploadAsync(candidate.Id, Text("version two " + Guid.NewGuid()), "cv-2026.txt", replaces: v1.Id);
        await replaced.ExpectAsync(HttpStatusCode.Created);
        var v2 = await replaced.ReadAsync<AttachmentResponse>();
        Assert.Equal(v1.Id, v2.PreviousVersionId);

        var current = await _recruiter.GetFromJsonAsync<List<AttachmentResponse>>($"/candidates/{candidate.Id}/files", ApiClientExtensions.Json);
        Assert.Equal([v2.Id], current!.Select(f => f.Id));
        var all = await _recruiter.GetFromJsonAsync<List<AttachmentResponse>>($"/candidates/{candidate.Id}/files?includeVersions=true", ApiClientExtensions.Json);
        Assert.NotNull(Assert.Single(all!, f => f.Id == v1.Id).SupersededAt);
        await (await _recruiter.UploadAsync(candidate.Id, Text("v3"), "x.txt", replaces: v1.Id)).ExpectAsync(HttpStatusCode.Conflict);

        await (await _recruiter.DeleteAsync($"/candidates/{candidate.Id}/files/{v2.Id}")).ExpectAsync(HttpStatusCode.NoContent);
        await AssertNoFilesAsync(candidate.Id);
        await (await _recruiter.GetAsync($"/candidates/{candidate.Id}/files/{v2.Id}/content")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Presigned_url_downloads_the_bytes_and_is_recorded()
    {
        var candidate = await _recruiter.CreateCandidateAsync("Ссылкин");
        var bytes = Text("presigned " + Guid.NewGuid());
        var file = await _recruiter.UploadFileAsync(candidate.Id, bytes, "cv.txt");
        var response = await _recruiter.GetAsync($"/candidates/{candidate.Id}/files/{file.Id}/download-url");
        await response.ExpectAsync(HttpStatusCode.OK);
        var link = await response.ReadAsync<DownloadUrlResponse>();
        using var http = new HttpClient();
        Assert.Equal(bytes, await http.GetByteArrayAsync(link.Url));
        await using var db = api.NewDbContext();
        Assert.Contains(await db.FileAccessLog.AsNoTracking().Where(r => r.AttachmentId == file.Id).Select(r => r.Action).ToListAsync(),
            a => a == FileAccessAction.PresignedUrl);
    }

    [Fact]
    public async Task Object_left_by_a_crash_before_its_row_is_reported_and_swept_and_a_lost_object_is_reported()
    {
        var store = api.Factory.Services.GetRequiredService<IFileStore>();
        var candidate = await _recruiter.CreateCandidateAsync("Сиротин");
        // The state a process killed between the object write and the row insert leaves behind.
        var orphanBytes = Text("orphan " + Guid.NewGuid());
        var orphanKey = $"candidates/{candidate.Id:N}/{Convert.ToHexStringLower(SHA256.HashData(orphanBytes))}";
        await store.PutAsync(orphanKey, new MemoryStream(orphanBytes), orphanBytes.Length, "text/plain", default);
        // And a row whose object vanished behind our back.
        var lost = await _recruiter.UploadFileAsync(candidate.Id, Text("lost " + Guid.NewGuid()), "lost.txt");
        await using (var db = api.NewDbContext())
        {
            await store.DeleteAsync((await db.Attachments.SingleAsync(a => a.Id == lost.Id)).ObjectKey, default);
        }

        var admin = api.Client(Role.Admin);
        var report = (await admin.GetFromJsonAsync<ConsistencyReport>("/admin/files/consistency", ApiClientExtensions.Json))!;
        Assert.Contains(report.OrphanObjects, o => o.Key == orphanKey);
        Assert.Contains(lost.Id, report.AttachmentsWithoutObject);

        // Within the grace period an orphan may be an upload about to write its row: kept.
        var kept = await (await admin.PostAsync("/admin/files/sweep", null)).ReadAsync<SweepReport>();
        Assert.True(await store.ExistsAsync(orphanKey, default));
        Assert.True(kept.KeptInGracePeriod >= 1);

        await using (var db = api.NewDbContext())
        {
            var sweeper = new FileConsistency(db, store, TimeProvider.System, Options.Create(new FileStorageOptions { OrphanGracePeriod = TimeSpan.Zero }));
            var swept = await sweeper.SweepAsync(default);
            Assert.True(swept.Removed >= 1);
        }
        Assert.False(await store.ExistsAsync(orphanKey, default));
        await (await _recruiter.GetAsync($"/candidates/{candidate.Id}/files/{lost.Id}/content")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_while_the_same_bytes_are_uploaded_again_never_leaves_a_row_without_its_object()
    {
        var candidate = await _recruiter.CreateCandidateAsync("Гонкин");
        var bytes = Text("the same résumé " + Guid.NewGuid());
        var second = api.Client(Role.Recruiter);
        for (var i = 0; i < 8; i++)
        {
            var files = await _recruiter.GetFromJsonAsync<List<AttachmentResponse>>($"/candidates/{candidate.Id}/files", ApiClientExtensions.Json);
            var file = files!.SingleOrDefault() ?? await _recruiter.UploadFileAsync(candidate.Id, bytes, "cv.txt");
            await Task.WhenAll(_recruiter.DeleteAsync($"/candidates/{candidate.Id}/files/{file.Id}"), second.UploadAsync(candidate.Id, bytes, "cv.txt"));
        }
        var store = api.Factory.Services.GetRequiredService<IFileStore>();
        await using var db = api.NewDbContext();
        foreach (var row in await db.Attachments.AsNoTracking().Where(a => a.CandidateId == candidate.Id).ToListAsync())
        {
            Assert.True(await store.ExistsAsync(row.ObjectKey, default), "a row lost its object");
        }
    }

    private async Task AssertNoFilesAsync(Guid candidateId)
    {
        await using var db = api.NewDbContext();
        Assert.False(await db.Attachments.AnyAsync(a => a.CandidateId == candidateId));
        var store = api.Factory.Services.GetRequiredService<IFileStore>();
        await foreach (var o in store.ListAsync($"candidates/{candidateId:N}/", default))
        {
            Assert.Fail("Object left behind: " + o.Key);
        }
    }
}
