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
/// A search split over slices of segments on several threads must answer exactly as one thread over the whole index:
/// same hits in the same order with the same scores, same totals, same facet counts, same pages after a cursor; and
/// a forced merge to N segments makes N segments of about equal size.
/// </summary>
public sealed class SlicedSearchTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = SearchAnalyzers.Create();
    private static readonly string[] Cities = ["москва", "казань", "пермь"];
    private static readonly string[] Words = ["java", "kafka", "postgresql", "бухгалтер", "1с", "python", "разработчик", "аналитик", "kubernetes", "руководитель"];

    private static readonly RecruiterQueryParser Parser = new(SearchQueryParser.Options(Analyzer, new SkillSynonyms(new SkillSynonymsOptions())));

    private static Document Candidate(Random random, int n)
    {
        var id = new Guid(n, 0, 0, new byte[8]).ToString();
        var text = string.Join(' ', Enumerable.Range(0, random.Next(3, 30)).Select(_ => Words[random.Next(Words.Length)]));
        var city = Cities[random.Next(Cities.Length)];
        var tag = "тег" + random.Next(4);
        var doc = new Document
        {
            new StringField(SearchFields.Id, id, Field.Store.YES),
            new SortedDocValuesField(SearchFields.Id, new BytesRef(id)),
            new Field(SearchFields.ResumeText, text, SearchFields.ResumeTextType),
            new StringField(SearchFields.CityExact, city, Field.Store.NO),
            new SortedDocValuesField(SearchFields.CityExact, new BytesRef(city)),
            new StringField(SearchFields.Tag, tag, Field.Store.NO),
            new SortedSetDocValuesField(SearchFields.Tag, new BytesRef(tag)),
            // Few distinct update times: ties must be broken by id the same way in both searches.
            new NumericDocValuesField(SearchFields.Updated, random.Next(5)),
        };
        return doc;
    }

    private static RAMDirectory Index(int documents, int segments)
    {
        var directory = new RAMDirectory();
        var random = new Random(7);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer) { MergePolicy = NoMergePolicy.COMPOUND_FILES });
        for (var i = 0; i < documents; i++)
        {
            writer.AddDocument(Candidate(random, i));
            if ((i + 1) % (documents / segments) == 0)
            {
                writer.Commit();
            }
        }
        // A deleted document must stay deleted in every slice.
        writer.DeleteDocuments(new Term(SearchFields.Id, new Guid(3, 0, 0, new byte[8]).ToString()));
        writer.Commit();
        return directory;
    }

    [Theory]
    [InlineData("java kafka", null, SearchSort.Relevance)]
    [InlineData("бухгалтер OR аналитик", "казань", SearchSort.Relevance)]
    [InlineData("разработчик -python", null, SearchSort.Updated)]
    [InlineData("\"java kafka\"", null, SearchSort.Relevance)]
    [InlineData("kuber*", "пермь", SearchSort.Updated)]
    public void A_sliced_search_answers_as_one_thread_over_the_whole_index(string text, string? city, SearchSort sort)
    {
        using var directory = Index(1_200, 7);
        using var reader = DirectoryReader.Open(directory);
        var sliced = SlicedIndexSearcher.For(reader, parallelism: 3, minDocumentsToSlice: 0);
        Assert.Equal(3, Assert.IsType<SlicedIndexSearcher>(sliced).SliceCount);
        var plain = new IndexSearcher(reader);
        var searcher = new CandidateSearcher(Analyzer, new SearchFilterCache());
        var main = Parser.Parse(text);

        FieldDoc? afterPlain = null, afterSliced = null;
        var pages = 0;
        var seen = new HashSet<Guid>();
        do
        {
            var request = new SearchRequest(text, city, [], null, null, null, null, null, sort, 25, null) { Facets = true };
            var expected = searcher.Search(plain, main, request, afterPlain);
            var actual = searcher.Search(sliced, main, request, afterSliced);
            Assert.True(expected.Total > 25, $"{text}: the test needs several pages, found {expected.Total}");
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Hits.Select(h => (h.Id, h.Score)), actual.Hits.Select(h => (h.Id, h.Score)));
            Assert.Equal(expected.Hits.Select(h => h.MatchedFields), actual.Hits.Select(h => h.MatchedFields));
            Assert.Equal(expected.Facets.City, actual.Facets.City);
            Assert.Equal(expected.Facets.Tag, actual.Facets.Tag);
            Assert.Equal(expected.Facets.City.Sum(c => c.Count), actual.Total);
            Assert.DoesNotContain(new Guid(3, 0, 0, new byte[8]), actual.Hits.Select(h => h.Id));
            foreach (var hit in actual.Hits.Take(25))
            {
                Assert.True(seen.Add(hit.Id), "a hit appeared on two pages");
            }
            afterPlain = expected.Hits.Count > 25 ? Cursor(expected.Hits[24]) : null;
            afterSliced = actual.Hits.Count > 25 ? Cursor(actual.Hits[24]) : null;
            pages++;
        }
        while (afterSliced is not null && pages < 100);
        Assert.True(pages > 1);
        Assert.Equal(searcher.Search(plain, main, new SearchRequest(text, city, [], null, null, null, null, null, sort, 1, null), null).Total, seen.Count);
    }

    // As the API's cursor: doc id MaxValue, so that the cursor's own candidate falls before it.
    private static FieldDoc Cursor(LuceneHit hit) => new(int.MaxValue, hit.Score, hit.SortValues);

    [Fact]
    public void Lucenes_own_top_hits_search_is_sliced_with_the_same_answer()
    {
        using var directory = Index(900, 5);
        using var reader = DirectoryReader.Open(directory);
        var sliced = SlicedIndexSearcher.For(reader, parallelism: 2, minDocumentsToSlice: 0);
        var query = Parser.Parse("java OR kafka");
        var expected = new IndexSearcher(reader).Search(query, 50);
        var actual = sliced.Search(query, 50);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), actual.ScoreDocs.Select(d => (d.Doc, d.Score)));
    }

    [Fact]
    public void Many_searches_at_once_on_one_sliced_searcher_each_get_their_own_answer()
    {
        using var directory = Index(1_500, 6);
        using var reader = DirectoryReader.Open(directory);
        var sliced = SlicedIndexSearcher.For(reader, parallelism: 2, minDocumentsToSlice: 0);
        var plain = new IndexSearcher(reader);
        string[] texts = ["java", "kafka", "бухгалтер", "python OR аналитик", "kubernetes -java", "разработчик"];
        var expected = texts.Select(t => plain.Search(Parser.Parse(t), 30)).ToArray();
        var failures = 0;
        // More searches than cores: helpers queue behind searches, and callers do the slices themselves.
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var k = i % texts.Length;
            var actual = sliced.Search(Parser.Parse(texts[k]), 30);
            if (actual.TotalHits != expected[k].TotalHits || !actual.ScoreDocs.Select(d => (d.Doc, d.Score)).SequenceEqual(expected[k].ScoreDocs.Select(d => (d.Doc, d.Score))))
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }

    [Fact]
    public void Lucenes_sorted_searches_on_a_sliced_searcher_answer_as_on_a_plain_one()
    {
        // More segments than threads: Lucene's own threaded sorted search would read sort values from the wrong segment.
        using var directory = Index(900, 5);
        using var reader = DirectoryReader.Open(directory);
        var sliced = SlicedIndexSearcher.For(reader, parallelism: 2, minDocumentsToSlice: 0);
        var plain = new IndexSearcher(reader);
        var query = Parser.Parse("java OR kafka");
        var sort = new Sort(new SortField(SearchFields.Updated, SortFieldType.INT64, reverse: true), new SortField(SearchFields.Id, SortFieldType.STRING));
        var expected = plain.Search(query, null, 40, sort);
        var actual = sliced.Search(query, null, 40, sort);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(d => d.Doc), actual.ScoreDocs.Select(d => d.Doc));
        var after = expected.ScoreDocs[^1];
        Assert.Equal(plain.SearchAfter(after, query, null, 40, sort).ScoreDocs.Select(d => d.Doc), sliced.SearchAfter(after, query, null, 40, sort).ScoreDocs.Select(d => d.Doc));
    }

    [Fact]
    public void Field_statistics_are_the_ones_of_the_whole_index()
    {
        using var directory = Index(900, 4);
        using var reader = DirectoryReader.Open(directory);
        var sliced = SlicedIndexSearcher.For(reader, parallelism: 2, minDocumentsToSlice: 0);
        var plain = new IndexSearcher(reader);
        foreach (var field in new[] { SearchFields.ResumeText, SearchFields.Id, "no_such_field" })
        {
            for (var i = 0; i < 2; i++)
            {
                var (expected, actual) = (plain.CollectionStatistics(field), sliced.CollectionStatistics(field));
                Assert.Equal((expected.MaxDoc, expected.DocCount, expected.SumDocFreq, expected.SumTotalTermFreq), (actual.MaxDoc, actual.DocCount, actual.SumDocFreq, actual.SumTotalTermFreq));
            }
        }
    }

    [Fact]
    public void A_small_index_or_one_thread_is_searched_without_slices()
    {
        using var directory = Index(300, 3);
        using var reader = DirectoryReader.Open(directory);
        Assert.IsNotType<SlicedIndexSearcher>(SlicedIndexSearcher.For(reader, parallelism: 2));
        Assert.IsNotType<SlicedIndexSearcher>(SlicedIndexSearcher.For(reader, parallelism: 1, minDocumentsToSlice: 0));
    }

    [Theory]
    [InlineData("java kafka", SearchSort.Relevance)]
    [InlineData("бухгалтер OR аналитик", SearchSort.Updated)]
    public void A_single_segment_is_cut_into_ranges_of_documents_with_the_same_answer(string text, SearchSort sort)
    {
        using var directory = Index(1_000, 1);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer)))
        {
            writer.ForceMerge(1);
        }
        using var reader = DirectoryReader.Open(directory);
        Assert.Single(reader.Leaves);
        var sliced = Assert.IsType<SlicedIndexSearcher>(SlicedIndexSearcher.For(reader, parallelism: 4, minDocumentsToSlice: 0));
        Assert.Equal(4, sliced.SliceCount);
        var searcher = new CandidateSearcher(Analyzer, new SearchFilterCache());
        var main = Parser.Parse(text);
        var request = new SearchRequest(text, null, [], null, null, null, null, null, sort, 1_000, null) { Facets = true };
        var expected = searcher.Search(new IndexSearcher(reader), main, request, null);
        var actual = searcher.Search(sliced, main, request, null);
        Assert.True(expected.Total > 100);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Hits.Select(h => (h.Id, h.Score)), actual.Hits.Select(h => (h.Id, h.Score)));
        Assert.Equal(expected.Facets.City, actual.Facets.City);
    }

    [Fact]
    public void A_forced_merge_to_n_segments_makes_n_segments_of_about_equal_size()
    {
        using var directory = new RAMDirectory();
        var random = new Random(3);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer) { MaxBufferedDocs = 37,
            // As a rebuild: no merges while indexing (the tiered policy would merge these tiny segments into one), only the forced one.
            MergePolicy = new BalancedMergePolicy { NaturalMerges = false },
        };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < 2_000; i++)
            {
                writer.AddDocument(Candidate(random, i));
            }
            writer.Commit();
            using (var before = DirectoryReader.Open(directory))
            {
                Assert.Equal(2_000 / 37 + 1, before.Leaves.Count);
            }
            writer.ForceMerge(3);
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        var sizes = reader.Leaves.Select(l => l.AtomicReader.MaxDoc).ToList();
        Assert.Equal(3, sizes.Count);
        Assert.Equal(2_000, sizes.Sum());
        // Flushed segments of ~37 documents shared out largest-first: no group more than one segment off another.
        Assert.True(sizes.Max() - sizes.Min() <= 40, string.Join(", ", sizes));
        var searcher = Assert.IsType<SlicedIndexSearcher>(SlicedIndexSearcher.For(reader, parallelism: 3, minDocumentsToSlice: 0));
        Assert.Equal(3, searcher.SliceCount);
    }
}
