using Ats.Api.Search.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneQuery = Lucene.Net.Search.Query;

namespace Ats.Api.Search.QueryLanguage;

/// <summary>
/// Turns a parsed query into Lucene queries, analysing every word with the analyzer of each field it is searched in.
/// A word searched in several fields becomes a DisjunctionMaxQuery (the best field counts, the others only a
/// little), so a query of several words requires each word somewhere — «Петров java» finds Petrov who knows Java,
/// with the surname in one field and the skill in another. One instance per query: it counts the clauses.
/// </summary>
internal sealed class LuceneQueryBuilder
{
    // Enough for a phrase with three synonym-bearing words; beyond that the rest of the phrase is taken as written.
    private const int MaxPhraseVariants = 16;
    private const float TieBreaker = 0.1f;

    private readonly RecruiterQueryOptions _options;
    private readonly SkillSynonymSet _synonyms;
    // A text analysed once per analysis (not once per field): seven fields share the text analyzer.
    private readonly Dictionary<(string Analysis, string Text, bool Synonyms), List<AnalyzedToken>> _analysed = [];
    private int _clauses;

    public LuceneQueryBuilder(RecruiterQueryOptions options, SkillSynonymSet synonyms)
    {
        _options = options;
        _synonyms = synonyms;
    }

    /// <summary>Null when nothing searchable is left (a word of punctuation only, say).</summary>
    public LuceneQuery? Build(QueryNode node, IReadOnlyList<string> fields) => node switch
    {
        QueryNode.Word word => BuildWords([word], fields),
        QueryNode.Phrase phrase => AnyField(fields, f => BuildPhrase(f, phrase)),
        QueryNode.Prefix prefix => AnyField(fields, f => SingleTerm(f, prefix.Text) is { } t ? Count(new PrefixQuery(new Term(f, t)), prefix) : null),
        QueryNode.Fuzzy fuzzy => AnyField(fields, f => BuildFuzzy(f, fuzzy)),
        QueryNode.Field field => Build(field.Child, field.Fields),
        QueryNode.Not not => Build(not.Child, fields) is { } excluded ? Without(null, [excluded]) : null,
        QueryNode.And and => BuildAnd(and, fields),
        QueryNode.Or or => Any(or.Children.Select(c => Build(c, fields)).OfType<LuceneQuery>().ToList()),
        _ => throw new InvalidOperationException($"Unknown query node {node.GetType().Name}."),
    };

    private LuceneQuery? BuildAnd(QueryNode.And and, IReadOnlyList<string> fields)
    {
        var required = new List<LuceneQuery>();
        var excluded = new List<LuceneQuery>();
        var children = and.Children;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is QueryNode.Word)
            {
                // Words side by side are analysed as one text, so that «си шарп» or «machine learning» meet their synonyms.
                var words = new List<QueryNode.Word>();
                while (i < children.Count && children[i] is QueryNode.Word word)
                {
                    words.Add(word);
                    i++;
                }
                i--;
                AddIfAny(required, BuildWords(words, fields));
            }
            else if (children[i] is QueryNode.Not not)
            {
                AddIfAny(excluded, Build(not.Child, fields));
            }
            else
            {
                AddIfAny(required, Build(children[i], fields));
            }
        }
        if (excluded.Count == 0)
        {
            return All(required);
        }
        return Without(All(required), excluded);
    }

    private static void AddIfAny(List<LuceneQuery> queries, LuceneQuery? query)
    {
        if (query is not null)
        {
            queries.Add(query);
        }
    }

    // Pure negation matches nothing in Lucene, so "-php" alone means "everyone except php".
    private static BooleanQuery Without(LuceneQuery? required, IReadOnlyList<LuceneQuery> excluded)
    {
        var query = new BooleanQuery { { required ?? new MatchAllDocsQuery(), Occur.MUST } };
        foreach (var q in excluded)
        {
            query.Add(q, Occur.MUST_NOT);
        }
        return query;
    }

    private static LuceneQuery? All(IReadOnlyList<LuceneQuery> queries) => Combine(queries, Occur.MUST);

    private static LuceneQuery? Any(IReadOnlyList<LuceneQuery> queries) => Combine(queries, Occur.SHOULD);

    private static LuceneQuery? Combine(IReadOnlyList<LuceneQuery> queries, Occur occur)
    {
        switch (queries.Count)
        {
            case 0:
                return null;
            case 1:
                return queries[0];
            default:
                var query = new BooleanQuery();
                foreach (var q in queries)
                {
                    query.Add(q, occur);
                }
                return query;
        }
    }

    private LuceneQuery? AnyField(IReadOnlyList<string> fields, Func<string, LuceneQuery?> build)
    {
        var queries = new List<LuceneQuery>();
        foreach (var field in fields)
        {
            if (build(field) is { } query)
            {
                if (_options.FieldBoosts.TryGetValue(field, out var boost))
                {
                    query.Boost = boost;
                }
                queries.Add(query);
            }
        }
        if (queries.Count <= 1)
        {
            return queries.FirstOrDefault();
        }
        var max = new LazyDisjunctionMaxQuery(TieBreaker);
        foreach (var query in queries)
        {
            max.Add(query);
        }
        return max;
    }

    private T Count<T>(T query, QueryNode node) where T : LuceneQuery
    {
        if (++_clauses > _options.MaxClauses)
        {
            throw new QuerySyntaxException(
                $"The query is too big: with all its fields and synonyms it asks more than {_options.MaxClauses} questions of the index. Use fewer words or a field prefix.",
                node.Position);
        }
        return query;
    }

    private bool UsesSynonyms(string field) => _synonyms.Map is not null && _options.SynonymFields.Contains(field);

    // Words are analysed together per field; a synonym match over several words (in any field) makes those words one
    // unit. Each unit must match somewhere (AND across units), in any of the fields (DisjunctionMax within a unit).
    private LuceneQuery? BuildWords(IReadOnlyList<QueryNode.Word> words, IReadOnlyList<string> fields)
    {
        var starts = new int[words.Count];
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }
            starts[i] = text.Length;
            text.Append(words[i].Text);
        }
        var tokensByField = fields.Distinct().ToDictionary(f => f, f => Analyze(f, text.ToString(), UsesSynonyms(f)));
        var joinedToNext = new bool[words.Count];
        foreach (var marker in tokensByField.Values.SelectMany(t => t).Where(t => t.IsMarker))
        {
            var first = WordAt(starts, marker.Start);
            var last = WordAt(starts, Math.Max(marker.Start, marker.End - 1));
            for (var w = first; w < last; w++)
            {
                joinedToNext[w] = true;
            }
        }
        var units = new List<LuceneQuery>();
        for (var first = 0; first < words.Count;)
        {
            var last = first;
            while (joinedToNext[last])
            {
                last++;
            }
            var from = starts[first];
            var to = starts[last] + words[last].Text.Length;
            var node = words[first];
            AddIfAny(units, AnyField(fields, f => BuildUnit(f, tokensByField[f].Where(t => t.Start >= from && t.Start < to).ToList(), node)));
            first = last + 1;
        }
        return All(units);
    }

    private static int WordAt(int[] starts, int offset)
    {
        var index = Array.BinarySearch(starts, offset);
        return Math.Max(0, index >= 0 ? index : ~index - 1);
    }

    // Every analysed position must match; a synonym match is one position group whose alternatives may each be
    // a single term or a phrase.
    private LuceneQuery? BuildUnit(string field, List<AnalyzedToken> tokens, QueryNode node)
    {
        var parts = new List<LuceneQuery>();
        foreach (var segment in Segments(tokens))
        {
            parts.Add(segment.Alternatives is { } alternatives
                ? Any(WithoutSubsumed(alternatives).Select(a => Sequence(field, a, 0, node)).ToList())!
                : Any(segment.Terms.Select(t => (LuceneQuery)Count(new TermQuery(new Term(field, t)), node)).ToList())!);
        }
        return All(parts);
    }

    // «1С» = «1с» OR "1с предприятие" OR …: a phrase alternative containing a word that is itself an alternative only
    // matches documents that word already matches. Dropping it keeps the matches and saves checking the positions
    // of a word that a large share of résumés contain (measured: ~120 ms of a 1M-candidate query).
    private static IEnumerable<IReadOnlyList<string>> WithoutSubsumed(List<IReadOnlyList<string>> alternatives)
    {
        var words = alternatives.Where(a => a.Count == 1).Select(a => a[0]).ToHashSet(StringComparer.Ordinal);
        return words.Count == 0 ? alternatives : alternatives.Where(a => a.Count == 1 || !a.Any(words.Contains));
    }

    private LuceneQuery? BuildPhrase(string field, QueryNode.Phrase phrase)
    {
        var tokens = Analyze(field, phrase.Text, UsesSynonyms(field));
        // Each variant is a list of (position, terms at that position); a synonym multiplies the variants.
        var variants = new List<(List<(int Position, string[] Terms)> Items, int Next)> { ([], 0) };
        var previousEnd = -1;
        foreach (var segment in Segments(tokens))
        {
            var gap = previousEnd < 0 ? 0 : segment.Start - previousEnd;
            previousEnd = segment.End;
            var options = segment.Alternatives is { } alternatives && variants.Count * alternatives.Count <= MaxPhraseVariants
                ? alternatives.Select(a => a.Select(w => new[] { w }).ToList()).ToList()
                : [segment.Originals];
            variants = variants
                .SelectMany(v => options.Select(o =>
                {
                    var items = new List<(int, string[])>(v.Items);
                    var position = v.Next + gap;
                    foreach (var terms in o)
                    {
                        items.Add((position++, terms));
                    }
                    return (items, position);
                }))
                .ToList();
        }
        if (variants[0].Items.Count == 0)
        {
            return null;
        }
        return Any(variants.Select(v => PhraseOf(field, v.Items, phrase.Slop, phrase)).ToList());
    }

    private LuceneQuery PhraseOf(string field, List<(int Position, string[] Terms)> items, int slop, QueryNode node)
    {
        if (items.Count == 1)
        {
            return Any(items[0].Terms.Select(t => (LuceneQuery)Count(new TermQuery(new Term(field, t)), node)).ToList())!;
        }
        if (items.All(i => i.Terms.Length == 1))
        {
            var phrase = new PhraseQuery { Slop = slop };
            foreach (var (position, terms) in items)
            {
                phrase.Add(new Term(field, terms[0]), position);
            }
            return Count(phrase, node);
        }
        var multi = new MultiPhraseQuery { Slop = slop };
        foreach (var (position, terms) in items)
        {
            multi.Add(terms.Select(t => new Term(field, t)).ToArray(), position);
        }
        return Count(multi, node);
    }

    // A synonym alternative inside a run of words: one word is a term, several are an exact phrase.
    private LuceneQuery Sequence(string field, IReadOnlyList<string> words, int slop, QueryNode node) =>
        PhraseOf(field, words.Select((w, i) => (i, new[] { w })).ToList(), slop, node);

    private LuceneQuery? BuildFuzzy(string field, QueryNode.Fuzzy fuzzy)
    {
        if (SingleTerm(field, fuzzy.Text) is not { } term)
        {
            return null;
        }
        // Like Elasticsearch's AUTO: a typo in a two-letter word is another word, one in a long word is a typo.
        var edits = fuzzy.Edits ?? (term.Length <= 2 ? 0 : term.Length <= 5 ? 1 : 2);
        // Prefix length 1: first letters are rarely mistyped, and it keeps the term dictionary walk small.
        return edits == 0
            ? Count(new TermQuery(new Term(field, term)), fuzzy)
            : Count(new FuzzyQuery(new Term(field, term), edits, prefixLength: 1), fuzzy);
    }

    // The form a prefix or fuzzy word takes in the index: analysed like the field (so «developer*» looks for the
    // stem «develop», «Петрова*» for «петров») when that gives one token, otherwise lower-cased as typed.
    private string? SingleTerm(string field, string text)
    {
        var tokens = Analyze(field, text, withSynonyms: false);
        if (tokens.Count == 1)
        {
            return tokens[0].Term;
        }
        var raw = YoFoldingFilter.Fold(text.ToLowerInvariant()).Trim();
        return raw.Any(char.IsLetterOrDigit) ? raw : null;
    }

    /// <summary>The field's tokens for <paramref name="text"/>, shared with every field of the same analysis: read only.</summary>
    private List<AnalyzedToken> Analyze(string field, string text, bool withSynonyms)
    {
        var key = (_options.AnalysisOf.GetValueOrDefault(field, field), text, withSynonyms);
        if (!_analysed.TryGetValue(key, out var tokens))
        {
            tokens = AnalyzeNow(field, text, withSynonyms);
            _analysed[key] = tokens;
        }
        return tokens;
    }

    private List<AnalyzedToken> AnalyzeNow(string field, string text, bool withSynonyms)
    {
        var tokens = new List<AnalyzedToken>();
        var stream = _options.Analyzer.GetTokenStream(field, text);
        if (withSynonyms)
        {
            stream = _synonyms.Apply(stream);
        }
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var length = stream.AddAttribute<IPositionLengthAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                var value = term.ToString();
                tokens.Add(new AnalyzedToken(value, Math.Max(position, 0), Math.Max(length.PositionLength, 1), offset.StartOffset, offset.EndOffset, SkillSynonymSet.IsMarker(value)));
            }
            stream.End();
        }
        return tokens;
    }

    private IEnumerable<Segment> Segments(List<AnalyzedToken> tokens)
    {
        var plain = tokens.Where(t => !t.IsMarker).GroupBy(t => t.Position).OrderBy(g => g.Key).ToList();
        var markers = tokens.Where(t => t.IsMarker).GroupBy(t => t.Position).ToDictionary(g => g.Key, g => g.ToList());
        var coveredUntil = -1;
        foreach (var group in plain)
        {
            if (group.Key < coveredUntil)
            {
                continue;
            }
            var terms = group.Select(t => t.Term).Distinct().ToArray();
            var alternatives = markers.TryGetValue(group.Key, out var here)
                ? here.SelectMany(m => _synonyms.AlternativesOf(m.Term)).DistinctBy(a => string.Join(' ', a)).ToList()
                : [];
            if (alternatives.Count > 0)
            {
                var end = group.Key + here!.Max(m => m.Length);
                var originals = plain.Where(g => g.Key >= group.Key && g.Key < end).Select(g => g.Select(t => t.Term).Distinct().ToArray()).ToList();
                coveredUntil = end;
                yield return new Segment(group.Key, end, terms, originals, alternatives);
            }
            else
            {
                yield return new Segment(group.Key, group.Key + 1, terms, [terms], null);
            }
        }
    }

    private readonly record struct AnalyzedToken(string Term, int Position, int Length, int Start, int End, bool IsMarker);

    /// <summary>Positions [Start, End): plain terms at Start, or a synonym match with its alternatives.</summary>
    private sealed record Segment(int Start, int End, string[] Terms, List<string[]> Originals, List<IReadOnlyList<string>>? Alternatives);
}
