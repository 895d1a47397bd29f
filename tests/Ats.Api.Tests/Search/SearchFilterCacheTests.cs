using Ats.Api.Search;
using Ats.Api.Search.Analysis;
using Ats.Api.Search.QueryLanguage;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Ats.Api.Tests.Search;

/// <summary>
/// Filters kept as bit sets restrict the query's postings (random access) instead of joining the conjunction; sparse
/// ones stay compressed and lead. Either way a filtered search must find exactly the documents, with exactly the
/// scores, of the query and the filter as two required clauses — on one thread and on ranges that split segments,
/// with deleted documents, for tags as well as cities.
/// </summary>
public sealed class SearchFilterCacheTests : IDisposable
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = SearchAnalyzers.Create();
    private static readonly RecruiterQueryParser Parser = new(SearchQueryParser.Options(Analyzer, new SkillSynonyms(new SkillSynonymsOptions())));
    private static readonly string[] Words = ["java", "kafka", "бухгалтер", "1с", "python", "разработчик", "аналитик", "kubernetes", "руководитель", "продаж"];

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public SearchFilterCacheTests()
    {
        var random = new Random(5);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer)))
        {
            for (var i = 0; i < 6_000; i++)
            {
                // Moscow: a third (dense); Kazan: a few percent (dense); Uglich: three documents (sparse, under 1 in 1,000).
                var city = i % 3 == 0 ? "москва" : i % 40 == 1 ? "казань" : i is 77 or 2_500 or 5_999 ? "углич" : "самара";
                var doc = new Document
                {
                    new StringField(SearchFields.Id, i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                    new SortedDocValuesField(SearchFields.Id, new BytesRef(i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                    new StringField(SearchFields.CityExact, city, Field.Store.NO),
                    new TextField(SearchFields.ResumeText, string.Join(' ', Enumerable.Range(0, random.Next(3, 30)).Select(_ => Words[random.Next(Words.Length)])), Field.Store.NO),
                    new TextField(SearchFields.Position, city == "углич" ? "бухгалтер" : Words[random.Next(Words.Length)], Field.Store.NO),
                };
                if (i % 7 == 0)
                {
                    doc.Add(new StringField(SearchFields.Tag, "vip", Field.Store.NO));
                }
                writer.AddDocument(doc);
                if (i % 1_700 == 0)
                {
                    writer.Commit();
                }
            }
            writer.DeleteDocuments(new Term(SearchFields.Id, "3"), new Term(SearchFields.Id, "77"), new Term(SearchFields.Id, "1201"));
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void Dense_filters_are_bit_sets_sparse_ones_are_not()
    {
        var cache = new SearchFilterCache();
        var leaf = _reader.Leaves.OrderByDescending(l => l.AtomicReader.MaxDoc).First();
        Assert.IsType<FixedBitSet>(cache.For(SearchFields.CityExact, "москва").GetDocIdSet(leaf, null));
        Assert.IsType<FixedBitSet>(cache.For(SearchFields.CityExact, "казань").GetDocIdSet(leaf, null));
        var sparse = cache.For(SearchFields.CityExact, "углич").GetDocIdSet(leaf, null);
        Assert.IsNotType<FixedBitSet>(sparse);
        Assert.Null(sparse?.Bits);
    }

    [Theory]
    [InlineData("java kafka", "Москва", null)]
    [InlineData("разработчик 1С", "Казань", null)]
    [InlineData("бухгалтер", "Углич", null)]
    [InlineData("аналитик OR руководитель", "Москва", "vip")]
    [InlineData("python -kafka", "Самара", "vip")]
    [InlineData("продаж", null, "vip")]
    public void A_filtered_search_finds_what_two_required_clauses_find_with_the_same_scores(string text, string? city, string? tag)
    {
        var product = new CandidateSearcher(Analyzer, new SearchFilterCache());
        var request = new SearchRequest(text, city, tag is null ? [] : [tag], null, null, null, null, null, SearchSort.Relevance, 20, null);
        var expected = new BooleanQuery { { Parser.Parse(text), Occur.MUST } };
        if (city is not null)
        {
            expected.Add(new ConstantScoreQuery(new TermQuery(new Term(SearchFields.CityExact, city.ToLowerInvariant()))) { Boost = 0 }, Occur.MUST);
        }
        if (tag is not null)
        {
            expected.Add(new ConstantScoreQuery(new TermQuery(new Term(SearchFields.Tag, tag))) { Boost = 0 }, Occur.MUST);
        }
        var plain = new IndexSearcher(_reader);
        var want = plain.Search(expected, 10_000);
        Assert.True(want.TotalHits > 0, "the case finds nobody: it proves nothing");
        foreach (var searcher in new[] { plain, SlicedIndexSearcher.For(_reader, 3, minDocumentsToSlice: 0) })
        {
            var got = searcher.Search(product.Query(Parser.Parse(text), request), 10_000);
            Assert.Equal(want.TotalHits, got.TotalHits);
            Assert.Equal(
                want.ScoreDocs.Select(d => (d.Doc, d.Score)).OrderBy(d => d.Doc),
                got.ScoreDocs.Select(d => (d.Doc, d.Score)).OrderBy(d => d.Doc));
        }
    }

    [Fact]
    public void Deleted_documents_stay_out_of_a_dense_filter()
    {
        var product = new CandidateSearcher(Analyzer, new SearchFilterCache());
        var request = new SearchRequest(null, "Москва", [], null, null, null, null, null, SearchSort.Relevance, 10_000, null);
        var searcher = new IndexSearcher(_reader);
        var ids = searcher.Search(product.Query(null, request), 10_000).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(SearchFields.Id)).ToHashSet();
        Assert.Equal(2_000 - 1, ids.Count);
        Assert.DoesNotContain("3", ids);
        Assert.Contains("6", ids);
    }
}
