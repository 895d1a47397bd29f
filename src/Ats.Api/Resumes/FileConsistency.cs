using Ats.Api.Data;
using Ats.Api.Resumes.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ats.Api.Resumes;

public sealed record OrphanObject(string Key, long Size, DateTimeOffset LastModified);

public sealed record ConsistencyReport(int Objects, int Rows, int OrphanObjectCount, IReadOnlyList<OrphanObject> OrphanObjects,
    int MissingObjectCount, IReadOnlyList<Guid> AttachmentsWithoutObject, DateTimeOffset CheckedAt);

public sealed record SweepReport(int Examined, int Removed, int KeptInGracePeriod);

/// <summary>
/// The two kinds of disagreement between PostgreSQL and the object store: objects no row references (left by a
/// crash between the object write and the row, or by a failed delete) and rows whose object is gone.
/// </summary>
public sealed class FileConsistency(AtsDbContext db, IFileStore store, TimeProvider clock, IOptions<FileStorageOptions> options)
{
    public const string Prefix = "candidates/";
    private const int Batch = 500;
    private const int ListedMax = 100;

    public async Task<ConsistencyReport> CheckAsync(CancellationToken ct)
    {
        var objects = new Dictionary<string, StoredObject>(StringComparer.Ordinal);
        await foreach (var o in store.ListAsync(Prefix, ct))
        {
            objects[o.Key] = o;
        }
        var missing = new List<Guid>();
        var missingCount = 0;
        var rows = 0;
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        Guid? after = null;
        while (true)
        {
            var query = db.Attachments.AsNoTracking();
            if (after is { } a)
            {
                query = query.Where(x => x.Id.CompareTo(a) > 0);
            }
            var page = await query.OrderBy(x => x.Id).Select(x => new { x.Id, x.ObjectKey }).Take(Batch * 4).ToListAsync(ct);
            if (page.Count == 0)
            {
                break;
            }
            foreach (var row in page)
            {
                rows++;
                referenced.Add(row.ObjectKey);
                if (!objects.ContainsKey(row.ObjectKey))
                {
                    missingCount++;
                    if (missing.Count < ListedMax)
                    {
                        missing.Add(row.Id);
                    }
                }
            }
            after = page[^1].Id;
        }
        var orphans = objects.Values.Where(o => !referenced.Contains(o.Key)).OrderBy(o => o.LastModified).ToList();
        return new ConsistencyReport(objects.Count, rows, orphans.Count,
            orphans.Take(ListedMax).Select(o => new OrphanObject(o.Key, o.Size, o.LastModified)).ToList(),
            missingCount, missing, clock.GetUtcNow());
    }

    /// <summary>Removes objects that no row references and that are older than the grace period.</summary>
    public async Task<SweepReport> SweepAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.Value.OrphanGracePeriod;
        int examined = 0, removed = 0, kept = 0;
        var batch = new List<StoredObject>(Batch);
        async Task Flush()
        {
            var keys = batch.Select(b => b.Key).ToList();
            var known = (await db.Attachments.AsNoTracking().Where(a => keys.Contains(a.ObjectKey)).Select(a => a.ObjectKey).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var o in batch.Where(o => !known.Contains(o.Key)))
            {
                if (o.LastModified > cutoff)
                {
                    kept++;
                    continue;
                }
                // Re-check right before deleting: an upload may have just written its row for this key.
                if (!await db.Attachments.AnyAsync(a => a.ObjectKey == o.Key, ct))
                {
                    await store.DeleteAsync(o.Key, ct);
                    removed++;
                }
            }
            batch.Clear();
        }
        await foreach (var o in store.ListAsync(Prefix, ct))
        {
            examined++;
            batch.Add(o);
            if (batch.Count == Batch)
            {
                await Flush();
            }
        }
        if (batch.Count > 0)
        {
            await Flush();
        }
        return new SweepReport(examined, removed, kept);
    }
}
