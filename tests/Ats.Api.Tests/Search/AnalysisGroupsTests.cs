using Ats.Api.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ats.Api.Tests.Search;

/// <summary>
/// The query parser analyses a word once for all the fields <see cref="SearchAnalyzers.AnalysisOf"/> declares alike:
/// if two of them were not, a query would look in one field for the other's terms. Every field of a group must give
/// the same tokens (text, positions, offsets) as the others on names, skills with their spellings, tags in any case,
/// and the Snowball reference vocabulary.
/// </summary>
public sealed class AnalysisGroupsTests
{
    private static readonly Analyzer Analyzer = SearchAnalyzers.Create();

    private static List<(string Term, int Increment, int Length, int Start, int End)> Run(string field, string text)
    {
        var tokens = new List<(string, int, int, int, int)>();
        using var stream = Analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), increment.PositionIncrement, length.PositionLength, offsets.StartOffset, offsets.EndOffset));
        }
        stream.End();
        return tokens;
    }

    private static IEnumerable<string> Texts()
    {
        string[] crafted =
        [
            "Ведущий разработчик 1С, C#, C++ и .NET; Kubernetes (k8s), PostgreSQL", "Пётр Щёголев", "Šćeglova Zürich",
            "VIP", "Hh.Ru", "java-разработчик", "IT-рекрутер", "  ", "ООО «Ромашка»", "Нижний Новгород", "e-mail: a.b@x.ru",
        ];
        foreach (var text in crafted)
        {
            yield return text;
        }
        foreach (var line in File.ReadLines(TestData.Get("names-ru", "people.tsv")).Skip(1).Take(2_000))
        {
            yield return string.Join(' ', line.Split('\t').Take(3));
        }
        foreach (var word in File.ReadLines(TestData.Get("stemmer-ru", "russian", "voc.txt")).Where((_, i) => i % 10 == 0))
        {
            yield return word;
        }
    }

    [Fact]
    public void Every_group_has_at_least_two_fields_and_they_analyse_alike()
    {
        var groups = SearchAnalyzers.AnalysisOf.GroupBy(p => p.Value, p => p.Key).ToList();
        Assert.Contains(groups, g => g.Key == "text" && g.Contains(SearchFields.ResumeText) && g.Contains(SearchFields.Skills));
        var compared = 0;
        foreach (var group in groups)
        {
            var fields = group.ToList();
            Assert.True(fields.Count >= 2, $"group {group.Key} has one field");
            foreach (var text in Texts())
            {
                var expected = Run(fields[0], text);
                foreach (var field in fields.Skip(1))
                {
                    Assert.True(expected.SequenceEqual(Run(field, text)), $"{field} and {fields[0]} analyse «{text}» differently");
                    compared++;
                }
            }
        }
        Assert.True(compared > 50_000, $"only {compared} comparisons");
    }

    [Fact]
    public void Fields_outside_a_group_analyse_differently_from_it()
    {
        // The surname keeps its own analysis (surname forms), the name key its transliteration: not in a group.
        Assert.False(SearchAnalyzers.AnalysisOf.ContainsKey(SearchFields.Surname));
        Assert.False(SearchAnalyzers.AnalysisOf.ContainsKey(SearchFields.NameKey));
        Assert.NotEqual(Run(SearchFields.Surname, "Петрова"), Run(SearchFields.FirstName, "Петрова"));
        Assert.NotEqual(Run(SearchFields.NameKey, "Щеглова"), Run(SearchFields.FirstName, "Щеглова"));
        Assert.NotEqual(Run(SearchFields.ResumeText, "разработчики"), Run(SearchFields.FirstName, "разработчики"));
    }
}
