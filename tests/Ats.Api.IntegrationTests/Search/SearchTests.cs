using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ats.Api.Auth;
using Ats.Api.IntegrationTests.Infrastructure;
using Ats.Api.Search;
using Microsoft.AspNetCore.Hosting;

namespace Ats.Api.IntegrationTests.Search;

/// <summary>Search through HTTP over the index this host keeps: freshness, the planted set, filters, rebuilds and errors.</summary>
[Collection(ApiCollection.Name)]
public sealed class SearchTests(ApiFixture api)
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);
    private readonly HttpClient _admin = api.Client(Role.Admin);

    private static string Marker() => "m" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Created_changed_and_archived_candidates_are_reflected_in_search_within_the_indexer_cycle()
    {
        var tag = Marker();
        var candidate = await _recruiter.CreateCandidateAsync(new { surname = "Свежев", firstName = "Олег", city = "Казань", desiredPosition = "Ведущий разработчик 1С", tags = new[] { tag } });
        await _admin.WaitForIndexAsync();
        var found = await _recruiter.SearchAsync("разработчика", $"&tag={tag}");
        Assert.Equal([candidate.Id], found.Items.Select(i => i.Id));
        Assert.Contains(SearchFields.Position, found.Items[0].MatchedFields);

        await (await _recruiter.PatchJsonAsync($"/candidates/{candidate.Id}", """{"desiredPosition":"Аналитик данных"}""")).ExpectAsync(HttpStatusCode.OK);
        await _admin.WaitForIndexAsync();
        Assert.Empty((await _recruiter.SearchAsync("разработчик", $"&tag={tag}")).Items);
        Assert.Single((await _recruiter.SearchAsync("аналитиков", $"&tag={tag}")).Items);
    }

    [Fact]
    public async Task Resume_text_is_searchable_with_word_forms_and_comes_back_with_highlighted_snippets()
    {
        var tag = Marker();
        var candidate = await _recruiter.CreateCandidateAsync(new { surname = "Резюмов", tags = new[] { tag } });
        var file = await _recruiter.UploadFileAsync(candidate.Id,
            Encoding.UTF8.GetBytes("Опыт работы: разрабатывал платёжные сервисы на Kafka и PostgreSQL. Руководил командой из пяти разработчиков."), "cv.txt");
        await _recruiter.WaitForExtractionAsync(candidate.Id, file.Id);
        await _admin.WaitForIndexAsync();

        var result = await _recruiter.SearchAsync("платежных сервисов", $"&tag={tag}");
        var hit = Assert.Single(result.Items);
        Assert.Contains(SearchFields.ResumeText, hit.MatchedFields);
        Assert.Contains(hit.Snippets, s => s.Contains("<em>", StringComparison.Ordinal) && s.Contains("сервисы", StringComparison.Ordinal));
        Assert.Single((await _recruiter.SearchAsync("kafka", $"&tag={tag}&hasResume=true")).Items);
        Assert.Empty((await _recruiter.SearchAsync("kafka", $"&tag={tag}&hasResume=false")).Items);
    }

    [Fact]
    public async Task Snippets_mark_exactly_the_query_words_also_after_the_candidates_own_name_and_respect_phrases()
    {
        var tag = Marker();
        var candidate = await _recruiter.CreateCandidateAsync(new { surname = "Сниппетов", firstName = "Аркадий", tags = new[] { tag } });
        // The own name is taken out of the indexed text; snippets are cut from the stored original by the indexed offsets.
        const string text = "Сниппетов Аркадий, Москва. Аркадий настраивал мониторинг и алертинг, вёл миграцию в облако. "
            + "Облако тегов и миграция птиц здесь ни при чём.";
        var file = await _recruiter.UploadFileAsync(candidate.Id, Encoding.UTF8.GetBytes(text), "cv.txt");
        await _recruiter.WaitForExtractionAsync(candidate.Id, file.Id);
        await _admin.WaitForIndexAsync();

        var hit = Assert.Single((await _recruiter.SearchAsync("алертинг \"миграцию в облако\"", $"&tag={tag}")).Items);
        var snippet = Assert.Single(hit.Snippets);
        Assert.Contains(snippet.Replace("<em>", "", StringComparison.Ordinal).Replace("</em>", "", StringComparison.Ordinal), text, StringComparison.Ordinal);
        var marked = System.Text.RegularExpressions.Regex.Matches(snippet, "<em>(.*?)</em>").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("алертинг", marked);
        Assert.Contains(marked, m => m.StartsWith("миграцию", StringComparison.Ordinal));
        // Words of the phrase are marked where the phrase is, not elsewhere.
        Assert.DoesNotContain("Облако", marked);
        Assert.DoesNotContain("миграция", marked);
        Assert.DoesNotContain(marked, m => m.Contains("Аркадий", StringComparison.Ordinal) || m.Contains("Сниппетов", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_and_facets_follow_the_query()
    {
        var tag = Marker();
        await _recruiter.CreateCandidateAsync(new { surname = "Фасетов", city = "Казань", desiredPosition = "Java developer", tags = new[] { tag }, source = new { site = "hh" } });
        await _recruiter.CreateCandidateAsync(new { surname = "Фасетова", city = "Москва", desiredPosition = "Java developer", tags = new[] { tag }, source = new { site = "linkedin" } });
        await _recruiter.CreateCandidateAsync(new { surname = "Фасетин", city = "Москва", desiredPosition = "Бухгалтер", tags = new[] { tag } });
        await _admin.WaitForIndexAsync();

        var java = await _recruiter.SearchAsync("java", $"&tag={tag}&facets=true");
        Assert.Empty((await _recruiter.SearchAsync("java", $"&tag={tag}")).Facets.City);
        Assert.Equal(2, java.Total);
        Assert.Equal([("казань", 1), ("москва", 1)], java.Facets.City.Select(f => (f.Value, f.Count)).Order());
        Assert.Equal([("hh", 1), ("linkedin", 1)], java.Facets.Source.Select(f => (f.Value, f.Count)).Order());
        Assert.Single((await _recruiter.SearchAsync("java", $"&tag={tag}&city=Москва")).Items);
        Assert.Single((await _recruiter.SearchAsync("java", $"&tag={tag}&source=hh")).Items);
        Assert.Equal(3, (await _recruiter.SearchAsync("", $"&tag={tag}")).Total);
    }

    [Fact]
    public async Task Pages_by_cursor_never_repeat_and_cover_every_match()
    {
        var tag = Marker();
        for (var i = 0; i < 7; i++)
        {
            await _recruiter.CreateCandidateAsync(new { surname = $"Страницын{i}", desiredPosition = "Go developer", tags = new[] { tag } });
        }
        await _admin.WaitForIndexAsync();
        foreach (var sort in new[] { "relevance", "updated" })
        {
            var seen = new List<Guid>();
            string? cursor = null;
            do
            {
                var page = await _recruiter.SearchAsync("go developer", $"&tag={tag}&limit=3&sort={sort}" + (cursor is null ? "" : $"&cursor={cursor}"));
                seen.AddRange(page.Items.Select(i => i.Id));
                cursor = page.NextCursor;
            }
            while (cursor is not null);
            Assert.Equal(7, seen.Count);
            Assert.Equal(7, seen.Distinct().Count());
        }
    }

    [Theory]
    [InlineData("\"unclosed phrase")]
    [InlineData("(java AND")]
    [InlineData("name:")]
    [InlineData("*ava")]
    public async Task Malformed_query_is_400_with_what_and_where(string query)
    {
        var response = await _recruiter.GetAsync($"/search?q={Uri.EscapeDataString(query)}");
        await response.ExpectAsync(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"q\"", body);
        Assert.Contains("position", body);
    }

    [Fact]
    public async Task Bad_parameters_are_400_and_a_foreign_cursor_is_rejected()
    {
        var errors = await (await _recruiter.GetAsync("/search?q=java&limit=0&sort=name&vacancy=x&hasResume=maybe")).ReadValidationErrorsAsync();
        Assert.Equal(["hasResume", "limit", "sort", "vacancy"], errors.Keys.Order());
        await (await _recruiter.GetAsync("/search?q=java&cursor=bm90LWEtY3Vyc29y")).ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Rebuild_swaps_in_a_fresh_index_while_search_keeps_answering()
    {
        var tag = Marker();
        var candidate = await _recruiter.CreateCandidateAsync(new { surname = "Перестроев", desiredPosition = "Data engineer", tags = new[] { tag } });
        await _admin.WaitForIndexAsync();
        var answering = true;
        var searches = Task.Run(async () =>
        {
            var client = api.Client(Role.Recruiter);
            var failures = 0;
            while (answering)
            {
                var response = await client.GetAsync($"/search?q=engineer&tag={tag}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures++;
                }
            }
            return failures;
        });
        await (await _admin.PostAsync("/admin/search/rebuild", null)).ExpectAsync(HttpStatusCode.Accepted);
        await Task.Delay(1500);
        await _admin.WaitForIndexAsync();
        answering = false;
        Assert.Equal(0, await searches);
        Assert.Equal([candidate.Id], (await _recruiter.SearchAsync("engineer", $"&tag={tag}")).Items.Select(i => i.Id));
        var status = (await _admin.GetFromJsonAsync<IndexStatusResponse>("/admin/search/status", ApiClientExtensions.Json))!;
        Assert.Equal(0, status.MissingFromIndex);
        Assert.Equal(0, status.NotInDatabase);
    }

    [Fact]
    public async Task A_lost_index_folder_is_rebuilt_on_start_without_help()
    {
        var tag = Marker();
        var candidate = await _recruiter.CreateCandidateAsync(new { surname = "Потерянный", desiredPosition = "Scala developer", tags = new[] { tag } });
        var folder = Path.Combine(Path.GetTempPath(), "ats-it-lost-" + Guid.NewGuid().ToString("N"));
        using var cleanup = new TemporaryFolder(folder);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "current"), "gen-that-does-not-exist");
        using var fresh = new AtsApiFactory(api.ConnectionString, new CapturingLoggerProvider(), api.S3,
            b => b.UseSetting("Search:IndexPath", folder));
        var client = fresh.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await api.IssueKeyAsync("lost-index", Role.Admin));
        await client.WaitForIndexAsync();
        Assert.Equal([candidate.Id], (await client.SearchAsync("scala", $"&tag={tag}")).Items.Select(i => i.Id));
    }

    // An index folder whose generation was written before layouts were recorded: the same commit without the schema
    // entry. Returns the folder, the old generation's name and an admin key.
    private async Task<(string Folder, string Generation, string Key)> OldLayoutIndexAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ats-it-schema-" + Guid.NewGuid().ToString("N"));
        var key = await api.IssueKeyAsync("old-index", Role.Admin);
        string generation;
        using (var first = new AtsApiFactory(api.ConnectionString, new CapturingLoggerProvider(), api.S3, b => b.UseSetting("Search:IndexPath", folder)))
        {
            var client = first.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            await client.WaitForIndexAsync();
            generation = (await File.ReadAllTextAsync(Path.Combine(folder, "current"))).Trim();
        }
        using (var directory = Lucene.Net.Store.FSDirectory.Open(Path.Combine(folder, generation)))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory,
                   new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, SearchAnalyzers.Create()) { OpenMode = Lucene.Net.Index.OpenMode.APPEND }))
        {
            writer.SetCommitData(writer.CommitData.Where(e => e.Key != "schema").ToDictionary(e => e.Key, e => e.Value));
            writer.Commit();
        }
        return (folder, generation, key);
    }

    private static Task<IndexStatusResponse> WaitForCurrentLayoutAsync(HttpClient admin) =>
        WaitForStatusAsync(admin, status => !status.Rebuilding && status.Schema == SearchIndex.Schema);

    /// <summary>The index status once <paramref name="reached"/> holds, or the last one after a minute.</summary>
    private static async Task<IndexStatusResponse> WaitForStatusAsync(HttpClient admin, Func<IndexStatusResponse, bool> reached)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        IndexStatusResponse status;
        do
        {
            await Task.Delay(200);
            status = (await admin.GetFromJsonAsync<IndexStatusResponse>("/admin/search/status", ApiClientExtensions.Json))!;
        }
        while (!reached(status) && DateTime.UtcNow < deadline);
        return status;
    }

    [Fact]
    public async Task An_index_of_an_older_layout_keeps_answering_and_is_rebuilt_in_the_background()
    {
        var tag = Marker();
        var candidate = await _recruiter.CreateCandidateAsync(new { surname = "Староформатов", desiredPosition = "Erlang developer", tags = new[] { tag } });
        var (folder, oldGeneration, key) = await OldLayoutIndexAsync();
        using var cleanup = new TemporaryFolder(folder);

        using var second = new AtsApiFactory(api.ConnectionString, new CapturingLoggerProvider(), api.S3, b => b.UseSetting("Search:IndexPath", folder));
        var admin = second.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", key);
        await admin.WaitForIndexAsync();
        // Searches are answered from the old index…
        Assert.Equal([candidate.Id], (await admin.SearchAsync("erlang", $"&tag={tag}")).Items.Select(i => i.Id));
        // …and a new one replaces it without anybody asking.
        var status = await WaitForCurrentLayoutAsync(admin);
        Assert.Equal(SearchIndex.Schema, status.Schema);
        Assert.False(status.Rebuilding);
        Assert.Null(status.LastRebuildError);
        Assert.NotEqual(oldGeneration, (await File.ReadAllTextAsync(Path.Combine(folder, "current"))).Trim());
        Assert.False(Directory.Exists(Path.Combine(folder, oldGeneration)));
        Assert.Equal([candidate.Id], (await admin.SearchAsync("erlang", $"&tag={tag}")).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_failed_background_rebuild_is_reported_and_tried_again()
    {
        var tag = Marker();
        var candidate = await _recruiter.CreateCandidateAsync(new { surname = "Повторов", desiredPosition = "Elixir developer", tags = new[] { tag } });
        var (folder, oldGeneration, key) = await OldLayoutIndexAsync();
        using var cleanup = new TemporaryFolder(folder);
        // Every rebuild's snapshot query fails, as with the database gone, until the test lets them through.
        var failure = new FailSnapshotsUntilReleased();
        var logs = new CapturingLoggerProvider();
        using var second = new AtsApiFactory(api.ConnectionString, logs, api.S3, b => b
            .UseSetting("Search:IndexPath", folder)
            .UseSetting("Search:RebuildRetryInterval", "00:00:01")
            .ConfigureServices(services => services.ConfigureDbContext<Ats.Api.Data.AtsDbContext>(o => o.AddInterceptors(failure))));
        var admin = second.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", key);
        await admin.WaitForIndexAsync();

        // The failure is shown, the old index keeps answering…
        var status = await WaitForStatusAsync(admin, s => s.LastRebuildError is not null);
        Assert.Contains("Simulated loss of the database", status.LastRebuildError);
        Assert.NotNull(status.LastRebuildFailedAt);
        Assert.NotEqual(SearchIndex.Schema, status.Schema);
        Assert.Equal([candidate.Id], (await admin.SearchAsync("elixir", $"&tag={tag}")).Items.Select(i => i.Id));

        // …and once the database answers again, the next try replaces the index.
        failure.Release();
        status = await WaitForCurrentLayoutAsync(admin);
        Assert.True(failure.Failures >= 1);
        Assert.Contains(logs.Lines, l => l.Contains("rebuild failed", StringComparison.Ordinal));
        Assert.Equal(SearchIndex.Schema, status.Schema);
        Assert.Null(status.LastRebuildError);
        Assert.NotEqual(oldGeneration, (await File.ReadAllTextAsync(Path.Combine(folder, "current"))).Trim());
        Assert.Equal([candidate.Id], (await admin.SearchAsync("elixir", $"&tag={tag}")).Items.Select(i => i.Id));
    }

    private sealed class FailSnapshotsUntilReleased : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int _failures;
        private volatile bool _released;

        public int Failures => Volatile.Read(ref _failures);

        public void Release() => _released = true;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!_released && command.CommandText.Contains("pg_snapshot_xmin", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _failures);
                throw new InvalidOperationException("Simulated loss of the database during a rebuild.");
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
