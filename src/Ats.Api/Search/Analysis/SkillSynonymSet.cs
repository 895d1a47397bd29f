using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Ats.Api.Search.Analysis;

/// <summary>
/// One loaded version of the skill synonym list: a Lucene <see cref="SynonymMap"/> plus the analysed alternatives of
/// every rule. Immutable, so a query parsed against one set never sees half of a reload.
/// <para>
/// The map does not emit the synonyms themselves. Every entry maps to a single marker token that names its rule, laid
/// over the words it matched (position length = number of words). Lucene 4.8's SynonymFilter cannot emit a
/// multi-word synonym as a proper token graph — «си шарп» put over the one word «csharp» would straddle whatever
/// word follows — but a one-token output spans its input correctly. The query parser therefore finds the matches
/// with the map (longest match first, FST-fast) and builds each alternative itself: a term for one word, a phrase
/// for several.
/// </para>
/// </summary>
public sealed class SkillSynonymSet
{
    // \u0001 cannot come out of the analyzers, so a marker can never collide with a real word.
    private const string MarkerPrefix = "\u0001syn";

    private readonly IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> _alternatives;

    private SkillSynonymSet(int version, SynonymMap? map, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> alternatives, IReadOnlyList<string> problems)
    {
        Version = version;
        Map = map;
        _alternatives = alternatives;
        Problems = problems;
    }

    public static SkillSynonymSet Empty { get; } = new(0, null, [], []);

    /// <summary>Grows by one with every successful reload.</summary>
    public int Version { get; }

    /// <summary>Null when there are no rules at all (SynonymFilter refuses an empty map).</summary>
    public SynonymMap? Map { get; }

    /// <summary>Lines and entries that were skipped, with file and line number, for the administrator.</summary>
    public IReadOnlyList<string> Problems { get; }

    public int RuleCount => _alternatives.Count;

    /// <summary>
    /// Builds a set from synonym files (Solr format). Entries are analysed with <paramref name="analyzer"/>, which
    /// must be the analyzer of the fields the synonyms are used on, so that a rule matches stemmed query words.
    /// </summary>
    public static SkillSynonymSet Build(IEnumerable<(string Source, string Text)> files, Analyzer analyzer, int version)
    {
        var problems = new List<string>();
        var alternatives = new List<IReadOnlyList<IReadOnlyList<string>>>();
        var builder = new SynonymMap.Builder(dedup: true);
        var added = false;
        foreach (var (source, text) in files)
        {
            foreach (var rule in SynonymRule.Parse(source, text, problems))
            {
                var inputs = AnalyzeAll(rule, rule.Inputs, analyzer, problems);
                var outputs = ReferenceEquals(rule.Inputs, rule.Outputs) ? inputs : AnalyzeAll(rule, rule.Outputs, analyzer, problems);
                if (inputs.Count == 0 || outputs.Count == 0)
                {
                    continue;
                }
                var marker = new CharsRef(MarkerPrefix + alternatives.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                alternatives.Add(outputs);
                foreach (var input in inputs)
                {
                    builder.Add(SynonymMap.Builder.Join(input.ToArray(), new CharsRef()), marker, includeOrig: true);
                    added = true;
                }
            }
        }
        return new SkillSynonymSet(version, added ? builder.Build() : null, alternatives, problems);
    }

    internal SkillSynonymSet WithProblems(IEnumerable<string> more) => new(Version, Map, _alternatives, [.. more, .. Problems]);

    /// <summary>Adds the rule markers to a token stream of already analysed words.</summary>
    public TokenStream Apply(TokenStream tokens) => Map is null ? tokens : new SynonymFilter(tokens, Map, ignoreCase: false);

    public static bool IsMarker(string term) => term.StartsWith(MarkerPrefix, StringComparison.Ordinal);

    /// <summary>The analysed alternatives (each a sequence of words) of the rule a marker token names.</summary>
    public IReadOnlyList<IReadOnlyList<string>> AlternativesOf(string marker)
    {
        if (IsMarker(marker)
            && int.TryParse(marker.AsSpan(MarkerPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < _alternatives.Count)
        {
            return _alternatives[index];
        }
        return [];
    }

    private static List<IReadOnlyList<string>> AnalyzeAll(SynonymRule rule, IReadOnlyList<string> entries, Analyzer analyzer, List<string> problems)
    {
        var result = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var words = Analyze(analyzer, entry);
            if (words.Count == 0)
            {
                problems.Add($"{rule.Source}, line {rule.Line}: \"{entry}\" has no searchable words.");
            }
            else if (seen.Add(string.Join(' ', words)))
            {
                result.Add(words);
            }
        }
        return result;
    }

    private static List<string> Analyze(Analyzer analyzer, string text)
    {
        var words = new List<string>();
        using var stream = analyzer.GetTokenStream("", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }
        stream.End();
        return words;
    }
}
