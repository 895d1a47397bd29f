using Ats.Api.Search.Analysis;
using LuceneQuery = Lucene.Net.Search.Query;

// Not "Ats.Api.Search.Query" after the folder: a namespace of that name would hide Lucene's Query type from every
// file in Ats.Api.Search.
namespace Ats.Api.Search.QueryLanguage;

/// <summary>
/// Parses the query language recruiters type into a Lucene query:
/// <list type="bullet">
/// <item>words (all required: <c>java kafka казань</c>), <c>"phrases"</c> and <c>"phrases"~3</c> (words at most 3 apart);</item>
/// <item><c>AND</c>, <c>OR</c>, <c>NOT</c> (upper case; also И, ИЛИ, НЕ), <c>-word</c>, <c>+word</c>, parentheses;</item>
/// <item>field prefixes from <see cref="RecruiterQueryOptions.FieldPrefixes"/>: <c>name:Петров</c>,
/// <c>skill:(java OR kotlin)</c>, <c>city: "Нижний Новгород"</c>;</item>
/// <item>prefixes <c>java*</c> and typo-tolerant words <c>kubernets~</c> (<c>~1</c>, <c>~2</c>: typos allowed);</item>
/// <item>skill synonyms from <see cref="SkillSynonyms"/> in <see cref="RecruiterQueryOptions.SynonymFields"/>.</item>
/// </list>
/// Quotes may be straight, curly, „low“ or «ёлочки»; single quotes work at word boundaries (so O'Brien stays a word).
/// A query that cannot be understood raises <see cref="QuerySyntaxException"/> with the reason and the position,
/// and nothing else. Hand-written rather than built on Lucene's classic QueryParser: that parser's syntax errors
/// are not made for people, it treats many characters recruiters paste (/, :, [, {, ^) as syntax, and it cannot
/// expand multi-word synonyms. Thread-safe; build one per set of options.
/// </summary>
public sealed class RecruiterQueryParser
{
    private readonly RecruiterQueryOptions _options;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _prefixes;

    public RecruiterQueryParser(RecruiterQueryOptions options)
    {
        if (options.DefaultFields.Count == 0)
        {
            throw new ArgumentException("At least one default field is needed.", nameof(options));
        }
        _options = options;
        _prefixes = new Dictionary<string, IReadOnlyList<string>>(options.FieldPrefixes, StringComparer.OrdinalIgnoreCase);
    }

    public LuceneQuery Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new QuerySyntaxException("The query is empty.", 0);
        }
        if (query.Length > _options.MaxLength)
        {
            throw new QuerySyntaxException($"The query is too long: at most {_options.MaxLength} characters.", _options.MaxLength);
        }
        var text = QueryText.Normalize(query);
        var tokens = new QueryLexer(text, _prefixes, _options.RussianOperators).Tokenize();
        var tree = new QueryGrammar(tokens, _prefixes, _options.MaxDepth).Parse();
        var synonyms = _options.Synonyms?.Current ?? SkillSynonymSet.Empty;
        return new LuceneQueryBuilder(_options, synonyms).Build(tree, _options.DefaultFields)
            ?? throw new QuerySyntaxException("There is nothing to search for: the query has no letters or digits.", 0);
    }
}
