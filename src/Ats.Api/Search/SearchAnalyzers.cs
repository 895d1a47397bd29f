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

    /// <summary>Fields analysed alike, by the name of their analysis (the rest each have their own): a query word is
    /// analysed once per analysis, not once per field.</summary>
    public static readonly IReadOnlyDictionary<string, string> AnalysisOf = new Dictionary<string, string>
    {
        [SearchFields.Position] = "text",
        [SearchFields.City] = "text",
        [SearchFields.Summary] = "text",
        [SearchFields.Skills] = "text",
        [SearchFields.Company] = "text",
        [SearchFields.ResumeText] = "text",
        [SearchFields.Notes] = "text",
        [SearchFields.FirstName] = "given-name",
        [SearchFields.Patronymic] = "given-name",
        [SearchFields.DisplayName] = "given-name",
        [SearchFields.Tag] = "lower-keyword",
        [SearchFields.Source] = "lower-keyword",
        [SearchFields.Status] = "lower-keyword",
        [SearchFields.Link] = "lower-keyword",
        [SearchFields.CityExact] = "lower-keyword",
    };

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
