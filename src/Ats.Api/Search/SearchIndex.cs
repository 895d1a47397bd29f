using System.Globalization;
using Ats.Api.Data;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Directory = System.IO.Directory;

namespace Ats.Api.Search;

/// <summary>A position in the change log: the last applied (transaction id, row id).</summary>
public readonly record struct ChangeCursor(ulong TransactionId, long Id)
{
    public static readonly ChangeCursor Start = new(0, 0);
}

/// <summary>Why a background rebuild failed (exception type and message, at most 500 characters; shown to
/// administrators only), and when.</summary>
public sealed record RebuildFailure(string Reason, DateTimeOffset At);

/// <summary>
/// Owns this instance's Lucene index: one IndexWriter, one SearcherManager, and the cursor into the change log,
/// which is stored in the index's own commit data so index and cursor can never disagree. A rebuild writes a new
/// generation folder from PostgreSQL while searches keep using the old one, then swaps the two.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string CursorTx = "cursor_tx";
    private const string CursorId = "cursor_id";
    private const string SchemaKey = "schema";

    /// <summary>
    /// Version of the document layout (fields, analysis, index options). An index written with another one is still
    /// opened and searched, and rebuilt in the background. 2: résumé text with offsets in the postings, no term vectors.
    /// </summary>
    public const string Schema = "2";

    private readonly string _root;
    private readonly Func<Analyzer> _analyzers;
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<SearchOptions> _options;
    private readonly ILogger<SearchIndex> _logger;
    private readonly SemaphoreSlim _write = new(1, 1);
    private int _rebuilding;
    private Generation? _current;

    private sealed record Generation(string Path, FSDirectory Directory, IndexWriter Writer, SearcherManager Searchers) : IDisposable
    {
        public void Dispose()
        {
            Searchers.Dispose();
            Writer.Dispose();
            Directory.Dispose();
        }
    }

    public SearchIndex(IHostEnvironment env, IOptions<SearchOptions> options, Func<Analyzer> analyzers, IServiceScopeFactory scopes, ILogger<SearchIndex> logger)
    {
        _root = Path.IsPathRooted(options.Value.IndexPath) ? options.Value.IndexPath : Path.Combine(env.ContentRootPath, options.Value.IndexPath);
        _analyzers = analyzers;
        _scopes = scopes;
        _options = options;
        _logger = logger;
    }

    public ChangeCursor Cursor { get; private set; } = ChangeCursor.Start;

    public bool IsOpen => _current is not null;

    /// <summary>The document layout of the index in use (<see cref="Schema"/> once rebuilt).</summary>
    public string CurrentSchema { get; private set; } = Schema;

    public Analyzer Analyzer { get; private set; } = null!;

    /// <summary>Opens the current generation, or rebuilds from PostgreSQL when it is missing or unreadable.</summary>
    public async Task OpenAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_root);
        Analyzer = _analyzers();
        var pointer = Path.Combine(_root, "current");
        if (File.Exists(pointer))
        {
            var path = Path.Combine(_root, (await File.ReadAllTextAsync(pointer, ct)).Trim());
            try
            {
                var generation = Open(path, create: false);
                Cursor = ReadCursor(generation.Writer);
                _current = generation;
                _logger.LogInformation("Search index opened: {Docs} documents", generation.Writer.NumDocs);
                CurrentSchema = SchemaOf(generation.Writer);
                if (CurrentSchema != Schema)
                {
                    _logger.LogWarning("Search index was written by an older version; it answers searches while a new one is built");
                    TryStartRebuild(_logger, ct);
                }
                return;
            }
            catch (Exception e) when (e is IOException or CorruptIndexException or IndexNotFoundException or LockObtainFailedException or InvalidOperationException)
            {
                _logger.LogWarning(e, "Search index at {Path} is missing or unreadable; rebuilding from PostgreSQL", path);
            }
        }
        await RebuildAsync(ct);
    }

    public bool IsRebuilding => Volatile.Read(ref _rebuilding) == 1;

    /// <summary>The last background rebuild's failure, until one succeeds (shown by the status endpoint).</summary>
    public RebuildFailure? LastRebuildFailure { get; private set; }

    /// <summary>Whether the index in use has an older layout and no rebuild is running: the indexer retries then.</summary>
    public bool NeedsRebuild => IsOpen && CurrentSchema != Schema && !IsRebuilding;

    /// <summary>Starts a rebuild unless one is running; false when one already is.</summary>
    public bool TryStartRebuild(ILogger logger, CancellationToken ct)
    {
        if (Interlocked.CompareExchange(ref _rebuilding, 1, 0) != 0)
        {
            return false;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await RebuildCoreAsync(ct);
                LastRebuildFailure = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var reason = $"{e.GetType().Name}: {e.Message}";
                LastRebuildFailure = new RebuildFailure(reason.Length > 500 ? reason[..500] : reason, DateTimeOffset.UtcNow);
                logger.LogError(e, "Search index rebuild failed; the previous index stays in use");
            }
            finally
            {
                Volatile.Write(ref _rebuilding, 0);
            }
        }, CancellationToken.None);
        return true;
    }

    /// <summary>Builds a fresh generation from PostgreSQL and swaps it in; searches use the old one meanwhile.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        if (Interlocked.CompareExchange(ref _rebuilding, 1, 0) != 0)
        {
            throw new InvalidOperationException("A rebuild is already running.");
        }
        try
        {
            return await RebuildCoreAsync(ct);
        }
        finally
        {
            Volatile.Write(ref _rebuilding, 0);
        }
    }

    private async Task<int> RebuildCoreAsync(CancellationToken ct)
    {
        var path = Path.Combine(_root, "gen-" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture));
        var generation = Open(path, create: true);
        var count = 0;
        ChangeCursor cursor;
        // Batches read from PostgreSQL go through a short queue to one indexing thread per core: reading the next
        // batches overlaps with analysing the previous ones, and the indexers never wait for work handed out per batch.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var queue = System.Threading.Channels.Channel.CreateBounded<List<Lucene.Net.Documents.Document>>(
            new System.Threading.Channels.BoundedChannelOptions(Math.Max(2, Environment.ProcessorCount)) { SingleWriter = true });
        var indexers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Factory.StartNew(() =>
        {
            try
            {
                while (queue.Reader.WaitToReadAsync(failed.Token).AsTask().GetAwaiter().GetResult())
                {
                    while (queue.Reader.TryRead(out var batch))
                    {
                        failed.Token.ThrowIfCancellationRequested();
                        foreach (var doc in batch)
                        {
                            generation.Writer.AddDocument(doc);
                        }
                    }
                }
            }
            catch
            {
                failed.Cancel();
                throw;
            }
        }, failed.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        try
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AtsDbContext>();
                await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, failed.Token);
                // Every transaction below xmin is finished and visible to this snapshot; changes from xmin on are
                // replayed after the swap (applying a change twice is harmless).
                var xmin = await db.Database.SqlQueryRaw<string>("SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS \"Value\"").SingleAsync(failed.Token);
                cursor = new ChangeCursor(ulong.Parse(xmin, CultureInfo.InvariantCulture) - 1, long.MaxValue);
                var builder = ActivatorUtilities.CreateInstance<CandidateDocumentBuilder>(scope.ServiceProvider);
                Guid? after = null;
                while (true)
                {
                    var query = db.Candidates.AsNoTracking();
                    if (after is { } a)
                    {
                        query = query.Where(c => c.Id.CompareTo(a) > 0);
                    }
                    var ids = await query.OrderBy(c => c.Id).Select(c => c.Id).Take(_options.Value.BatchSize).ToListAsync(failed.Token);
                    if (ids.Count == 0)
                    {
                        break;
                    }
                    var docs = (await builder.BuildAsync(ids, failed.Token)).Values.OfType<Lucene.Net.Documents.Document>().ToList();
                    await queue.Writer.WriteAsync(docs, failed.Token);
                    count += docs.Count;
                    db.ChangeTracker.Clear();
                    after = ids[^1];
                }
                await tx.CommitAsync(failed.Token);
            }
            finally
            {
                queue.Writer.TryComplete();
                // Every batch handed out is indexed (or has failed) before the writer is used or closed.
                await Task.WhenAll(indexers).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            await Task.WhenAll(indexers);
            ct.ThrowIfCancellationRequested();
            if (_options.Value.MergeAfterRebuild)
            {
                // Fewer segments, fewer per-segment look-ups for every term of every query; as many equal ones as a
                // search may use threads, each searched by one (BalancedMergePolicy, SlicedIndexSearcher).
                var merging = System.Diagnostics.Stopwatch.StartNew();
                var segments = _options.Value.EffectiveSearchThreads;
                await Task.Run(() => generation.Writer.ForceMerge(segments), ct);
                _logger.LogInformation("Rebuilt index merged into {Segments} segments in {Seconds:0.0} s", segments, merging.Elapsed.TotalSeconds);
            }
            // From here on the index takes changes: small segments are merged as they come.
            ((BalancedMergePolicy)generation.Writer.Config.MergePolicy).NaturalMerges = true;
            Commit(generation.Writer, cursor, Schema);
            generation.Searchers.MaybeRefreshBlocking();
        }
        catch (Exception e)
        {
            try
            {
                // Closes without flushing or committing what was buffered: the folder is deleted next anyway.
                generation.Writer.Rollback();
            }
            catch (Exception rollback) when (rollback is IOException or ObjectDisposedException or InvalidOperationException)
            {
                _logger.LogWarning(rollback, "Rolling back a failed rebuild failed");
            }
            generation.Dispose();
            TryDelete(path);
            // An indexing error is the one reported: the reader then only saw the cancellation it caused.
            if (indexers.FirstOrDefault(t => t.IsFaulted)?.Exception?.InnerException is { } indexing && indexing != e)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(indexing);
            }
            throw;
        }

        // Past this point the new generation is committed: it is swapped in even if the service is stopping now
        // (leaving it open and undeleted would hold its folder and lock).
        await _write.WaitAsync(CancellationToken.None);
        Generation? old;
        try
        {
            old = _current;
            _current = generation;
            Cursor = cursor;
            CurrentSchema = Schema;
            var pointer = Path.Combine(_root, "current");
            await File.WriteAllTextAsync(pointer + ".tmp", Path.GetFileName(path), CancellationToken.None);
            File.Move(pointer + ".tmp", pointer, overwrite: true);
        }
        finally
        {
            _write.Release();
        }
        if (old is not null)
        {
            // Searches that acquired the old searcher finish first; the SearcherManager closes it on release.
            old.Dispose();
            TryDelete(old.Path);
        }
        _logger.LogInformation("Search index rebuilt: {Count} candidates", count);
        return count;
    }

    /// <summary>Applies the changes after the cursor, one commit per batch. Returns how many changes were applied.</summary>
    public async Task<int> ApplyChangesAsync(CancellationToken ct)
    {
        if (_current is null)
        {
            return 0;
        }
        if (await PrunedPastCursorAsync(ct))
        {
            // Changes after our cursor were pruned while this instance was away: only a rebuild is complete again.
            _logger.LogWarning("The change log was pruned past this index's cursor; rebuilding the search index");
            if (IsRebuilding)
            {
                // Wait a poll interval rather than ask PostgreSQL again at once while the rebuild runs.
                return 0;
            }
            await RebuildAsync(ct);
            return 1;
        }
        await _write.WaitAsync(ct);
        try
        {
            var generation = _current!;
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AtsDbContext>();
            var changes = await ReadChangesAsync(db, Cursor, _options.Value.BatchSize, ct);
            if (changes.Count == 0)
            {
                return 0;
            }
            var ids = changes.Select(c => c.CandidateId).Distinct().ToList();
            var builder = ActivatorUtilities.CreateInstance<CandidateDocumentBuilder>(scope.ServiceProvider);
            foreach (var (id, doc) in await builder.BuildAsync(ids, ct))
            {
                var term = new Term(SearchFields.Id, id.ToString());
                if (doc is null)
                {
                    generation.Writer.DeleteDocuments(term);
                }
                else
                {
                    generation.Writer.UpdateDocument(term, doc);
                }
            }
            var last = changes[^1];
            var cursor = new ChangeCursor(last.TransactionId, last.Id);
            Commit(generation.Writer, cursor);
            Cursor = cursor;
            generation.Searchers.MaybeRefresh();
            return changes.Count;
        }
        finally
        {
            _write.Release();
        }
    }

    private async Task<bool> PrunedPastCursorAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtsDbContext>();
        var horizon = await db.SearchLogHorizon.AsNoTracking().Select(h => (ulong?)h.PrunedThroughTransaction).SingleOrDefaultAsync(ct);
        return horizon is { } pruned && pruned > Cursor.TransactionId;
    }

    /// <summary>
    /// Deletes change rows older than <paramref name="retention"/> — whole transactions only — and moves the horizon.
    /// Safe to run from every instance at once.
    /// </summary>
    public async Task<int> PruneChangeLogAsync(TimeSpan retention, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtsDbContext>();
        return await db.Database.ExecuteSqlRawAsync("""
            WITH cutoff AS (
                SELECT max(transaction_id) AS tx FROM search_changes WHERE changed_at < now() - make_interval(secs => {0})
            ), gone AS (
                DELETE FROM search_changes WHERE transaction_id <= (SELECT tx FROM cutoff) RETURNING transaction_id
            )
            INSERT INTO search_log_horizon (id, pruned_through_transaction, pruned_at)
            SELECT 1, max(transaction_id), now() FROM gone HAVING count(*) > 0
            ON CONFLICT (id) DO UPDATE SET pruned_through_transaction = greatest(search_log_horizon.pruned_through_transaction, excluded.pruned_through_transaction),
                                           pruned_at = excluded.pruned_at
            """, [retention.TotalSeconds], ct);
    }

    public async Task<long> LagAsync(AtsDbContext db, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM search_changes WHERE (transaction_id > @tx::text::xid8 OR (transaction_id = @tx::text::xid8 AND id > @id))", connection);
            command.Parameters.AddWithValue("tx", Cursor.TransactionId.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("id", Cursor.Id);
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>Runs <paramref name="search"/> on the current searcher; the searcher stays valid for the whole call.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        for (var attempt = 0; ; attempt++)
        {
            var generation = _current ?? throw new InvalidOperationException("The search index is not open yet.");
            IndexSearcher searcher;
            try
            {
                searcher = generation.Searchers.Acquire();
            }
            catch (ObjectDisposedException) when (attempt < 3)
            {
                // A rebuild swapped generations between reading _current and acquiring: take the new one.
                continue;
            }
            try
            {
                return search(searcher);
            }
            finally
            {
                generation.Searchers.Release(searcher);
            }
        }
    }

    public int DocumentCount => Search(s => s.IndexReader.NumDocs);

    private static async Task<List<(long Id, Guid CandidateId, ulong TransactionId)>> ReadChangesAsync(AtsDbContext db, ChangeCursor cursor, int limit, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        try
        {
            // Only transactions older than every running one: a slow writer can never commit behind the cursor.
            await using var command = new NpgsqlCommand("""
                SELECT id, candidate_id, transaction_id::text
                FROM search_changes
                WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                  AND (transaction_id > @tx::text::xid8 OR (transaction_id = @tx::text::xid8 AND id > @id))
                ORDER BY transaction_id, id
                LIMIT @limit
                """, connection);
            command.Parameters.AddWithValue("tx", cursor.TransactionId.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("id", cursor.Id);
            command.Parameters.AddWithValue("limit", limit);
            var list = new List<(long, Guid, ulong)>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                list.Add((reader.GetInt64(0), reader.GetGuid(1), ulong.Parse(reader.GetString(2), CultureInfo.InvariantCulture)));
            }
            return list;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private Generation Open(string path, bool create)
    {
        if (!create && !Directory.Exists(path))
        {
            throw new IOException("Index folder is missing.");
        }
        var directory = FSDirectory.Open(path);
        try
        {
            if (!create && !DirectoryReader.IndexExists(directory))
            {
                throw new IndexNotFoundException("No index in " + path);
            }
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer)
            {
                OpenMode = create ? OpenMode.CREATE : OpenMode.APPEND,
                // A bigger buffer means fewer, larger segments to flush and merge during a rebuild.
                RAMBufferSizeMB = 128,
                // A new folder is a rebuild's: no merges until its forced merge into equal segments.
                MergePolicy = new BalancedMergePolicy { NaturalMerges = !create },
                MergeScheduler = MergeScheduler(_options.Value.EffectiveSearchThreads),
            };
            var writer = new IndexWriter(directory, config);
            try
            {
                if (!create)
                {
                    // Touch every segment once: a damaged file fails here, at start, not in a recruiter's search.
                    using var check = DirectoryReader.Open(directory);
                    _ = check.NumDocs;
                }
                else
                {
                    // An empty first commit, so that searchers can be opened on the folder from the start.
                    writer.Commit();
                }
                // Searchers read the last commit, not the writer's near-real-time view: every batch of changes is
                // committed anyway, and in Lucene.Net 4.8 a search on a reader obtained from the IndexWriter ran about
                // four times slower (57 ms against 14 ms for one 1M-document query, same index, same process).
                return new Generation(path, directory, writer, new SearcherManager(directory, new SlicedSearcherFactory(_options.Value.EffectiveSearchThreads, _options.Value.MinDocumentsToSlice)));
            }
            catch
            {
                writer.Dispose();
                throw;
            }
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <param name="schema">The layout this index was built with: a change applied to an old index leaves it old.</param>
    // The equal-size merges of a rebuild run side by side (Lucene's default on 2 cores is one merge thread).
    private static ConcurrentMergeScheduler MergeScheduler(int threads)
    {
        var scheduler = new ConcurrentMergeScheduler();
        scheduler.SetMaxMergesAndThreads(Math.Max(threads, 1) + 5, Math.Max(threads, 1));
        return scheduler;
    }

    private static void Commit(IndexWriter writer, ChangeCursor cursor, string? schema = null)
    {
        schema ??= SchemaOf(writer);
        writer.SetCommitData(new Dictionary<string, string>
        {
            [CursorTx] = cursor.TransactionId.ToString(CultureInfo.InvariantCulture),
            [CursorId] = cursor.Id.ToString(CultureInfo.InvariantCulture),
            [SchemaKey] = schema,
        });
        writer.Commit();
    }

    private static string SchemaOf(IndexWriter writer) =>
        writer.CommitData is { } data && data.TryGetValue(SchemaKey, out var schema) ? schema : "1";

    private static ChangeCursor ReadCursor(IndexWriter writer)
    {
        var data = writer.CommitData;
        return data is not null && data.TryGetValue(CursorTx, out var tx) && data.TryGetValue(CursorId, out var id)
            ? new ChangeCursor(ulong.Parse(tx, CultureInfo.InvariantCulture), long.Parse(id, CultureInfo.InvariantCulture))
            : throw new InvalidOperationException("The index has no change-log cursor.");
    }

    private void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException e)
        {
            _logger.LogWarning(e, "Could not delete old index folder {Path}", path);
        }
    }

    public void Dispose()
    {
        _current?.Dispose();
        _write.Dispose();
    }
}
