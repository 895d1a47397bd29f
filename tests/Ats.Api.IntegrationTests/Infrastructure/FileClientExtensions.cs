using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ats.Api.Resumes;

namespace Ats.Api.IntegrationTests.Infrastructure;

public static class FileClientExtensions
{
    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid candidateId, byte[] content, string fileName,
        string kind = "resume", string declaredType = "application/octet-stream", Guid? replaces = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        form.Add(file, "file", fileName);
        var url = replaces is { } previous
            ? $"/candidates/{candidateId}/files/{previous}/versions"
            : $"/candidates/{candidateId}/files?kind={kind}";
        return client.PostAsync(url, form);
    }

    public static async Task<AttachmentResponse> UploadFileAsync(this HttpClient client, Guid candidateId, byte[] content, string fileName, string kind = "resume")
    {
        var response = await client.UploadAsync(candidateId, content, fileName, kind);
        await response.ExpectAsync(HttpStatusCode.Created);
        return await response.ReadAsync<AttachmentResponse>();
    }

    /// <summary>Waits until the background extraction has decided (not a timing assertion: the limit only stops a hung test).</summary>
    public static async Task<AttachmentResponse> WaitForExtractionAsync(this HttpClient client, Guid candidateId, Guid fileId, int timeoutSeconds = 180)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var file = (await client.GetFromJsonAsync<AttachmentResponse>($"/candidates/{candidateId}/files/{fileId}", ApiClientExtensions.Json))!;
            if (file.Extraction.Status != ExtractionStatus.Pending)
            {
                return file;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Extraction of {file.FileName} did not finish within {timeoutSeconds} s.");
            }
            await Task.Delay(200);
        }
    }

    public static async Task<string?> TextAsync(this HttpClient client, Guid candidateId, Guid fileId) =>
        (await client.GetFromJsonAsync<AttachmentTextResponse>($"/candidates/{candidateId}/files/{fileId}/text", ApiClientExtensions.Json))!.Text;
}
