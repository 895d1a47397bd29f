using Lucene.Net.Analysis;
using Ats.Api.Search.Analysis;

namespace Ats.Api.Search.QueryLanguage;

/// <summary>How <see cref="RecruiterQueryParser"/> maps what a recruiter types onto the index.</summary>
public sealed record RecruiterQueryOptions
{
    /// <summary>Field prefixes a recruiter may type (<c>name</c>, <c>skill</c>, <c>город</c>…, without the colon,
    /// any case) and the Lucene fields each one searches.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> FieldPrefixes { get; init; }

    /// <summary>The Lucene fields searched by a word without a prefix.</summary>
    public required IReadOnlyList<string> DefaultFields { get; init; }

    /// <summary>The analyzer of every field, normally a PerFieldAnalyzerWrapper — the same one the index was built with,
    /// so that query words are reduced exactly as the indexed ones were.</summary>
    public required Analyzer Analyzer { get; init; }

    /// <summary>Optional: fields whose analysis is the same share a name here, so that a query word is analysed once
    /// for all of them. A field not listed is analysed on its own. Declaring two fields alike that are not changes
    /// what queries find: <c>AnalysisGroupsTests</c> checks the service's list against its analyzer.</summary>
    public IReadOnlyDictionary<string, string> AnalysisOf { get; init; } = new Dictionary<string, string>();

    /// <summary>Optional score weights by Lucene field (a surname match outweighs a word deep in a résumé).</summary>
    public IReadOnlyDictionary<string, float> FieldBoosts { get; init; } = new Dictionary<string, float>();

    /// <summary>Fields whose query words are expanded with skill synonyms. Their analyzer must be the one the
    /// synonym list was analysed with (<see cref="TextAnalyzer"/>).</summary>
    public IReadOnlySet<string> SynonymFields { get; init; } = new HashSet<string>();

    public SkillSynonyms? Synonyms { get; init; }

    /// <summary>Whether upper-case И, ИЛИ, НЕ work like AND, OR, NOT. Lower-case «и», «или», «не» are always words.</summary>
    public bool RussianOperators { get; init; } = true;

    /// <summary>Cap on the term, phrase, prefix and fuzzy queries a query expands into (fields × words × synonyms).</summary>
    public int MaxClauses { get; init; } = 1024;

    /// <summary>Longest query accepted, in characters.</summary>
    public int MaxLength { get; init; } = 1000;

    /// <summary>Deepest nesting of parentheses and field prefixes.</summary>
    public int MaxDepth { get; init; } = 32;
}
