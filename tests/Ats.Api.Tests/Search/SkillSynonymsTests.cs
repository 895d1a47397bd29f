using Ats.Api.Search.Analysis;
using Ats.Api.Search.QueryLanguage;

namespace Ats.Api.Tests.Search;

public sealed class SkillSynonymsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ats-synonyms-").FullName;
    private readonly ManualTime _time = new();

    private static readonly string[][] Resumes =
    [
        ["kube", "Поддерживал кластеры Kubernetes и Helm."],
        ["csharp", "Backend на C# и ASP.NET Core."],
        ["onec", "Программист 1С, доработка конфигураций."],
        ["ml", "ML engineer: рекомендательные модели."],
        ["ml-ru", "Занимался машинным обучением и статистикой."],
        ["go", "Go-разработчик, высоконагруженные сервисы."],
        ["postgres", "Оптимизация запросов PostgreSQL."],
        ["rabbit", "Очереди на RabbitMQ."],
        ["typo", "Опыт с kuberentes (sic)."],
        ["walk", "Люблю go hiking и путешествия."],
    ];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static InMemoryIndex Index() => new(new TextAnalyzer(), Resumes.Select(r => new Dictionary<string, string> { ["id"] = r[0], ["text"] = r[1] }));

    private static RecruiterQueryParser Parser(SkillSynonyms synonyms) => new(new RecruiterQueryOptions
    {
        FieldPrefixes = new Dictionary<string, IReadOnlyList<string>> { ["text"] = ["text"] },
        DefaultFields = ["text"],
        Analyzer = new TextAnalyzer(),
        SynonymFields = new HashSet<string> { "text" },
        Synonyms = synonyms,
    });

    private static readonly SkillSynonyms Defaults = new(new SkillSynonymsOptions());

    [Fact]
    public void Built_in_list_is_embedded_and_loads_without_problems()
    {
        var set = Defaults.Current;

        Assert.Contains("kubernetes, k8s", SkillSynonyms.DefaultRules);
        Assert.True(set.RuleCount >= 40, $"Only {set.RuleCount} rules.");
        Assert.Empty(set.Problems);
        Assert.NotNull(set.Map);
    }

    [Theory]
    [InlineData("k8s", "kube")]
    [InlineData("K8S", "kube")]
    [InlineData("кубер", "kube")]
    [InlineData("kubernetes", "kube")]
    [InlineData("си шарп", "csharp")]
    [InlineData("\"си шарп\"", "csharp")]
    [InlineData("csharp", "csharp")]
    [InlineData("1c", "onec")]
    [InlineData("\"1С предприятие\"", "onec")]
    [InlineData("1c:enterprise", "onec")]
    [InlineData("machine learning", "ml", "ml-ru")]
    [InlineData("машинное обучение", "ml", "ml-ru")]
    [InlineData("ML", "ml", "ml-ru")]
    [InlineData("golang", "go")]
    [InlineData("postgres", "postgres")]
    [InlineData("psql", "postgres")]
    public void A_synonym_finds_resumes_written_with_another_spelling(string query, params string[] expected)
    {
        using var index = Index();

        Assert.Equal(expected.Order(StringComparer.Ordinal), index.Ids(Parser(Defaults).Parse(query)));
    }

    [Fact]
    public void Bare_go_is_not_a_synonym_so_golang_does_not_find_walkers()
    {
        using var index = Index();

        Assert.Equal(["go", "walk"], index.Ids(Parser(Defaults).Parse("go")));
        Assert.DoesNotContain("walk", index.Ids(Parser(Defaults).Parse("golang")));
    }

    [Fact]
    public void One_way_rule_corrects_a_query_typo_but_the_correct_word_does_not_find_the_typo()
    {
        using var index = Index();

        Assert.Equal(["kube"], index.Ids(Parser(Defaults).Parse("kuberentes")));
        Assert.DoesNotContain("typo", index.Ids(Parser(Defaults).Parse("kubernetes")));
    }

    [Fact]
    public void Synonym_inside_a_phrase_expands_into_alternative_phrases()
    {
        using var index = Index();

        Assert.Equal(["kube"], index.Ids(Parser(Defaults).Parse("\"поддерживал кластеры k8s\"")));
        Assert.Empty(index.Ids(Parser(Defaults).Parse("\"поддерживал k8s кластеры\"")));
    }

    [Fact]
    public void Administrators_file_extends_the_built_in_list()
    {
        var path = Path.Combine(_directory, "synonyms.txt");
        File.WriteAllText(path, "rabbitmq, кролик\n");
        var synonyms = new SkillSynonyms(new SkillSynonymsOptions { FilePath = path }, time: _time);
        using var index = Index();

        Assert.Equal(["rabbit"], index.Ids(Parser(synonyms).Parse("кролик")));
        Assert.Equal(["kube"], index.Ids(Parser(synonyms).Parse("k8s")));
    }

    [Fact]
    public void Edited_file_takes_effect_on_the_next_check_without_reindexing()
    {
        var path = Path.Combine(_directory, "synonyms.txt");
        File.WriteAllText(path, "# nothing yet\n");
        var synonyms = new SkillSynonyms(new SkillSynonymsOptions { FilePath = path, CheckInterval = TimeSpan.FromSeconds(5) }, time: _time);
        using var index = Index();
        var parser = Parser(synonyms);
        Assert.Empty(index.Ids(parser.Parse("кролик")));
        var before = synonyms.Current.Version;

        File.WriteAllText(path, "rabbitmq, кролик\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        _time.Now += TimeSpan.FromSeconds(1);
        Assert.Empty(index.Ids(parser.Parse("кролик")));

        _time.Now += TimeSpan.FromSeconds(5);
        Assert.Equal(["rabbit"], index.Ids(parser.Parse("кролик")));
        Assert.Equal(before + 1, synonyms.Current.Version);
    }

    [Fact]
    public void Unchanged_file_is_not_parsed_again()
    {
        var path = Path.Combine(_directory, "synonyms.txt");
        File.WriteAllText(path, "rabbitmq, кролик\n");
        var synonyms = new SkillSynonyms(new SkillSynonymsOptions { FilePath = path, CheckInterval = TimeSpan.Zero }, time: _time);
        var first = synonyms.Current;

        _time.Now += TimeSpan.FromMinutes(1);

        Assert.Same(first, synonyms.Current);
    }

    [Fact]
    public void File_that_cannot_be_read_keeps_the_last_good_list()
    {
        var path = Path.Combine(_directory, "synonyms.txt");
        File.WriteAllText(path, "rabbitmq, кролик\n");
        var synonyms = new SkillSynonyms(new SkillSynonymsOptions { FilePath = path, CheckInterval = TimeSpan.Zero }, time: _time);
        var good = synonyms.Current;

        File.WriteAllText(path, "rabbitmq, кролик, зайчик\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            _time.Now += TimeSpan.FromSeconds(1);
            Assert.Same(good, synonyms.Current);
        }

        _time.Now += TimeSpan.FromSeconds(1);
        using var index = Index();
        Assert.NotSame(good, synonyms.Current);
        Assert.Equal(["rabbit"], index.Ids(Parser(synonyms).Parse("зайчик")));
    }

    [Fact]
    public void Missing_file_leaves_the_built_in_list_and_reports_the_path()
    {
        var path = Path.Combine(_directory, "absent.txt");
        var synonyms = new SkillSynonyms(new SkillSynonymsOptions { FilePath = path }, time: _time);

        Assert.Contains(synonyms.Current.Problems, p => p.Contains(path));
        Assert.True(synonyms.Current.RuleCount >= 40);
    }

    [Fact]
    public void Defaults_can_be_switched_off_in_favour_of_the_file()
    {
        var path = Path.Combine(_directory, "synonyms.txt");
        File.WriteAllText(path, "rabbitmq, кролик\n");
        var synonyms = new SkillSynonyms(new SkillSynonymsOptions { FilePath = path, IncludeDefaults = false }, time: _time);
        using var index = Index();

        Assert.Equal(1, synonyms.Current.RuleCount);
        Assert.Empty(index.Ids(Parser(synonyms).Parse("k8s")));
    }

    [Fact]
    public void Unusable_lines_are_reported_with_their_line_numbers_and_the_rest_still_loads()
    {
        var set = SkillSynonymSet.Build([("admin.txt", "# comment\n\nkafka, кафка\na => b => c\n!!!, ???\n , \n")], new TextAnalyzer(), 1);

        Assert.Equal(1, set.RuleCount);
        Assert.Contains(set.Problems, p => p.Contains("line 4") && p.Contains("=>"));
        Assert.Contains(set.Problems, p => p.Contains("line 5") && p.Contains("!!!"));
        Assert.Contains(set.Problems, p => p.Contains("line 6"));
    }

    [Fact]
    public void Solr_format_supports_one_way_rules_and_escaped_commas()
    {
        var problems = new List<string>();
        var rules = SynonymRule.Parse("test", "a, b => c\nx\\, y, z\n  # indented comment\n", problems);

        Assert.Empty(problems);
        Assert.Equal(2, rules.Count);
        Assert.Equal(["a", "b"], rules[0].Inputs);
        Assert.Equal(["c"], rules[0].Outputs);
        Assert.Equal(["x, y", "z"], rules[1].Inputs);
        Assert.Equal(rules[1].Inputs, rules[1].Outputs);
    }
}
