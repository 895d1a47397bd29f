using Ats.Api.Search.Analysis;
using Ats.Api.Search.QueryLanguage;
using Microsoft.Extensions.Options;
using LuceneQuery = Lucene.Net.Search.Query;

namespace Ats.Api.Search;

/// <summary>The recruiter query language bound to this index's fields, analyzers and skill synonyms.</summary>
public sealed class SearchQueryParser
{
    /// <summary>What a recruiter may put before a colon, and the fields each prefix searches.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Prefixes = new Dictionary<string, IReadOnlyList<string>>
    {
        ["name"] = [SearchFields.Surname, SearchFields.FirstName, SearchFields.Patronymic, SearchFields.NameKey],
        ["surname"] = [SearchFields.Surname, SearchFields.NameKey],
        ["skill"] = [SearchFields.Skills, SearchFields.ResumeText, SearchFields.Summary, SearchFields.Position],
        ["city"] = [SearchFields.City],
        ["company"] = [SearchFields.Company, SearchFields.ResumeText],
        ["position"] = [SearchFields.Position],
        ["text"] = [SearchFields.ResumeText],
        ["notes"] = [SearchFields.Notes],
        ["email"] = [SearchFields.Email],
        ["phone"] = [SearchFields.Phone],
        ["tag"] = [SearchFields.Tag],
        ["source"] = [SearchFields.Source],
    };

    private readonly RecruiterQueryParser _parser;

    public SearchQueryParser(IOptions<SearchOptions> options, ILogger<SkillSynonyms> synonymLog)
    {
        var synonyms = new SkillSynonyms(new SkillSynonymsOptions { FilePath = options.Value.SynonymsPath }, logger: synonymLog);
        _parser = new RecruiterQueryParser(Options(SearchAnalyzers.Create(), synonyms));
    }

    /// <summary>The service's query language: its prefixes, default fields and boosts, synonym fields.</summary>
    public static RecruiterQueryOptions Options(Lucene.Net.Analysis.Analyzer analyzer, SkillSynonyms synonyms) => new()
    {
        FieldPrefixes = Prefixes,
        DefaultFields = [.. SearchFields.Default.Keys],
        FieldBoosts = SearchFields.Default,
        Analyzer = analyzer,
        AnalysisOf = SearchAnalyzers.AnalysisOf,
        SynonymFields = new HashSet<string> { SearchFields.Skills, SearchFields.ResumeText, SearchFields.Summary, SearchFields.Position },
        Synonyms = synonyms,
    };

    public LuceneQuery Parse(string query)
    {
        try
        {
            return _parser.Parse(query);
        }
        catch (QuerySyntaxException e)
        {
            throw new SearchQueryException(e.Message, "q", e.Position);
        }
    }
}
