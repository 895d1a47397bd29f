using Ats.Api.Search;
using Ats.Api.Search.Analysis;
using Ats.Api.Search.QueryLanguage;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneQuery = Lucene.Net.Search.Query;

namespace Ats.Api.Tests.Search;

/// <summary>
/// The lazily scoring disjunction must match the same documents with the same scores as Lucene's DisjunctionMaxQuery,
/// alone and inside the conjunctions, negations, phrases, prefixes and filters the recruiter's queries make.
/// </summary>
public sealed class LazyDisjunctionMaxTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = SearchAnalyzers.Create();
    private static readonly string[] Words = ["java", "kafka", "postgresql", "бухгалтер", "1с", "python", "разработчик", "аналитик", "kubernetes", "руководитель", "петров", "казань"];
    private static readonly string[] Fields = [SearchFields.ResumeText, SearchFields.Skills, SearchFields.Position, SearchFields.Summary];

    private static readonly RecruiterQueryParser Parser = new(SearchQueryParser.Options(Analyzer, new SkillSynonyms(new SkillSynonymsOptions())));

    private static RAMDirectory Index()
    {
        var directory = new RAMDirectory();
        var random = new Random(11);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer));
        for (var i = 0; i < 3_000; i++)
        {
            var doc = new Document { new StringField(SearchFields.Id, i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES) };
            foreach (var field in Fields)
            {
                if (random.Next(3) > 0)
                {
                    var text = string.Join(' ', Enumerable.Range(0, random.Next(1, field == SearchFields.ResumeText ? 40 : 4)).Select(_ => Words[random.Next(Words.Length)]));
                    doc.Add(new TextField(field, text, Field.Store.NO));
                }
            }
            writer.AddDocument(doc);
            if (i % 700 == 0)
            {
                writer.Commit();
            }
        }
        return directory;
    }

    // The same query with Lucene's own DisjunctionMaxQuery in place of every lazy one.
    private static LuceneQuery Eager(LuceneQuery query)
    {
        switch (query)
        {
            case DisjunctionMaxQuery max:
                Assert.IsType<LazyDisjunctionMaxQuery>(max);
                var eager = new DisjunctionMaxQuery(max.Disjuncts.Select(Eager).ToList(), max.TieBreakerMultiplier) { Boost = max.Boost };
                return eager;
            case BooleanQuery boolean:
                var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                foreach (var clause in boolean.Clauses)
                {
                    copy.Add(Eager(clause.Query), clause.Occur);
                }
                return copy;
            default:
                return query;
        }
    }

    private static int CountLazy(LuceneQuery query) => query switch
    {
        LazyDisjunctionMaxQuery max => 1 + max.Disjuncts.Sum(CountLazy),
        BooleanQuery boolean => boolean.Clauses.Sum(c => CountLazy(c.Query)),
        _ => 0,
    };

    [Theory]
    [InlineData("java")]
    [InlineData("java kafka")]
    [InlineData("разработчик java -python")]
    [InlineData("бухгалтер OR (аналитик AND kubernetes)")]
    [InlineData("\"java kafka\" руководитель")]
    [InlineData("kube* postgre*")]
    [InlineData("kubernets~ петров")]
    public void A_lazy_disjunction_matches_and_scores_as_lucenes(string text)
    {
        using var directory = Index();
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var lazy = Parser.Parse(text)!;
        Assert.True(CountLazy(lazy) > 0, "the parser makes lazy disjunctions");
        var eager = Eager(lazy);

        var expected = searcher.Search(eager, 3_000);
        var actual = searcher.Search(lazy, 3_000);
        Assert.True(expected.TotalHits > 10, $"{text}: {expected.TotalHits} hits");
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        var expectedScores = expected.ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
        foreach (var hit in actual.ScoreDocs)
        {
            Assert.Equal(expectedScores[hit.Doc], hit.Score, 1e-6f * Math.Max(1, Math.Abs(hit.Score)));
        }

        // Inside a filtered conjunction, as the service runs it, and with a conjunction that rejects most documents.
        var filter = new TermQuery(new Term(SearchFields.Position, "руководитель"));
        var filtered = new BooleanQuery { { lazy, Occur.MUST }, { new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST } };
        var eagerFiltered = new BooleanQuery { { eager, Occur.MUST }, { new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST } };
        Assert.Equal(searcher.Search(eagerFiltered, 3_000).ScoreDocs.Select(d => (d.Doc, d.Score)), searcher.Search(filtered, 3_000).ScoreDocs.Select(d => (d.Doc, d.Score)));
    }

    [Fact]
    public void Frequency_counts_the_fields_that_match()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer)))
        {
            writer.AddDocument(new Document { new TextField("a", "java", Field.Store.NO), new TextField("b", "java", Field.Store.NO) });
            writer.AddDocument(new Document { new TextField("a", "java", Field.Store.NO) });
            writer.AddDocument(new Document { new TextField("c", "java", Field.Store.NO) });
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var query = new LazyDisjunctionMaxQuery(0.1f) { new TermQuery(new Term("a", "java")), new TermQuery(new Term("b", "java")), new TermQuery(new Term("c", "java")) };
        var scorer = searcher.CreateNormalizedWeight(query).GetScorer((AtomicReaderContext)reader.Leaves[0], null)!;
        var freqs = new List<(int, int)>();
        while (scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            freqs.Add((scorer.DocID, scorer.Freq));
        }
        Assert.Equal([(0, 2), (1, 1), (2, 1)], freqs);
        Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, scorer.Advance(0));
    }
}
