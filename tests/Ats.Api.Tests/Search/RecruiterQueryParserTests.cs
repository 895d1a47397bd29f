using Ats.Api.Search.Analysis;
using Ats.Api.Search.QueryLanguage;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Search;

namespace Ats.Api.Tests.Search;

public class RecruiterQueryParserTests
{
    private static readonly Analyzer Analyzers = new PerFieldAnalyzerWrapper(new TextAnalyzer(), new Dictionary<string, Analyzer>
    {
        ["surname"] = new NameAnalyzer(surnameForms: true),
        ["first_name"] = new NameAnalyzer(surnameForms: false),
    });

    private static readonly Dictionary<string, IReadOnlyList<string>> Prefixes = new()
    {
        ["name"] = ["surname", "first_name"],
        ["text"] = ["text"],
        ["skill"] = ["skills"],
        ["город"] = ["city"],
    };

    private static readonly RecruiterQueryParser TextOnly = new(new RecruiterQueryOptions
    {
        FieldPrefixes = Prefixes,
        DefaultFields = ["text"],
        Analyzer = Analyzers,
    });

    private static string Parsed(string query) => TextOnly.Parse(query).ToString();

    [Theory]
    [InlineData("java", "text:java")]
    [InlineData("Java Kafka", "+text:java +text:kafka")]
    [InlineData("java AND kafka", "+text:java +text:kafka")]
    [InlineData("java && kafka", "+text:java +text:kafka")]
    [InlineData("java OR kafka", "text:java text:kafka")]
    [InlineData("java || kafka", "text:java text:kafka")]
    [InlineData("java kafka OR scala", "(+text:java +text:kafka) text:scala")]
    [InlineData("java (kafka OR scala)", "+text:java +(text:kafka text:scala)")]
    [InlineData("java -php", "+text:java -text:php")]
    [InlineData("java NOT php", "+text:java -text:php")]
    [InlineData("java !php", "+text:java -text:php")]
    [InlineData("java AND NOT php", "+text:java -text:php")]
    [InlineData("NOT php", "+*:* -text:php")]
    [InlineData("-php -perl", "+*:* -text:php -text:perl")]
    [InlineData("java OR NOT php", "text:java (+*:* -text:php)")]
    [InlineData("+java", "text:java")]
    [InlineData("- -java", "+*:* -text:java")]
    [InlineData("--java", "text:java")]
    public void Words_and_boolean_operators(string query, string expected)
    {
        Assert.Equal(expected, Parsed(query));
    }

    [Theory]
    [InlineData("\"Java developers\"", "text:\"java develop\"")]
    [InlineData("\"java developer\"~3", "text:\"java develop\"~3")]
    [InlineData("\"java developer\"~", "text:\"java develop\"~2")]
    [InlineData("\"разработчиками Java\"", "text:\"разработчик java\"")]
    [InlineData("\"Java\"", "text:java")]
    [InlineData("\"C#, .NET\"", "text:\"csharp dotnet\"")]
    public void Phrases(string query, string expected)
    {
        Assert.Equal(expected, Parsed(query));
    }

    [Theory]
    [InlineData("“java developer”")]
    [InlineData("”java developer”")]
    [InlineData("„java developer“")]
    [InlineData("«java developer»")]
    [InlineData("‘java developer’")]
    [InlineData("'java developer'")]
    [InlineData("＂java developer＂")]
    public void Smart_quotes_and_guillemets_pasted_from_word_are_quotes(string query)
    {
        Assert.Equal("text:\"java develop\"", Parsed(query));
    }

    [Theory]
    [InlineData("O'Brien", "text:o'brien")]
    [InlineData("O’Brien", "text:o'brien")]
    [InlineData("'O'Brien'", "text:o'brien")]
    public void Apostrophes_inside_words_are_not_quotes(string query, string expected)
    {
        Assert.Equal(expected, Parsed(query));
    }

    [Theory]
    [InlineData("java*", "text:java*")]
    [InlineData("Developers*", "text:develop*")]
    [InlineData("разработчик*", "text:разработчик*")]
    [InlineData("kubernets~", "text:kubernet~2")]
    [InlineData("kubernets~1", "text:kubernet~1")]
    [InlineData("kafk~", "text:kafk~1")]
    [InlineData("go~", "text:go")]
    [InlineData("java~0", "text:java")]
    public void Prefix_and_fuzzy_words_are_reduced_like_indexed_words(string query, string expected)
    {
        Assert.Equal(expected, Parsed(query));
    }

    [Fact]
    public void Fuzzy_query_tolerates_typos_after_the_first_letter()
    {
        var fuzzy = Assert.IsType<FuzzyQuery>(TextOnly.Parse("kubernets~"));

        Assert.Equal(2, fuzzy.MaxEdits);
        Assert.Equal(1, fuzzy.PrefixLength);
    }

    [Theory]
    [InlineData("skill:Java", "skills:java")]
    [InlineData("SKILL:Java", "skills:java")]
    [InlineData("skill: Java", "skills:java")]
    [InlineData("skill:\"spring boot\"", "skills:\"spring boot\"")]
    [InlineData("skill:(java OR kotlin)", "skills:java skills:kotlin")]
    [InlineData("skill:java kafka", "+skills:java +text:kafka")]
    [InlineData("-skill:php", "+*:* -skills:php")]
    [InlineData("город:Казань", "city:казан")]
    [InlineData("name:Петрова", "(surname:петров | first_name:петрова)~0.1")]
    [InlineData("name:Пётр", "(surname:петр | first_name:петр)~0.1")]
    [InlineData("name:Петров*", "(surname:петров* | first_name:петров*)~0.1")]
    public void Field_prefixes_search_their_own_fields_with_their_own_analyzers(string query, string expected)
    {
        Assert.Equal(expected, Parsed(query));
    }

    [Theory]
    [InlineData("1С:Предприятие", "+text:1c +text:предприят")]
    [InlineData("10:00", "+text:10 +text:00")]
    [InlineData("https://hh.ru/resume", "+text:https +text:hh.ru +text:resum")]
    public void Colons_that_do_not_follow_a_plain_word_are_text(string query, string expected)
    {
        Assert.Equal(expected, Parsed(query));
    }

    [Theory]
    [InlineData("java ИЛИ kotlin", "text:java text:kotlin")]
    [InlineData("java И kotlin", "+text:java +text:kotlin")]
    [InlineData("java НЕ php", "+text:java -text:php")]
    [InlineData("java или kotlin", "+text:java +text:ил +text:kotlin")]
    [InlineData("java and kotlin", "+text:java +text:and +text:kotlin")]
    public void Russian_operators_work_in_upper_case_and_lower_case_words_are_words(string query, string expected)
    {
        Assert.Equal(expected, Parsed(query));
    }

    [Fact]
    public void Russian_operators_can_be_switched_off()
    {
        var parser = new RecruiterQueryParser(new RecruiterQueryOptions
        {
            FieldPrefixes = Prefixes,
            DefaultFields = ["text"],
            Analyzer = Analyzers,
            RussianOperators = false,
        });

        Assert.Equal("+text:java +text:ил +text:kotlin", parser.Parse("java ИЛИ kotlin").ToString());
    }

    [Theory]
    [InlineData("ｊａｖａ", "text:java")]
    [InlineData("java\u00A0kafka", "+text:java +text:kafka")]
    [InlineData("ja\u200Bva", "text:java")]
    [InlineData("Йошкар", "text:йошкар")]
    [InlineData("И\u0306ошкар", "text:йошкар")]
    [InlineData("java \u2013php", "+text:java -text:php")]
    [InlineData("Java – Kafka", "+text:java +text:kafka")]
    public void Characters_pasted_from_documents_are_normalised(string query, string expected)
    {
        Assert.Equal(expected, Parsed(query));
    }

    [Fact]
    public void Unprefixed_word_is_searched_in_every_default_field_with_their_boosts()
    {
        var parser = new RecruiterQueryParser(new RecruiterQueryOptions
        {
            FieldPrefixes = Prefixes,
            DefaultFields = ["surname", "first_name", "text"],
            FieldBoosts = new Dictionary<string, float> { ["surname"] = 4f },
            Analyzer = Analyzers,
        });

        Assert.Equal("(surname:петров^4.0 | first_name:петрова | text:петров)~0.1", parser.Parse("Петрова").ToString());
    }

    [Fact]
    public void Words_of_a_query_may_match_in_different_fields()
    {
        var parser = new RecruiterQueryParser(new RecruiterQueryOptions
        {
            FieldPrefixes = Prefixes,
            DefaultFields = ["surname", "text"],
            Analyzer = Analyzers,
        });

        Assert.Equal("+(surname:петров | text:петр)~0.1 +(surname:java | text:java)~0.1", parser.Parse("Петров Java").ToString());
    }

    [Fact]
    public void Synonyms_expand_single_words_into_terms_and_multi_word_alternatives_into_phrases()
    {
        var parser = new RecruiterQueryParser(new RecruiterQueryOptions
        {
            FieldPrefixes = Prefixes,
            DefaultFields = ["text"],
            Analyzer = Analyzers,
            SynonymFields = new HashSet<string> { "text" },
            Synonyms = new SkillSynonyms(new SkillSynonymsOptions()),
        });

        var k8s = parser.Parse("k8s").ToString();
        var csharp = parser.Parse("си шарп senior").ToString();

        Assert.Equal("text:kubernet text:k8s text:к8с text:кубернетес text:кубер", k8s);
        Assert.Equal("+(text:csharp text:\"си шарп\" text:сишарп) +(text:senior text:сеньор text:синьор)", csharp);
    }

    [Fact]
    public void A_synonym_phrase_that_contains_a_single_word_alternative_is_left_out_as_it_finds_nobody_new()
    {
        var parser = new RecruiterQueryParser(new RecruiterQueryOptions
        {
            FieldPrefixes = Prefixes,
            DefaultFields = ["text"],
            Analyzer = Analyzers,
            SynonymFields = new HashSet<string> { "text" },
            Synonyms = new SkillSynonyms(new SkillSynonymsOptions()),
        });
        using var index = new InMemoryIndex(Analyzers, [
            new Dictionary<string, string> { ["id"] = "platform", ["text"] = "Программист 1С:Предприятие 8.3" },
            new Dictionary<string, string> { ["id"] = "slang", ["text"] = "Опытный одинесник" },
            new Dictionary<string, string> { ["id"] = "other", ["text"] = "Предприятие пищевой промышленности" },
        ]);

        var query = parser.Parse("1С");

        Assert.DoesNotContain("\"", query.ToString(), StringComparison.Ordinal);
        Assert.Contains("text:1c", query.ToString(), StringComparison.Ordinal);
        Assert.Equal(["platform", "slang"], index.Ids(query));
    }

    [Fact]
    public void Words_without_letters_or_digits_are_dropped()
    {
        Assert.Equal("+text:java +text:kafka", Parsed("java ??? kafka - !"));
    }
}
