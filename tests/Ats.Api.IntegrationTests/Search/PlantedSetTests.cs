using System.Net;
using Ats.Api.Auth;
using Ats.Api.IntegrationTests.Infrastructure;

namespace Ats.Api.IntegrationTests.Search;

/// <summary>
/// A planted set of candidates and the recruiter queries that must find exactly the right ones: Russian word forms,
/// ё, surnames against first names, transliterated names, skill synonyms, phrases, boolean logic, field prefixes,
/// contacts in any written form, and deleted candidates never returned.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PlantedSetTests(ApiFixture api) : IAsyncLifetime
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);
    private readonly string _tag = "p" + Guid.NewGuid().ToString("N")[..10];
    private readonly Dictionary<string, Guid> _ids = [];

    public async Task InitializeAsync()
    {
        async Task Plant(string key, object body) => _ids[key] = (await _recruiter.CreateCandidateAsync(body)).Id;
        await Plant("petrova", new { surname = "Петрова", firstName = "Анна", city = "Казань", desiredPosition = "Ведущий разработчик 1С", tags = new[] { _tag },
            summary = "Внедряла 1С:Предприятие и писала отчёты", phones = new[] { "8 (912) 555-01-02" } });
        await Plant("petr", new { surname = "Смирнов", firstName = "Пётр", city = "Москва", desiredPosition = "Java developer", tags = new[] { _tag },
            summary = "Kafka, Kubernetes, PostgreSQL" });
        await Plant("ivan", new { surname = "Кузнецов", firstName = "Иван", city = "Казань", desiredPosition = "Аналитик", tags = new[] { _tag },
            summary = "Разработчики отчётов на Python", emails = new[] { "Ivan.Kuznetsov+cv@gmail.com" } });
        await Plant("shcheglova", new { surname = "Щеглова", firstName = "Мария", city = "Пермь", desiredPosition = "Бухгалтер", tags = new[] { _tag },
            summary = "Ёлочные игрушки: учёт и склад" });
        await Plant("sergey", new { surname = "Orlov", firstName = "Sergey", city = "Минск", desiredPosition = "C# developer", tags = new[] { _tag },
            summary = "ASP.NET Core, k8s, микросервисы" });
        var smirnov = (await _recruiter.CreateCandidateAsync(new { surname = "Смирнов", firstName = "Иван", city = "Тверь", tags = new[] { _tag } })).Id;
        _ids["ivan-smirnov"] = smirnov;
        var cv = await _recruiter.UploadFileAsync(smirnov, System.Text.Encoding.UTF8.GetBytes("Иван Смирнов\nИнженер-технолог, Тверь"), "cv.txt");
        await _recruiter.WaitForExtractionAsync(smirnov, cv.Id);
        await Plant("deleted", new { surname = "Удалёнов", firstName = "Пётр", city = "Казань", desiredPosition = "Java developer", tags = new[] { _tag } });
        await using (var db = api.NewDbContext())
        {
            // What a purge will do: the row goes (and its change row with it, in the same transaction).
            db.Candidates.Remove(await db.Candidates.FindAsync(_ids["deleted"]) ?? throw new InvalidOperationException());
            await db.SaveChangesAsync();
        }
        await api.Client(Role.Admin).WaitForIndexAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string[]> Queries => new()
    {
        { "разработчиков", ["petrova", "ivan"] },
        { "position:разработчиков", ["petrova"] },
        { "елочные", ["shcheglova"] },
        { "ёлочные", ["shcheglova"] },
        { "name:Петров", ["petrova"] },
        { "name:Петровой", ["petrova"] },
        { "name:Пётр", ["petr"] },
        { "name:Иванов", [] },
        { "Иванов", [] },
        { "Смирнов", ["petr", "ivan-smirnov"] },
        { "технолог", ["ivan-smirnov"] },
        { "name:Shcheglova", ["shcheglova"] },
        { "name:Scheglova", ["shcheglova"] },
        { "name:Сергей", ["sergey"] },
        { "name:Орлов", ["sergey"] },
        { "k8s", ["petr", "sergey"] },
        { "kubernetes", ["petr", "sergey"] },
        { "csharp", ["sergey"] },
        { "\"c# developer\"", ["sergey"] },
        { "1С", ["petrova"] },
        { "\"java developer\"", ["petr"] },
        { "«java developer»", ["petr"] },
        { "java OR аналитик", ["petr", "ivan"] },
        { "city:казань", ["petrova", "ivan"] },
        { "city:казань -аналитик", ["petrova"] },
        { "city:казань NOT аналитик", ["petrova"] },
        { "(kafka OR python) city:казань", ["ivan"] },
        { "postgre*", ["petr"] },
        { "kubernets~", ["petr"] },
        { "phone:+79125550102", ["petrova"] },
        { "phone:\"8 912 555 01 02\"", ["petrova"] },
        { "email:ivankuznetsov@gmail.com", ["ivan"] },
        { "email:Ivan.Kuznetsov+cv@gmail.com", ["ivan"] },
        { "удалёнов", [] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Recruiter_query_finds_exactly_the_planted_people(string query, string[] expected)
    {
        var response = await _recruiter.SearchAsync(query, $"&tag={_tag}&limit=50");
        var names = response.Items.Select(i => _ids.Single(kv => kv.Value == i.Id).Key).Order().ToArray();
        Assert.True(expected.Order().SequenceEqual(names), $"{query}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", names)}]");
    }

    [Fact]
    public async Task The_planted_queries_run_on_two_threads_over_slices_of_the_index()
    {
        // The test host slices every index (Search:MinDocumentsToSlice 0, SearchThreads 2), so the planted queries
        // above check the multi-threaded path end to end.
        var status = await (await api.Client(Role.Admin).GetAsync("/admin/search/status")).ReadAsync<Ats.Api.Search.IndexStatusResponse>();
        Assert.True(status.Segments >= 1, $"{status.Segments} segment(s)");
        Assert.Equal(2, status.SearchThreads);
    }

    [Fact]
    public async Task Deleted_candidate_is_gone_from_the_index_too()
    {
        var response = await api.Client(Role.Admin).GetAsync("/admin/search/status");
        await response.ExpectAsync(HttpStatusCode.OK);
        var status = await response.ReadAsync<Ats.Api.Search.IndexStatusResponse>();
        Assert.DoesNotContain(_ids["deleted"], status.ExtraSample);
        Assert.Empty((await _recruiter.SearchAsync("Удалёнов", $"&tag={_tag}")).Items);
    }
}
