using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Ats.Api.Tests.Search;

/// <summary>A small Lucene index in memory: documents are field → text maps with an "id".</summary>
internal sealed class InMemoryIndex : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public InMemoryIndex(Analyzer analyzer, IEnumerable<IReadOnlyDictionary<string, string>> documents)
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
        {
            foreach (var fields in documents)
            {
                var document = new Document();
                foreach (var (name, value) in fields)
                {
                    document.Add(name == "id" ? new StringField(name, value, Field.Store.YES) : new TextField(name, value, Field.Store.NO));
                }
                writer.AddDocument(document);
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        Searcher = new IndexSearcher(_reader);
    }

    public IndexSearcher Searcher { get; }

    /// <summary>Ids of every matching document, sorted, so tests compare sets.</summary>
    public List<string> Ids(Lucene.Net.Search.Query query) =>
        Searcher.Search(query, 1000).ScoreDocs.Select(d => Searcher.Doc(d.Doc).Get("id")).Order(StringComparer.Ordinal).ToList();

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
