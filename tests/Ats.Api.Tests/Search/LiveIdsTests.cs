using Ats.Api.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Ats.Api.Tests.Search;

/// <summary>The status endpoint's consistency check reads every live candidate id of the index: from doc values,
/// or from stored fields in a segment written without them; deleted documents never count.</summary>
public sealed class LiveIdsTests
{
    [Fact]
    public void Every_live_id_once_from_doc_values_or_stored_fields()
    {
        using var directory = new RAMDirectory();
        var ids = Enumerable.Range(0, 500).Select(i => new Guid(i, 7, 7, new byte[8])).ToList();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, SearchAnalyzers.Create()) { MergePolicy = NoMergePolicy.COMPOUND_FILES }))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var doc = new Document { new StringField(SearchFields.Id, ids[i].ToString(), Field.Store.YES) };
                // The first segment as an old index wrote it: stored id only.
                if (i >= 200)
                {
                    doc.Add(new SortedDocValuesField(SearchFields.Id, new BytesRef(ids[i].ToString())));
                }
                writer.AddDocument(doc);
                if (i == 199 || i == 349)
                {
                    writer.Commit();
                }
            }
            writer.DeleteDocuments(new Term(SearchFields.Id, ids[5].ToString()), new Term(SearchFields.Id, ids[300].ToString()), new Term(SearchFields.Id, ids[499].ToString()));
            writer.Commit();
        }
        var expected = ids.Except([ids[5], ids[300], ids[499]]).Order().ToList();
        using (var reader = DirectoryReader.Open(directory))
        {
            Assert.Equal(3, reader.Leaves.Count);
            Assert.Equal(expected, SearchEndpoints.LiveIds(reader).Order());
        }
        // Merged into one segment, the old documents have no doc value among the new ones' values.
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, SearchAnalyzers.Create())))
        {
            writer.ForceMerge(1);
        }
        using (var merged = DirectoryReader.Open(directory))
        {
            Assert.Single(merged.Leaves);
            Assert.NotNull(merged.Leaves[0].AtomicReader.GetSortedDocValues(SearchFields.Id));
            Assert.Equal(expected, SearchEndpoints.LiveIds(merged).Order());
        }
    }
}
