using System.Diagnostics;
using System.Text.Json;
using Ats.Api.Candidates;
using Ats.Api.Data;
using Ats.Api.Deduplication.Matching;
using Ats.Api.Http;
using Ats.Api.Resumes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NameGender = Ats.Api.Deduplication.Names.Gender;

namespace Ats.Api.Deduplication;

/// <summary>Progress and result of the last batch scan on this instance.</summary>
public sealed record BatchScanReport(
    string State,
    string? Phase,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Candidates,
    long Keys,
    long ComparedPairs,
    int SkippedBlocks,
    int Suggestions,
    int Clusters,
    int KeysWritten,
    double LoadSeconds,
    double ScanSeconds,
    double SaveSeconds,
    string? Error);

/// <summary>
/// The whole base against itself (the day the old Excel base is loaded, or after the matching rules changed): reads
/// every candidate as a <see cref="PersonRecord"/>, runs <see cref="BatchScan"/> in memory, and stores every pair that
/// is not "different" as a pending suggestion — clusters for review, nothing merged without a person. Pairs a person
/// already decided (merged, not the same) are left as they are. Candidates without blocking keys in
/// <c>match_keys</c> (loaded around the API) get them, so the incremental check finds them from then on.
/// One scan at a time across instances (a PostgreSQL advisory lock).
/// </summary>
public sealed class DuplicateBatchJob(IServiceScopeFactory scopes, IOptions<DeduplicationOptions> options, IOptions<MatchThresholds> thresholds,
    TimeProvider clock, ILogger<DuplicateBatchJob> logger)
{
    private const long LockKey = 0x4154_5344_4455_5031; // "ATSDDUP1"
    private readonly Lock _gate = new();
    private BatchScanReport _report = new("idle", null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);
    private Task? _running;

    public BatchScanReport Report
    {
        get
        {
            lock (_gate)
            {
                return _report;
            }
        }
    }

    /// <summary>Starts a scan in the background; false when one is already running on this instance.</summary>
    public bool TryStart(string actor, bool rewriteKeys)
    {
        lock (_gate)
        {
            if (_running is { IsCompleted: false })
            {
                return false;
            }
            _report = _report with { State = "running", Phase = "waiting for lock", StartedAt = clock.GetUtcNow(), FinishedAt = null, Error = null };
            _running = Task.Run(() => RunAsync(actor, rewriteKeys, CancellationToken.None));
            return true;
        }
    }

    /// <summary>The running scan, for tests and shutdown.</summary>
    public Task Completion
    {
        get
        {
            lock (_gate)
            {
                return _running ?? Task.CompletedTask;
            }
        }
    }

    private void Update(Func<BatchScanReport, BatchScanReport> change)
    {
        lock (_gate)
        {
            _report = change(_report);
        }
    }

    public async Task RunAsync(string actor, bool rewriteKeys, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AtsDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.OpenConnectionAsync(ct);
            if (!await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_lock({0}) AS \"Value\"", LockKey).SingleAsync(ct))
            {
                Update(r => r with { State = "failed", FinishedAt = clock.GetUtcNow(), Error = "Another instance is running a batch scan." });
                return;
            }
            try
            {
                await ScanAsync(db, actor, rewriteKeys, ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [LockKey], CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            logger.LogError("Duplicate batch scan failed ({ErrorType})", e.GetType().Name);
            Update(r => r with { State = "failed", FinishedAt = clock.GetUtcNow(), Error = e.GetType().Name + ": the scan stopped; nothing was merged." });
        }
    }

    private async Task ScanAsync(AtsDbContext db, string actor, bool rewriteKeys, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var scanStart = clock.GetUtcNow();
        Update(r => r with { Phase = "loading candidates" });
        var (ids, records) = await LoadAsync(db, ct);
        var load = watch.Elapsed;
        Update(r => r with { Phase = "scanning", Candidates = ids.Count, LoadSeconds = load.TotalSeconds });

        var keysOf = new IReadOnlyList<string>[ids.Count];
        var result = BatchScan.Run(records, thresholds.Value, options.Value.MaxBlockSize, (i, keys) => keysOf[i] = keys);
        var scan = watch.Elapsed - load;
        var clusters = result.Clusters().Count();
        Update(r => r with
        {
            Phase = "saving suggestions", Keys = result.Keys, ComparedPairs = result.ComparedPairs, SkippedBlocks = result.SkippedBlocks,
            Clusters = clusters, ScanSeconds = scan.TotalSeconds,
        });

        var now = clock.GetUtcNow();
        var saved = await SaveSuggestionsAsync(db, ids, result.Pairs, now, ct);
        Update(r => r with { Suggestions = saved });

        Update(r => r with { Phase = "saving blocking keys" });
        var keysWritten = await SaveKeysAsync(db, ids, keysOf, rewriteKeys, ct);
        // Candidates created or changed while the scan ran have keys newer than its snapshot (or none, after a
        // rewrite): the worker looks at them again.
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO match_queue (candidate_id, enqueued_at) SELECT id, now() FROM candidates WHERE merged_into_id IS NULL AND updated_at >= {0}",
            [scanStart], ct);
        if (keysWritten > 10_000 || saved > 10_000)
        {
            // A bulk write leaves the tables without statistics or a visibility map for a while; look-ups right after
            // the scan would read the heap for every key. Done here, so the cost shows in the scan and not in a check.
            Update(r => r with { Phase = "vacuuming" });
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) match_keys, duplicate_suggestions", ct);
        }
        var save = watch.Elapsed - load - scan;
        db.AuditLog.Add(new Audit.AuditEvent(clock.GetUtcNow(), actor, Audit.AuditActions.BatchScan, null, null, null, JsonSerializer.Serialize(new
        {
            candidates = ids.Count, comparedPairs = result.ComparedPairs, suggestions = saved, clusters, seconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
        })));
        await db.SaveChangesAsync(ct);
        // The scan's arrays (hundreds of MB at a million) are garbage now: give the memory back once, in one pause,
        // rather than carry a heap that size into ordinary requests.
        result = null;
        keysOf = null;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Update(r => r with
        {
            State = "finished", Phase = null, FinishedAt = clock.GetUtcNow(), KeysWritten = keysWritten, SaveSeconds = save.TotalSeconds,
        });
    }

    /// <summary>
    /// Every pair as a pending suggestion, through COPY into a staging table and one INSERT … ON CONFLICT: a pair
    /// already pending gets the new score and reasons, a pair a person decided (merged, not the same) is left alone.
    /// </summary>
    private static async Task<int> SaveSuggestionsAsync(AtsDbContext db, List<Guid> ids, IReadOnlyList<ScoredPair> pairs, DateTimeOffset now,
        CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The staging rows are sorted into index order before the insert; let that sort happen in memory.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '256MB'", ct);
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TEMP TABLE suggestions_load (first_id uuid NOT NULL, second_id uuid NOT NULL, score float8 NOT NULL, decision text NOT NULL,
                reasons text[] NOT NULL) ON COMMIT DROP
            """, ct);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY suggestions_load (first_id, second_id, score, decision, reasons) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in pairs)
            {
                var (first, second) = DuplicateSuggestion.Order(ids[p.First], ids[p.Second]);
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(first, NpgsqlTypes.NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(second, NpgsqlTypes.NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(Math.Round(p.Result.Score, 2), NpgsqlTypes.NpgsqlDbType.Double, ct);
                await writer.WriteAsync(JsonEnum.ToText(p.Result.Decision), NpgsqlTypes.NpgsqlDbType.Text, ct);
                await writer.WriteAsync(p.Result.Reasons.Select(x => x.Text).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, ct);
            }
            await writer.CompleteAsync(ct);
        }
        // uuidv7-like ids from the database are not needed: the id only has to be unique, and gen_random_uuid() is.
        var saved = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO duplicate_suggestions (id, first_id, second_id, score, decision, reasons, decided_evidence, state, rejected_by_person, created_at, updated_at)
            SELECT gen_random_uuid(), l.first_id, l.second_id, l.score, l.decision, l.reasons, ARRAY[]::text[], 'pending', false, {0}, {0}
            FROM suggestions_load l
            JOIN candidates a ON a.id = l.first_id AND a.merged_into_id IS NULL
            JOIN candidates b ON b.id = l.second_id AND b.merged_into_id IS NULL
            ORDER BY l.first_id, l.second_id
            ON CONFLICT (first_id, second_id) DO UPDATE
                SET score = excluded.score, decision = excluded.decision, reasons = excluded.reasons, updated_at = excluded.updated_at
                WHERE duplicate_suggestions.state = 'pending'
                    AND (duplicate_suggestions.score <> excluded.score OR duplicate_suggestions.reasons <> excluded.reasons)
            """, [now], ct);
        await tx.CommitAsync(ct);
        return saved;
    }

    /// <summary>Every candidate not merged away, with contacts (and contacts found in résumés), site records and file hashes.
    /// Résumé text fingerprints are left to the incremental check: reading every résumé text of a million people
    /// would cost more than the rest of the scan together.</summary>
    private static async Task<(List<Guid> Ids, List<PersonRecord> Records)> LoadAsync(AtsDbContext db, CancellationToken ct)
    {
        var rows = await db.Candidates.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Surname, c.FirstName, c.Patronymic, c.DisplayName, c.BirthDate, c.BirthDatePrecision, c.Gender, c.City })
            .ToListAsync(ct);
        var contacts = (await db.Contacts.AsNoTracking().Select(c => new { c.CandidateId, c.Kind, c.Normalized }).ToListAsync(ct))
            .Concat(await db.ContactSuggestions.AsNoTracking().Where(s => s.Status != SuggestionStatus.Dismissed)
                .Select(s => new { s.CandidateId, s.Kind, s.Normalized }).ToListAsync(ct))
            .ToLookup(c => c.CandidateId);
        var sources = (await db.SourceRecords.AsNoTracking().Where(s => s.ExternalId != null).Select(s => new { s.CandidateId, s.Site, s.ExternalId })
            .ToListAsync(ct)).ToLookup(s => s.CandidateId);
        var files = (await db.Attachments.AsNoTracking().Where(a => a.SupersededAt == null).Select(a => new { a.CandidateId, a.Sha256 }).ToListAsync(ct))
            .ToLookup(a => a.CandidateId, a => a.Sha256);
        var ids = new List<Guid>(rows.Count);
        var records = new List<PersonRecord>(rows.Count);
        foreach (var c in rows)
        {
            var mine = contacts[c.Id].ToList();
            List<string> Of(ContactKind kind) => mine.Where(x => x.Kind == kind).Select(x => x.Normalized).Distinct(StringComparer.Ordinal).ToList();
            ids.Add(c.Id);
            records.Add(new PersonRecord
            {
                Surname = c.Surname,
                FirstName = c.FirstName,
                Patronymic = c.Patronymic,
                DisplayName = c.DisplayName,
                BirthDate = c.BirthDate is { } d && c.BirthDatePrecision is { } p ? new PartialDate(d, p) : null,
                City = c.City,
                Gender = c.Gender switch { Candidates.Gender.Male => NameGender.Male, Candidates.Gender.Female => NameGender.Female, _ => NameGender.Unknown },
                Phones = Of(ContactKind.Phone),
                Emails = Of(ContactKind.Email),
                ProfileLinks = Of(ContactKind.Link),
                ExternalIds = sources[c.Id].Select(s => new ExternalId(s.Site, s.ExternalId!)).ToList(),
                FileHashes = files[c.Id].Distinct().ToList(),
            });
        }
        return (ids, records);
    }

    /// <summary>Writes blocking keys with COPY: for every candidate when asked to, else for those that have none.</summary>
    private static async Task<int> SaveKeysAsync(AtsDbContext db, List<Guid> ids, IReadOnlyList<string>[] keysOf, bool rewrite, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The staging rows are sorted into index order before the insert; let that sort happen in memory.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '256MB'", ct);
        HashSet<Guid> have = [];
        if (rewrite)
        {
            // In the transaction: the worker and the check see the old keys until the new ones are committed.
            await db.Database.ExecuteSqlRawAsync("DELETE FROM match_keys", ct);
        }
        else
        {
            have = (await db.MatchKeys.AsNoTracking().Select(k => k.CandidateId).Distinct().ToListAsync(ct)).ToHashSet();
        }
        await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE match_keys_load (key text NOT NULL, candidate_id uuid NOT NULL) ON COMMIT DROP", ct);
        var written = 0;
        await using (var writer = await connection.BeginBinaryImportAsync("COPY match_keys_load (key, candidate_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (have.Contains(ids[i]))
                {
                    continue;
                }
                foreach (var key in keysOf[i].Where(k => k.Length <= MatchKey.KeyMax))
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(key, NpgsqlTypes.NpgsqlDbType.Text, ct);
                    await writer.WriteAsync(ids[i], NpgsqlTypes.NpgsqlDbType.Uuid, ct);
                    written++;
                }
            }
            await writer.CompleteAsync(ct);
        }
        // Candidates deleted or merged while the scan ran are left out.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO match_keys (key, candidate_id)
            SELECT l.key, l.candidate_id FROM match_keys_load l JOIN candidates c ON c.id = l.candidate_id AND c.merged_into_id IS NULL
            ORDER BY l.key, l.candidate_id
            ON CONFLICT DO NOTHING
            """, ct);
        await tx.CommitAsync(ct);
        return written;
    }
}
