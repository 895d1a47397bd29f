using Ats.Api.Auth;
using Ats.Api.IntegrationTests.Infrastructure;
using Ats.Api.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.IntegrationTests.Search;

[Collection(ApiCollection.Name)]
public sealed class ChangeLogPruningTests(ApiFixture api)
{
    [Fact]
    public async Task An_instance_whose_changes_were_pruned_away_rebuilds_and_misses_nothing()
    {
        // An instance that builds its index on start and then stops polling: it falls behind the change log.
        using var lagging = new AtsApiFactory(api.ConnectionString, new CapturingLoggerProvider(), api.S3, b =>
        {
            b.UseSetting("Search:PollInterval", "01:00:00");
            b.UseSetting("Extraction:Workers", "0");
        });
        var client = lagging.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await api.IssueKeyAsync("lagging", Role.Admin));
        var index = lagging.Services.GetRequiredService<SearchIndex>();
        while (!index.IsOpen)
        {
            await Task.Delay(100);
        }

        var tag = "prune" + Guid.NewGuid().ToString("N")[..8];
        var candidate = await api.Client(Role.Recruiter).CreateCandidateAsync(new { surname = "Обрезанов", desiredPosition = "Elixir developer", tags = new[] { tag } });
        Assert.Equal(0, (await client.SearchAsync("elixir", $"&tag={tag}")).Total);

        // Another instance prunes everything written so far, including that change.
        Assert.True(await api.Factory.Services.GetRequiredService<SearchIndex>().PruneChangeLogAsync(TimeSpan.Zero, default) > 0);
        await using (var db = api.NewDbContext())
        {
            Assert.False(await db.SearchChanges.AnyAsync(c => c.CandidateId == candidate.Id));
        }

        await index.ApplyChangesAsync(default);
        Assert.Equal([candidate.Id], (await client.SearchAsync("elixir", $"&tag={tag}")).Items.Select(i => i.Id));
    }
}
