using System.Diagnostics;
using System.Globalization;
using Ats.Api.Search;
using Ats.Api.Search.Analysis;
using Ats.Api.Search.QueryLanguage;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Npgsql;
using NpgsqlTypes;

namespace Ats.Benchmarks;

/// <summary>
/// The same synthetic candidates in a Lucene index (our analyzers and query parser) and in PostgreSQL full-text
/// search (tsvector, 'russian' configuration, GIN, ts_rank), the same recruiter queries against both in one run:
/// p50/p95/p99 latency, queries per second on one thread, build time and size.
/// Usage: ATS_BENCH_POSTGRES=&lt;connection string of a server where the user may create databases&gt; … search 100000
/// </summary>
public static class SearchBenchmark
{
    public static async Task<int> RunAsync(int count, int rounds)
    {
        var admin = Environment.GetEnvironmentVariable("ATS_BENCH_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            Console.Error.WriteLine("Set ATS_BENCH_POSTGRES (e.g. eval \"$(infra/postgres.sh start)\" and use $ATS_TEST_POSTGRES).");
            return 1;
        }
        var root = FindRoot();
        var people = SyntheticCandidates.FromSharedTestData(root).Generate(count, seed: 42).ToList();
        Console.WriteLine($"# Search benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {count:N0} candidates, {rounds} rounds per query");
        Console.WriteLine($"Average résumé text: {people.Average(p => p.ResumeText.Length):0} characters.");

        var indexPath = Path.Combine(Path.GetTempPath(), "ats-bench-index-" + count);
        var sw = Stopwatch.StartNew();
        var analyzer = SearchAnalyzers.Create();
        // ATS_BENCH_REUSE=1 also keeps the Lucene index of an earlier run with the same count (same seed, same documents).
        if (Environment.GetEnvironmentVariable("ATS_BENCH_REUSE") == "1" && System.IO.Directory.Exists(indexPath))
        {
            Console.WriteLine("Lucene: index of an earlier run reused.");
        }
        else
        {
            BuildIndex(indexPath, analyzer, people);
            Console.WriteLine($"Lucene: built on {Environment.ProcessorCount} threads and merged into {Threads} segments in {sw.Elapsed.TotalSeconds:0.0} s, process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB.");
        }
        var luceneSize = new DirectoryInfo(indexPath).EnumerateFiles().Sum(f => f.Length);
        Console.WriteLine($"Lucene: {luceneSize / 1024.0 / 1024:0} MB on disk.");

        var database = $"ats_bench_{count}";
        // ATS_BENCH_REUSE=1: keep PostgreSQL's table of an earlier run with the same count (same seed, same rows).
        var reuse = false;
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            reuse = Environment.GetEnvironmentVariable("ATS_BENCH_REUSE") == "1"
                && await new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{database}'", c).ExecuteScalarAsync() is not null;
            if (!reuse)
            {
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", c).ExecuteNonQueryAsync();
                await new NpgsqlCommand($"CREATE DATABASE {database}", c).ExecuteNonQueryAsync();
            }
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = database, CommandTimeout = 0 }.ConnectionString;
        sw.Restart();
        if (!reuse)
        {
            await using (var c = new NpgsqlConnection(cs))
            {
                await c.OpenAsync();
                await new NpgsqlCommand("""
                    CREATE TABLE bench_candidates (id uuid PRIMARY KEY, surname text, first_name text, patronymic text, city text, position text,
                      tags text[], resume text, updated_at timestamptz,
                      tsv tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('russian', coalesce(surname,'') || ' ' || coalesce(first_name,'') || ' ' || coalesce(patronymic,'')), 'A') ||
                        setweight(to_tsvector('russian', coalesce(position,'') || ' ' || coalesce(city,'')), 'B') ||
                        setweight(to_tsvector('russian', coalesce(resume,'')), 'D')) STORED)
                    """, c).ExecuteNonQueryAsync();
                await using (var copy = await c.BeginBinaryImportAsync("COPY bench_candidates (id, surname, first_name, patronymic, city, position, tags, resume, updated_at) FROM STDIN (FORMAT BINARY)"))
                {
                    foreach (var p in people)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(p.Surname);
                        await copy.WriteAsync(p.FirstName);
                        await copy.WriteAsync(p.Patronymic);
                        await copy.WriteAsync(p.City);
                        await copy.WriteAsync(p.Position);
                        await copy.WriteAsync(p.Tags, NpgsqlDbType.Array | NpgsqlDbType.Text);
                        await copy.WriteAsync(p.ResumeText);
                        await copy.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz);
                    }
                    await copy.CompleteAsync();
                }
                await new NpgsqlCommand("CREATE INDEX ON bench_candidates USING gin (tsv); CREATE INDEX ON bench_candidates (city); ANALYZE bench_candidates;", c).ExecuteNonQueryAsync();
            }
        }
        var pgBuild = sw.Elapsed;
        long pgSize;
        await using (var c = new NpgsqlConnection(cs))
        {
            await c.OpenAsync();
            pgSize = (long)(await new NpgsqlCommand("SELECT pg_total_relation_size('bench_candidates')", c).ExecuteScalarAsync())!;
        }
        Console.WriteLine(reuse
            ? $"PostgreSQL: table of an earlier run reused, table + indexes {pgSize / 1024.0 / 1024:0} MB."
            : $"PostgreSQL: loaded and indexed in {pgBuild.TotalSeconds:0.0} s, table + indexes {pgSize / 1024.0 / 1024:0} MB.");

        var queries = RecruiterQueries.For(people);
        // The million generated candidates (~7 GB of strings) are let go before measuring: a service does not hold
        // them, and every full garbage collection of such a heap would be charged to Lucene's side of the timings
        // (PostgreSQL works in its own process). Snippet texts are read from PostgreSQL, untimed.
        people.Clear();
        people.TrimExcess();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        Console.WriteLine($"Measuring with a managed heap of {GC.GetTotalMemory(false) / 1024 / 1024} MB.");
        var parser = Parser(analyzer);
        using var reader = DirectoryReader.Open(FSDirectory.Open(indexPath));
        // The service's searcher (slices searched on Search:SearchThreads threads) and, as a peer in the same run, one
        // thread over the same segments.
        var searcher = SlicedIndexSearcher.For(reader, Threads);
        var oneThread = new IndexSearcher(reader);
        Console.WriteLine($"Lucene: {reader.Leaves.Count} segments ({string.Join(", ", reader.Leaves.Select(l => l.AtomicReader.MaxDoc.ToString("N0", CultureInfo.InvariantCulture)))} documents), searched on {(searcher as SlicedIndexSearcher)?.SliceCount ?? 1} threads.");
        var product = new CandidateSearcher(analyzer, new SearchFilterCache());
        await using var textsConnection = new NpgsqlConnection(cs);
        await textsConnection.OpenAsync();
        async Task<Dictionary<Guid, string>> Texts(IEnumerable<Guid> ids)
        {
            await using var command = new NpgsqlCommand("SELECT id, resume FROM bench_candidates WHERE id = ANY(@ids)", textsConnection);
            command.Parameters.AddWithValue("ids", ids.ToArray());
            var result = new Dictionary<Guid, string>();
            await using var rows = await command.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                result[rows.GetGuid(0)] = rows.GetString(1);
            }
            return result;
        }
        var lucene = new List<double>();
        var single = new List<double>();
        var page = new List<double>();
        var postgres = new List<double>();
        long luceneHits = 0, pgHits = 0;
        await using var pg = new NpgsqlConnection(cs);
        await pg.OpenAsync();
        var perQuery = new List<string>();
        foreach (var (text, city) in queries)
        {
            var (luceneFrom, postgresFrom, luceneTotal, postgresTotal) = (lucene.Count, postgres.Count, 0, 0L);
            var request = new SearchRequest(text, city, [], null, null, null, null, null, SearchSort.Relevance, 20, null);
            for (var r = 0; r <= rounds; r++)
            {
                // The sliced and the one-thread search take turns going first: the second runs with warmer caches.
                TopDocs top = null!, alone = null!;
                for (var turn = 0; turn < 2; turn++)
                {
                    sw.Restart();
                    if ((turn + r) % 2 == 0)
                    {
                        top = searcher.Search(product.Query(parser.Parse(text), request), 20);
                        if (r > 0)
                        {
                            lucene.Add(sw.Elapsed.TotalMilliseconds);
                            luceneHits += top.TotalHits;
                        }
                    }
                    else
                    {
                        alone = oneThread.Search(product.Query(parser.Parse(text), request), 20);
                        if (r > 0)
                        {
                            single.Add(sw.Elapsed.TotalMilliseconds);
                        }
                    }
                }
                luceneTotal = top.TotalHits;
                if (alone.TotalHits != top.TotalHits || (top.TotalHits > 0 && alone.ScoreDocs[0].Score != top.ScoreDocs[0].Score))
                {
                    throw new InvalidOperationException($"{text}: one thread and the slices disagree.");
                }

                // The API's Lucene work for a page: stable sort, matched fields and snippets of the 20 hits. The API
                // reads the page's texts from PostgreSQL (measured by search-api); here that read is not timed.
                sw.Restart();
                var main = parser.Parse(text);
                var full = product.Search(searcher, main, request, null);
                var pageMs = sw.Elapsed.TotalMilliseconds;
                var texts = await Texts(full.Hits.Take(20).Select(h => h.Id));
                sw.Restart();
                foreach (var hit in full.Hits.Take(20))
                {
                    _ = product.Snippets(hit, main, texts.GetValueOrDefault(hit.Id));
                }
                if (r > 0)
                {
                    page.Add(pageMs + sw.Elapsed.TotalMilliseconds);
                }
                if (full.Total != top.TotalHits)
                {
                    throw new InvalidOperationException($"{text}: {full.Total} matches with the page, {top.TotalHits} without.");
                }

                sw.Restart();
                await using var command = new NpgsqlCommand(city is null
                    ? "SELECT id, ts_rank(tsv, q) AS rank, count(*) OVER () FROM bench_candidates, websearch_to_tsquery('russian', @q) q WHERE tsv @@ q ORDER BY rank DESC LIMIT 20"
                    : "SELECT id, ts_rank(tsv, q) AS rank, count(*) OVER () FROM bench_candidates, websearch_to_tsquery('russian', @q) q WHERE tsv @@ q AND city = @city ORDER BY rank DESC LIMIT 20", pg);
                command.Parameters.AddWithValue("q", RecruiterQueries.ForPostgres(text));
                if (city is not null)
                {
                    command.Parameters.AddWithValue("city", city);
                }
                long total = 0;
                await using (var rows = await command.ExecuteReaderAsync())
                {
                    while (await rows.ReadAsync())
                    {
                        total = rows.GetInt64(2);
                    }
                }
                if (r > 0)
                {
                    postgres.Add(sw.Elapsed.TotalMilliseconds);
                    pgHits += total;
                }
                postgresTotal = total;
            }
            perQuery.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {text.Replace("|", "\\|", StringComparison.Ordinal)}{(city is null ? "" : $" [{city}]")} | {luceneTotal:N0} | {postgresTotal:N0} | {Percentile(lucene[luceneFrom..], 50):0.00} | {Percentile(single[luceneFrom..], 50):0.00} | {Percentile(page[luceneFrom..], 50):0.00} | {Percentile(postgres[postgresFrom..], 50):0.00} |"));
        }
        Console.WriteLine();
        Console.WriteLine($"{queries.Count} queries × {rounds} rounds, one thread, top 20 with total count, direct (not through HTTP):");
        Console.WriteLine();
        Console.WriteLine("| engine | p50 ms | p95 ms | p99 ms | queries/s | matches per query (mean) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Row("Lucene (Ats analyzers), top 20 + count", lucene, luceneHits);
        Row("Lucene, top 20 + count, one thread over the same segments", single, luceneHits);
        Row("Lucene, the API's page: + stable sort, matched fields, snippets", page, luceneHits);
        Row("PostgreSQL FTS (russian, GIN, ts_rank)", postgres, pgHits);
        Console.WriteLine();
        Console.WriteLine("Per query (matches, median ms):");
        Console.WriteLine();
        Console.WriteLine("| query [city filter] | Lucene matches | PostgreSQL matches | Lucene ms | one thread ms | Lucene page ms | PostgreSQL ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        perQuery.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Median ratio PostgreSQL / Lucene: {Percentile(postgres, 50) / Percentile(lucene, 50):0.0}×; p99 ratio {Percentile(postgres, 99) / Percentile(lucene, 99):0.0}×; " +
            $"against the API's Lucene page: median {Percentile(postgres, 50) / Percentile(page, 50):0.0}×, p99 {Percentile(postgres, 99) / Percentile(page, 99):0.0}×; " +
            $"against one thread: median {Percentile(postgres, 50) / Percentile(single, 50):0.0}×, p99 {Percentile(postgres, 99) / Percentile(single, 99):0.0}×."));
        Console.WriteLine($"Process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB.");
        return 0;
    }

    /// <summary>
    /// How many candidates each query matches in Lucene (to check that the query set stays typical for a generator),
    /// with median times of parsing, top 20 + count, and the API's page (matched fields, snippets) — a quick profile.
    /// </summary>
    public static int QueryMatches(int count)
    {
        var people = SyntheticCandidates.FromSharedTestData(FindRoot()).Generate(count, seed: 42).ToList();
        Console.WriteLine($"{count:N0} candidates, average résumé {people.Average(p => p.ResumeText.Length):0} characters, {people.Count(p => p.ResumeText.Length > 4096)} over 4 KB.");
        var indexPath = Path.Combine(Path.GetTempPath(), "ats-bench-queries-" + count);
        var analyzer = SearchAnalyzers.Create();
        // ATS_BENCH_KEEP=1 keeps the index for the next run (the same count and seed give the same base).
        if (!System.IO.Directory.Exists(indexPath) || Environment.GetEnvironmentVariable("ATS_BENCH_KEEP") is null)
        {
            BuildIndex(indexPath, analyzer, people);
        }
        var texts = people.ToDictionary(p => p.Id, p => p.ResumeText);
        var parser = Parser(analyzer);
        using (var reader = DirectoryReader.Open(FSDirectory.Open(indexPath)))
        {
            var searcher = SlicedIndexSearcher.For(reader, Threads);
            var product = new CandidateSearcher(analyzer, new SearchFilterCache());
            foreach (var (text, city) in RecruiterQueries.For(people))
            {
                var request = new SearchRequest(text, city, [], null, null, null, null, null, SearchSort.Relevance, 20, null);
                var (parse, search, page) = (new List<double>(), new List<double>(), new List<double>());
                var total = 0;
                for (var r = 0; r < 6; r++)
                {
                    var sw = Stopwatch.StartNew();
                    var main = parser.Parse(text);
                    parse.Add(sw.Elapsed.TotalMilliseconds);
                    sw.Restart();
                    total = searcher.Search(product.Query(main, request), 20).TotalHits;
                    search.Add(sw.Elapsed.TotalMilliseconds);
                    sw.Restart();
                    foreach (var hit in product.Search(searcher, main, request, null).Hits.Take(20))
                    {
                        _ = product.Snippets(hit, main, texts[hit.Id]);
                    }
                    page.Add(sw.Elapsed.TotalMilliseconds);
                }
                if (Environment.GetEnvironmentVariable("ATS_BENCH_SHOW") is { } show && text.Contains(show, StringComparison.Ordinal))
                {
                    Console.WriteLine(parser.Parse(text));
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{total,9:N0}  parse {Percentile(parse[1..], 50),6:0.00}  top 20 {Percentile(search[1..], 50),6:0.00}  page {Percentile(page[1..], 50),6:0.00} ms  {text}{(city is null ? "" : " [city " + city + "]")}"));
            }
        }
        if (Environment.GetEnvironmentVariable("ATS_BENCH_KEEP") is null)
        {
            System.IO.Directory.Delete(indexPath, true);
        }
        return 0;
    }

    /// <summary>One query against an existing index: its Lucene form, document frequencies of its terms, and timings.</summary>
    public static int ProfileQuery(string indexPath, string text, string? city)
    {
        var analyzer = SearchAnalyzers.Create();
        var parser = Parser(analyzer);
        using Lucene.Net.Store.Directory directory = Environment.GetEnvironmentVariable("ATS_BENCH_DIR") switch
        {
            "nio" => new NIOFSDirectory(new DirectoryInfo(indexPath)),
            "simple" => new SimpleFSDirectory(new DirectoryInfo(indexPath)),
            _ => FSDirectory.Open(indexPath),
        };
        // ATS_BENCH_NRT=1: a near-real-time reader from an IndexWriter, as the service has.
        var nrt = Environment.GetEnvironmentVariable("ATS_BENCH_NRT");
        using var writer = nrt is "1" or "2"
            ? new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { OpenMode = OpenMode.APPEND })
            : null;
        using var reader = nrt == "1" ? DirectoryReader.Open(writer, true) : DirectoryReader.Open(directory);
        var searcher = SlicedIndexSearcher.For(reader, Threads);
        var product = new CandidateSearcher(analyzer, new SearchFilterCache());
        var main = parser.Parse(text);
        Console.WriteLine(main);
        var terms = new HashSet<Term>();
        searcher.Rewrite(main).ExtractTerms(terms);
        foreach (var term in terms.Where(t => reader.DocFreq(t) > 0).OrderByDescending(t => reader.DocFreq(t)))
        {
            Console.WriteLine($"  {reader.DocFreq(term),9:N0}  {term}");
        }
        var request = new SearchRequest(text, city, [], null, null, null, null, null, SearchSort.Relevance, 20, null);
        var (plain, page, weights, parses) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("ATS_BENCH_ROUNDS"), out var n) ? n : 12;
        // As a peer in the same rounds: parsing with every field analysed on its own (no shared analyses).
        var perField = new RecruiterQueryParser(SearchQueryParser.Options(analyzer, new SkillSynonyms(new SkillSynonymsOptions())) with
        {
            AnalysisOf = new Dictionary<string, string>(),
        });
        var parsesPerField = new List<double>();
        var plainConjunction = new List<double>();
        // The form before dense filters became accept-docs: Lucene's compressed cached set as a required clause.
        var cityClause = city is null ? null : new ConstantScoreQuery(new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term(SearchFields.CityExact, city.ToLowerInvariant()))))) { Boost = 0 };
        void Round()
        {
            var sw = Stopwatch.StartNew();
            _ = product.Query(perField.Parse(text), request);
            parsesPerField.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            _ = product.Query(parser.Parse(text), request);
            parses.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            // Parsing, rewriting and looking up every term's statistics in every segment: the part done before slicing.
            _ = searcher.CreateNormalizedWeight(product.Query(parser.Parse(text), request));
            weights.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            var top = searcher.Search(product.Query(parser.Parse(text), request), 20);
            plain.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            var found = product.Search(searcher, parser.Parse(text), request, null);
            page.Add(sw.Elapsed.TotalMilliseconds);
            if (city is not null)
            {
                // Peer: the city as a required clause of the conjunction (a compressed set leap-frogged with the words).
                sw.Restart();
                var conjunction = new BooleanQuery { { parser.Parse(text), Occur.MUST }, { cityClause!, Occur.MUST } };
                var old = searcher.Search(conjunction, 20);
                plainConjunction.Add(sw.Elapsed.TotalMilliseconds);
                if (old.TotalHits != top.TotalHits)
                {
                    throw new InvalidOperationException($"The city as a clause finds {old.TotalHits}, as a filter {top.TotalHits}.");
                }
            }
            if (plain.Count == 1)
            {
                Console.WriteLine($"{top.TotalHits:N0} matches; {reader.Leaves.Count} segments");
            }
        }
        for (var r = 0; r < rounds; r++)
        {
            // ATS_BENCH_POOL=1: from a thread-pool thread, as a request in the service (or after an await) runs.
            if (Environment.GetEnvironmentVariable("ATS_BENCH_POOL") == "1")
            {
                Task.Run(Round).Wait();
            }
            else
            {
                Round();
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse: p50 {Percentile(parses[2..], 50):0.00} ms (each field analysed on its own {Percentile(parsesPerField[2..], 50):0.00}); parse + weight: p50 {Percentile(weights[2..], 50):0.00} ms; top 20: p50 {Percentile(plain[2..], 50):0.00} ms{(city is null ? "" : $" (city as a clause {Percentile(plainConjunction[2..], 50):0.00})")}; product page (rank + fields + marks): p50 {Percentile(page[2..], 50):0.00} ms"));
        return 0;
    }

    /// <summary>Merges an existing index down to <paramref name="segments"/> segments (commit data kept) and times it.</summary>
    public static int ForceMerge(string indexPath, int segments)
    {
        var sw = Stopwatch.StartNew();
        using var dir = FSDirectory.Open(indexPath);
        using var writer = new IndexWriter(dir, new IndexWriterConfig(LuceneVersion.LUCENE_48, SearchAnalyzers.Create()) { OpenMode = OpenMode.APPEND, MergePolicy = new BalancedMergePolicy() });
        static int Count(Lucene.Net.Store.Directory d)
        {
            var infos = new SegmentInfos();
            infos.Read(d);
            return infos.Count;
        }
        var before = Count(dir);
        writer.ForceMerge(segments);
        writer.Commit();
        Console.WriteLine($"{before} → {Count(dir)} segments in {sw.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static void BuildIndex(string indexPath, Lucene.Net.Analysis.Analyzer analyzer, List<SyntheticCandidate> people)
    {
        if (System.IO.Directory.Exists(indexPath))
        {
            System.IO.Directory.Delete(indexPath, true);
        }
        using var dir = FSDirectory.Open(indexPath);
        var scheduler = new ConcurrentMergeScheduler();
        scheduler.SetMaxMergesAndThreads(Threads + 5, Threads);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 256,
            MergePolicy = new BalancedMergePolicy { NaturalMerges = false },
            MergeScheduler = scheduler,
        };
        using var writer = new IndexWriter(dir, config);
        Parallel.ForEach(people, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, p => writer.AddDocument(Document(p)));
        // As the product's rebuild does (Search:MergeAfterRebuild, Search:SearchThreads).
        writer.ForceMerge(Threads);
        writer.Commit();
    }

    /// <summary>As the service's Search:SearchThreads (ATS_BENCH_THREADS; default one per core).</summary>
    private static int Threads => int.TryParse(Environment.GetEnvironmentVariable("ATS_BENCH_THREADS"), out var n) && n > 0 ? n : Environment.ProcessorCount;

    private static RecruiterQueryParser Parser(Lucene.Net.Analysis.Analyzer analyzer) => new(SearchQueryParser.Options(analyzer, new SkillSynonyms(new SkillSynonymsOptions())));

    private static void Row(string name, List<double> ms, long hits) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Percentile(ms, 50):0.00} | {Percentile(ms, 95):0.00} | {Percentile(ms, 99):0.00} | {ms.Count / (ms.Sum() / 1000):0} | {(double)hits / ms.Count:0} |"));

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }

    private static Document Document(SyntheticCandidate p)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Id, p.Id.ToString(), Field.Store.YES),
            new SortedDocValuesField(SearchFields.Id, new BytesRef(p.Id.ToString())),
            new TextField(SearchFields.Surname, p.Surname, Field.Store.NO),
            new TextField(SearchFields.FirstName, p.FirstName, Field.Store.NO),
            new TextField(SearchFields.Patronymic, p.Patronymic, Field.Store.NO),
            new TextField(SearchFields.NameKey, $"{p.Surname} {p.FirstName} {p.Patronymic}", Field.Store.NO),
            new TextField(SearchFields.Position, p.Position, Field.Store.NO),
            new TextField(SearchFields.City, p.City, Field.Store.NO),
            new StringField(SearchFields.CityExact, p.City.ToLowerInvariant(), Field.Store.NO),
            new SortedDocValuesField(SearchFields.CityExact, new BytesRef(p.City.ToLowerInvariant())),
            new Field(SearchFields.ResumeText, p.ResumeText, SearchFields.ResumeTextType),
            new NumericDocValuesField(SearchFields.TextFingerprint, ResumeTexts.Fingerprint(p.ResumeText)),
            new NumericDocValuesField(SearchFields.Updated, p.UpdatedAt.UtcTicks),
        };
        foreach (var tag in p.Tags)
        {
            doc.Add(new StringField(SearchFields.Tag, tag, Field.Store.NO));
        }
        return doc;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ats.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? ".";
    }
}
