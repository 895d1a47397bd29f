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

    private static string IdOf(int i) => new Guid(i, 0, 0, new byte[8]).ToString();

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
                    new StringField(SearchFields.Id, IdOf(i), Field.Store.YES),
                    new SortedDocValuesField(SearchFields.Id, new BytesRef(IdOf(i))),
                    new StringField(SearchFields.CityExact, city, Field.Store.NO),
                    new SortedDocValuesField(SearchFields.CityExact, new BytesRef(city)),
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
            writer.DeleteDocuments(new Term(SearchFields.Id, IdOf(3)), new Term(SearchFields.Id, IdOf(77)), new Term(SearchFields.Id, IdOf(1201)));
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

        // A dense filter reaches the query's scorers as their accepted documents; a sparse one leads a leap-frog.
        var searcher = new IndexSearcher(_reader);
        // Density is per segment: Uglich's one document is sparse in a segment of 1,700 and dense in one of 899.
        var checkedSegments = new HashSet<string>();
        foreach (var city in new[] { "москва", "углич" })
        {
            var weight = searcher.CreateNormalizedWeight(cache.Apply(new TermQuery(new Term(SearchFields.Position, "бухгалтер")), SearchFields.CityExact, city));
            foreach (var segment in _reader.Leaves)
            {
                if (weight.GetScorer(segment, segment.AtomicReader.LiveDocs) is not { } scorer)
                {
                    continue;
                }
                var inCity = segment.AtomicReader.DocFreq(new Term(SearchFields.CityExact, city));
                var isDense = (long)inCity * SearchFilterCache.DenseShare >= segment.AtomicReader.MaxDoc;
                checkedSegments.Add(isDense ? "dense" : "sparse");
                if (isDense)
                {
                    Assert.Equal("TermScorer", scorer.GetType().Name);
                }
                else
                {
                    Assert.Contains("LeapFrog", scorer.GetType().Name, StringComparison.Ordinal);
                }
            }
        }
        Assert.Equal(["dense", "sparse"], checkedSegments.Order());
    }

    [Theory]
    [InlineData("java kafka", "Москва", null)]
    [InlineData("разработчик 1С", "Казань", null)]
    [InlineData("бухгалтер", "Углич", null)]
    [InlineData("аналитик OR руководитель", "Москва", "vip")]
    [InlineData("python -kafka", "Самара", "vip")]
    [InlineData("продаж", null, "vip")]
    [InlineData("бухгалтер", "Углич", "vip")]
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

    [Theory]
    [InlineData("java kafka", "Москва", null)]
    [InlineData("разработчик OR аналитик", "Казань", "vip")]
    [InlineData("python", "Углич", null)]
    public void The_products_page_with_cursor_and_facets_matches_the_clause_form(string text, string city, string? tag)
    {
        var product = new CandidateSearcher(Analyzer, new SearchFilterCache());
        var expected = new BooleanQuery
        {
            { Parser.Parse(text), Occur.MUST },
            { new ConstantScoreQuery(new TermQuery(new Term(SearchFields.CityExact, city.ToLowerInvariant()))) { Boost = 0 }, Occur.MUST },
        };
        if (tag is not null)
        {
            expected.Add(new ConstantScoreQuery(new TermQuery(new Term(SearchFields.Tag, tag))) { Boost = 0 }, Occur.MUST);
        }
        var plain = new IndexSearcher(_reader);
        var sort = new Sort(SortField.FIELD_SCORE, new SortField(SearchFields.Id, SortFieldType.STRING));
        var want = plain.Search(expected, null, 10_000, sort, doDocScores: true, doMaxScore: false);
        var wanted = want.ScoreDocs.Select(d => (Guid.Parse(plain.Doc(d.Doc).Get(SearchFields.Id)), d.Score)).ToList();
        Assert.True(wanted.Count > 0, "the case finds nobody: it proves nothing");
        foreach (var searcher in new[] { plain, SlicedIndexSearcher.For(_reader, 3, minDocumentsToSlice: 0) })
        {
            var request = new SearchRequest(text, city, tag is null ? [] : [tag], null, null, null, null, null, SearchSort.Relevance, 25, null) { Facets = true };
            var got = new List<(Guid, float)>();
            FieldDoc? after = null;
            for (var page = 0; page < 1_000; page++)
            {
                var found = product.Search(searcher, Parser.Parse(text), request, after);
                Assert.Equal(want.TotalHits, found.Total);
                Assert.Equal(want.TotalHits, found.Facets.City.Single().Count);
                var hits = found.Hits.Take(request.Limit).ToList();
                got.AddRange(hits.Select(h => (h.Id, h.Score)));
                if (found.Hits.Count <= request.Limit)
                {
                    break;
                }
                after = new FieldDoc(int.MaxValue, hits[^1].Score, hits[^1].SortValues);
            }
            Assert.Equal(wanted, got);
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
        Assert.DoesNotContain(IdOf(3), ids);
        Assert.Contains(IdOf(6), ids);
    }
}
