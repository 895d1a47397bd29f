using Ats.Api.Data;
using Ats.Api.Resumes.Storage;
using Ats.Api.Resumes.TextExtraction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ats.Api.Resumes;

public enum UploadOutcome
{
    Created,
    Duplicate,
    CandidateNotFound,
    PreviousNotFound,
    TooLarge,
    UnsupportedFormat,
    Empty,
}

public sealed record UploadResult(UploadOutcome Outcome, Attachment? Attachment = null, FileFormat Format = FileFormat.Unknown, long MaxBytes = 0);

/// <summary>
/// Stores an uploaded file so that PostgreSQL and the object store never disagree for long: the object is
/// written first under its content key, then the row (with its extraction job) in one transaction. A crash
/// between the two leaves an object no row references, which the sweeper removes after a grace period.
/// </summary>
public sealed class AttachmentService(
    AtsDbContext db,
    IFileStore store,
    TimeProvider clock,
    IOptions<AttachmentOptions> attachmentOptions,
    IOptions<FileStorageOptions> storageOptions,
    ExtractionSignal signal)
{
    public async Task<UploadResult> UploadAsync(Guid candidateId, AttachmentKind kind, string fileName, Stream content, string user,
        Guid? replaces, CancellationToken ct)
    {
        var policy = attachmentOptions.Value.For(kind);
        var candidate = await db.Candidates.SingleOrDefaultAsync(c => c.Id == candidateId, ct);
        if (candidate is null)
        {
            return new UploadResult(UploadOutcome.CandidateNotFound);
        }
        Attachment? previous = null;
        if (replaces is { } previousId)
        {
            previous = await db.Attachments.SingleOrDefaultAsync(a => a.Id == previousId && a.CandidateId == candidateId && a.SupersededAt == null, ct);
            if (previous is null)
            {
                return new UploadResult(UploadOutcome.PreviousNotFound);
            }
        }

        await using var spool = await UploadSpool.WriteAsync(content, SpoolFolder(), policy.MaxBytes, ct);
        if (spool.TooLarge)
        {
            return new UploadResult(UploadOutcome.TooLarge, MaxBytes: policy.MaxBytes);
        }
        if (spool.Length == 0)
        {
            return new UploadResult(UploadOutcome.Empty);
        }
        FileFormat format;
        await using (var read = spool.OpenRead())
        {
            format = FormatDetector.Detect(read);
        }
        if (!policy.Formats.Contains(format))
        {
            return new UploadResult(UploadOutcome.UnsupportedFormat, Format: format);
        }
        await using var fileLock = await CandidateFileLock.AcquireAsync(db, candidateId, ct);

        var existing = await db.Attachments.SingleOrDefaultAsync(a => a.CandidateId == candidateId && a.Sha256 == spool.Sha256, ct);
        var key = Attachment.KeyFor(candidateId, spool.Sha256);
        await using (var read = spool.OpenRead())
        {
            // Before the row, always: a row must never point at an object that is not there. Re-put for a
            // duplicate too, in case its object was lost.
            if (existing is null || !await store.ExistsAsync(key, ct))
            {
                await store.PutAsync(key, read, spool.Length, FileFormats.ContentType(format), ct);
            }
        }
        if (existing is not null)
        {
            return new UploadResult(UploadOutcome.Duplicate, existing, format);
        }

        var now = clock.GetUtcNow();
        var attachment = new Attachment(candidateId, kind, CleanFileName(fileName, format), format, FileFormats.ContentType(format),
            spool.Length, spool.Sha256, user, previous?.Id, now);
        db.Attachments.Add(attachment);
        if (attachment.ExtractionStatus == ExtractionStatus.Pending)
        {
            db.ExtractionJobs.Add(new ExtractionJob(attachment.Id, now));
        }
        previous?.Supersede(now);
        try
        {
            await db.SaveTouchingAsync(candidate, now, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same bytes arrived twice at once: the other request's row stands.
            db.ChangeTracker.Clear();
            var winner = await db.Attachments.AsNoTracking().SingleAsync(a => a.CandidateId == candidateId && a.Sha256 == spool.Sha256, ct);
            return new UploadResult(UploadOutcome.Duplicate, winner, format);
        }
        signal.Notify();
        return new UploadResult(UploadOutcome.Created, attachment, format);
    }

    /// <summary>Deletes a file and its earlier versions: rows first, then objects; an object left by a failure is swept later.</summary>
    public async Task<bool> DeleteAsync(Guid candidateId, Guid attachmentId, CancellationToken ct)
    {
        await using var fileLock = await CandidateFileLock.AcquireAsync(db, candidateId, ct);
        var all = await db.Attachments.Where(a => a.CandidateId == candidateId).ToListAsync(ct);
        var target = all.SingleOrDefault(a => a.Id == attachmentId);
        if (target is null)
        {
            return false;
        }
        var chain = new List<Attachment>();
        for (var current = target; current is not null; current = all.SingleOrDefault(a => a.Id == current.PreviousVersionId))
        {
            chain.Add(current);
        }
        // A newer version pointing at the deleted one keeps its own history from here on.
        foreach (var newer in all.Where(a => a.PreviousVersionId == target.Id))
        {
            db.Entry(newer).Property(a => a.PreviousVersionId).CurrentValue = null;
        }
        await db.SaveChangesAsync(ct);
        foreach (var attachment in chain)
        {
            db.Attachments.Remove(attachment);
            await db.SaveChangesAsync(ct);
        }
        foreach (var attachment in chain)
        {
            try
            {
                await store.DeleteAsync(attachment.ObjectKey, ct);
            }
            catch (FileStoreUnavailableException)
            {
                // The row is gone, so nobody reaches the object; the sweeper removes it once storage is back.
            }
        }
        return true;
    }

    public async Task<bool> RequeueAsync(Attachment attachment, CancellationToken ct)
    {
        if (!FileFormats.HasText(attachment.Format))
        {
            return false;
        }
        attachment.MarkPending();
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ExtractionJobs.Where(j => j.AttachmentId == attachment.Id).ExecuteDeleteAsync(ct);
        db.ExtractionJobs.Add(new ExtractionJob(attachment.Id, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signal.Notify();
        return true;
    }

    private string SpoolFolder() => storageOptions.Value.SpoolPath is { Length: > 0 } path ? path : Path.Combine(Path.GetTempPath(), "ats-spool");

    /// <summary>Keeps the person's file name for downloads, minus paths and control characters.</summary>
    public static string CleanFileName(string? name, FileFormat format)
    {
        var clean = Path.GetFileName((name ?? "").Replace('\\', '/')).Trim();
        clean = new string(clean.Where(c => !char.IsControl(c) && c is not ('"' or '/')).ToArray());
        if (clean.Length == 0)
        {
            clean = "file." + format.ToString().ToLowerInvariant();
        }
        if (clean.Length > Attachment.FileNameMax)
        {
            clean = clean[^Attachment.FileNameMax..];
            if (char.IsLowSurrogate(clean[0]))
            {
                clean = clean[1..];
            }
        }
        return Candidates.CandidateValidation.HasUnstorableCharacters(clean) ? "file." + format.ToString().ToLowerInvariant() : clean;
    }
}
