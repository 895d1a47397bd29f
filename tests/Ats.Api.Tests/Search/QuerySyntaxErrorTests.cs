using Ats.Api.Search.Analysis;
using Ats.Api.Search.QueryLanguage;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;

namespace Ats.Api.Tests.Search;

public class QuerySyntaxErrorTests
{
    private static readonly Analyzer Analyzers = new PerFieldAnalyzerWrapper(new TextAnalyzer(), new Dictionary<string, Analyzer>
    {
        ["surname"] = new NameAnalyzer(surnameForms: true),
        ["first_name"] = new NameAnalyzer(surnameForms: false),
    });

    private static RecruiterQueryOptions Options(int maxClauses = 1024) => new()
    {
        FieldPrefixes = new Dictionary<string, IReadOnlyList<string>>
        {
            ["name"] = ["surname", "first_name"],
            ["skill"] = ["text"],
            ["city"] = ["text"],
        },
        DefaultFields = ["surname", "first_name", "text"],
        Analyzer = Analyzers,
        SynonymFields = new HashSet<string> { "text" },
        Synonyms = Synonyms,
        MaxClauses = maxClauses,
    };

    private static readonly SkillSynonyms Synonyms = new(new SkillSynonymsOptions());

    private static readonly RecruiterQueryParser Parser = new(Options());

    [Theory]
    [InlineData("\"java developer", 0)]
    [InlineData("java \"developer", 5)]
    [InlineData("java “developer", 5)]
    [InlineData("«java developer", 0)]
    [InlineData("'java developer", 0)]
    [InlineData("\"\"", 0)]
    [InlineData("java \" \"", 5)]
    [InlineData("(java OR kotlin", 0)]
    [InlineData("java (kotlin (scala)", 5)]
    [InlineData("java)", 4)]
    [InlineData("()", 0)]
    [InlineData("java ()", 5)]
    [InlineData("name:", 0)]
    [InlineData("java name:", 5)]
    [InlineData("java name:   ", 5)]
    [InlineData("(name:)", 1)]
    [InlineData("name:name:", 5)]
    [InlineData("name:-Петров", 5)]
    [InlineData("name:AND", 0)]
    [InlineData("foo:bar", 0)]
    [InlineData("java skil:kotlin", 5)]
    [InlineData("*java", 0)]
    [InlineData("java *", 5)]
    [InlineData("ja*va", 2)]
    [InlineData("j*", 0)]
    [InlineData("java*~", 4)]
    [InlineData("~java", 0)]
    [InlineData("java~5", 4)]
    [InlineData("java~x", 4)]
    [InlineData("\"java developer\"~99", 17)]
    [InlineData("AND java", 0)]
    [InlineData("java AND", 5)]
    [InlineData("java OR OR kotlin", 5)]
    [InlineData("java OR", 5)]
    [InlineData("OR", 0)]
    [InlineData("NOT", 0)]
    [InlineData("java NOT", 5)]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("??? !!!", 0)]
    [InlineData("\u200Bjava \"dev", 6)]
    [InlineData("И\u0306 \"x", 3)]
    [InlineData("ﬁrm \"x", 4)]
    public void Malformed_query_is_reported_with_the_position_of_the_problem(string query, int position)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => Parser.Parse(query));

        Assert.Equal(position, error.Position);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Broken_utf16_before_a_problem_does_not_shift_its_position()
    {
        // Built here rather than in InlineData, which would replace the lone surrogate on its way to the test.
        var query = new string([(char)0xD800, 'j', (char)0x0306, ' ', '"', 'x']);

        var error = Assert.Throws<QuerySyntaxException>(() => Parser.Parse(query));

        Assert.Equal(4, error.Position);
    }

    [Fact]
    public void Unknown_field_message_lists_the_fields_there_are()
    {
        var error = Assert.Throws<QuerySyntaxException>(() => Parser.Parse("java skil:kotlin"));

        Assert.Contains("skil:", error.Message);
        Assert.Contains("skill:", error.Message);
    }

    [Fact]
    public void Query_that_expands_into_too_many_clauses_is_refused_at_the_word_that_overflows()
    {
        var parser = new RecruiterQueryParser(Options(maxClauses: 9));

        var error = Assert.Throws<QuerySyntaxException>(() => parser.Parse("alpha beta gamma delta"));

        // Three fields per word: the fourth word is the tenth clause.
        Assert.Equal(17, error.Position);
        Assert.Contains("9", error.Message);
    }

    [Fact]
    public void Query_longer_than_the_limit_is_refused_where_the_limit_is()
    {
        var error = Assert.Throws<QuerySyntaxException>(() => Parser.Parse(string.Join(' ', Enumerable.Repeat("java", 250))));

        Assert.Equal(1000, error.Position);
    }

    [Fact]
    public void Deep_nesting_is_refused_at_the_first_parenthesis_too_many()
    {
        var query = new string('(', 40) + "java" + new string(')', 40);

        var error = Assert.Throws<QuerySyntaxException>(() => Parser.Parse(query));

        Assert.Equal(32, error.Position);
    }

    // Fragments recruiters type, paste or fumble: words in both scripts, every quote and dash, operators, field
    // prefixes, wildcards, and text that breaks naive code (combining marks, a lone surrogate, zero-width space).
    private static readonly string[] Fragments =
    [
        "java", "Kafka", "разработчик", "Петров", "1С", "C#", "c++", ".NET", "k8s", "си", "шарп", "ёлка", "O'Brien",
        " ", " ", " ", "  ", "\"", "\"", "“", "”", "„", "«", "»", "'", "‘", "’", "(", "(", ")", ")",
        "AND", "OR", "NOT", "И", "ИЛИ", "НЕ", "&&", "||", "-", "+", "!", "*", "~", "~1", "~3", ":", "::",
        "name:", "skill:", "city:", "foo:", "NAME:", "http://", "?", "^", "/", "\\", "[", "]", "{", "}",
        "\u00A0", "\u200B", "\u0306", "\uD800", "\uDC00", "😀", "—", "−", "ｊａｖａ", "12:30", "@", "#", "%",
    ];

    [Fact]
    public void Random_strings_of_query_characters_never_raise_anything_but_a_syntax_error()
    {
        var random = new Random(20250505);
        using var index = new InMemoryIndex(Analyzers,
        [
            new Dictionary<string, string> { ["id"] = "1", ["surname"] = "Петров", ["first_name"] = "Иван", ["text"] = "Java, Kafka, 1С, C#" },
            new Dictionary<string, string> { ["id"] = "2", ["surname"] = "O'Brien", ["first_name"] = "John", ["text"] = "ёлка k8s .NET c++" },
        ]);
        var parsed = 0;
        var refused = 0;
        for (var i = 0; i < 600; i++)
        {
            var query = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => Fragments[random.Next(Fragments.Length)]));
            try
            {
                var lucene = Parser.Parse(query);
                _ = index.Ids(lucene);
                parsed++;
            }
            catch (QuerySyntaxException e)
            {
                Assert.InRange(e.Position, 0, query.Length);
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                refused++;
            }
        }

        // Both paths must have been exercised for the test to mean anything.
        Assert.True(parsed > 100, $"Only {parsed} random queries parsed.");
        Assert.True(refused > 100, $"Only {refused} random queries were refused.");
    }

    [Fact]
    public void Random_utf16_noise_never_raises_anything_but_a_syntax_error()
    {
        var random = new Random(7);
        var outcomes = 0;
        for (var i = 0; i < 300; i++)
        {
            var chars = new char[random.Next(1, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = (char)(random.Next(4) == 0 ? random.Next(0x20, 0x80) : random.Next(0, 0x10000));
            }
            var query = new string(chars);
            try
            {
                Assert.NotNull(Parser.Parse(query));
            }
            catch (QuerySyntaxException e)
            {
                Assert.InRange(e.Position, 0, query.Length);
            }
            outcomes++;
        }

        Assert.Equal(300, outcomes);
    }
}
