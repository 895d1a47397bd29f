using System.Net;
using System.Net.Http.Json;
using Ats.Api.Auth;
using Ats.Api.IntegrationTests.Infrastructure;
using Ats.Api.Search;

namespace Ats.Api.IntegrationTests.Search;

[Collection(ApiCollection.Name)]
public sealed class SavedSearchTests(ApiFixture api)
{
    private readonly HttpClient _admin = api.Client(Role.Admin);

    [Fact]
    public async Task Saved_search_counts_new_matches_since_its_last_run_and_belongs_to_its_owner()
    {
        var recruiter = api.ClientWithKey(await api.IssueKeyAsync("saver-" + Guid.NewGuid().ToString("N")[..6], Role.Recruiter));
        var tag = "s" + Guid.NewGuid().ToString("N")[..10];
        await recruiter.CreateCandidateAsync(new { surname = "Сохранов", desiredPosition = "Rust developer", tags = new[] { tag } });
        await _admin.WaitForIndexAsync();

        var saved = await recruiter.PostAsJsonAsync("/search/saved", new { name = "Rust " + tag, q = "rust", tags = new[] { tag } });
        await saved.ExpectAsync(HttpStatusCode.Created);
        var search = await saved.ReadAsync<SavedSearchResponse>();

        var first = await (await recruiter.PostAsync($"/search/saved/{search.Id}/run", null)).ReadAsync<SavedSearchRunResponse>();
        Assert.Equal(1, first.Results.Total);

        await recruiter.CreateCandidateAsync(new { surname = "Новиков", desiredPosition = "Senior Rust developer", tags = new[] { tag } });
        await _admin.WaitForIndexAsync();
        var listed = await recruiter.GetFromJsonAsync<List<SavedSearchResponse>>("/search/saved", ApiClientExtensions.Json);
        Assert.Equal(1, Assert.Single(listed!, s => s.Id == search.Id).NewSinceLastRun);

        var second = await (await recruiter.PostAsync($"/search/saved/{search.Id}/run", null)).ReadAsync<SavedSearchRunResponse>();
        Assert.Equal(2, second.Results.Total);
        Assert.Equal(1, second.Search.NewSinceLastRun);
        var after = await recruiter.GetFromJsonAsync<List<SavedSearchResponse>>("/search/saved", ApiClientExtensions.Json);
        Assert.Equal(0, Assert.Single(after!, s => s.Id == search.Id).NewSinceLastRun);

        var other = api.Client(Role.Recruiter);
        await (await other.PostAsync($"/search/saved/{search.Id}/run", null)).ExpectAsync(HttpStatusCode.NotFound);
        var bad = await recruiter.PostAsJsonAsync("/search/saved", new { name = "broken", q = "(rust" });
        Assert.Contains("q", (await bad.ReadValidationErrorsAsync()).Keys);
        await (await recruiter.DeleteAsync($"/search/saved/{search.Id}")).ExpectAsync(HttpStatusCode.NoContent);
    }
}
