using System.Net;
using System.Net.Http.Json;
using Ats.Api.Search;

namespace Ats.Api.IntegrationTests.Infrastructure;

public static class SearchClientExtensions
{
    public static async Task<SearchResponse> SearchAsync(this HttpClient client, string query, string extra = "")
    {
        var response = await client.GetAsync($"/search?q={Uri.EscapeDataString(query)}{extra}");
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<SearchResponse>(ApiClientExtensions.Json))!;
    }

    /// <summary>Waits until the index has caught up with the change log (a wait with a generous limit, not a timing assertion).</summary>
    public static async Task WaitForIndexAsync(this HttpClient admin, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var response = await admin.GetAsync("/admin/search/status");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var status = (await response.Content.ReadFromJsonAsync<IndexStatusResponse>(ApiClientExtensions.Json))!;
                if (status.Lag == 0)
                {
                    return;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The search index did not catch up within {timeoutSeconds} s.");
            }
            await Task.Delay(100);
        }
    }
}
