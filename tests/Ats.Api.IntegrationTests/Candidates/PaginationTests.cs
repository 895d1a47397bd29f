using System.Net.Http.Json;
using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.Http;
using Ats.Api.IntegrationTests.Infrastructure;

namespace Ats.Api.IntegrationTests.Candidates;

[Collection(ApiCollection.Name)]
public sealed class PaginationTests(ApiFixture api)
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);

    [Fact]
    public async Task Paging_while_others_insert_never_skips_or_repeats_a_candidate()
    {
        var tag = "page" + Guid.NewGuid().ToString("N")[..10];
        var existing = new HashSet<Guid>();
        for (var i = 0; i < 45; i++)
        {
            existing.Add((await _recruiter.CreateCandidateAsync($"Страничный{i}", tags: [tag])).Id);
        }

        using var stop = new CancellationTokenSource();
        var inserted = new List<Guid>();
        var writer = Task.Run(async () =>
        {
            var client = api.Client(Role.Recruiter);
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                inserted.Add((await client.CreateCandidateAsync($"Вставленный{n++}", tags: [tag])).Id);
            }
        });

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/candidates?tag={tag}&limit=7" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = (await _recruiter.GetFromJsonAsync<Page<CandidateListItem>>(url, ApiClientExtensions.Json))!;
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
            pages++;
            // Give the writer room to insert between pages.
            await Task.Delay(20);
        }
        while (cursor is not null && pages < 100);
        await stop.CancelAsync();
        await writer;

        Assert.True(inserted.Count > 0, "the writer inserted nothing while pages were read");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), existing);
        Assert.True(seen.SequenceEqual(seen.OrderByDescending(id => id)), "pages are not in one stable order");
    }

    [Fact]
    public async Task Last_page_has_no_cursor_and_limit_is_respected()
    {
        var tag = "last" + Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 5; i++)
        {
            await _recruiter.CreateCandidateAsync($"Последний{i}", tags: [tag]);
        }
        var first = (await _recruiter.GetFromJsonAsync<Page<CandidateListItem>>($"/candidates?tag={tag}&limit=3", ApiClientExtensions.Json))!;
        Assert.Equal(3, first.Items.Count);
        Assert.NotNull(first.NextCursor);
        var second = (await _recruiter.GetFromJsonAsync<Page<CandidateListItem>>($"/candidates?tag={tag}&limit=3&cursor={first.NextCursor}", ApiClientExtensions.Json))!;
        Assert.Equal(2, second.Items.Count);
        Assert.Null(second.NextCursor);
    }
}
