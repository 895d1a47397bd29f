using Ats.Api.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace Ats.Api.Search;

/// <summary>Which analyzer reads which field — used for indexing and, through the parser, for queries.</summary>
public static class SearchAnalyzers
{
    public static Analyzer Create(IServiceProvider services) => Create();

    public static Analyzer Create()
    {
        var keyword = new KeywordAnalyzer();
        var lowerKeyword = Analyzer.NewAnonymous((field, reader) =>
        {
            var tokenizer = new KeywordTokenizer(reader);
            return new TokenStreamComponents(tokenizer, new InvariantLowerCaseFilter(tokenizer));
        });
        var perField = new Dictionary<string, Analyzer>
        {
            [SearchFields.Surname] = new NameAnalyzer(surnameForms: true),
            [SearchFields.FirstName] = new NameAnalyzer(surnameForms: false),
            [SearchFields.Patronymic] = new NameAnalyzer(surnameForms: false),
            [SearchFields.DisplayName] = new NameAnalyzer(surnameForms: false),
            [SearchFields.NameKey] = KeyAnalyzers.NameKey(),
            [SearchFields.Phone] = KeyAnalyzers.Phone(),
            [SearchFields.Email] = KeyAnalyzers.Email(),
            [SearchFields.Id] = keyword,
            [SearchFields.Vacancy] = keyword,
            [SearchFields.HasResume] = keyword,
            [SearchFields.CityExact] = lowerKeyword,
            [SearchFields.Tag] = lowerKeyword,
            [SearchFields.Source] = lowerKeyword,
            [SearchFields.Status] = lowerKeyword,
            [SearchFields.Link] = lowerKeyword,
        };
        return new PerFieldAnalyzerWrapper(new TextAnalyzer(), perField);
    }
}
