using Ats.Api.Candidates;
using Ats.Api.Data;
using Ats.Api.Resumes.Storage;
using Ats.Api.Resumes.TextExtraction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ats.Api.Resumes;

/// <summary>
/// Takes one item from the durable queue and sees it through: read the object back, run the reader process,
/// store the outcome, offer the contacts found, remove the item — the last three in one transaction, so a crash
/// anywhere means the item is simply taken again when its lease runs out.
/// </summary>
public sealed class ExtractionQueue(
    AtsDbContext db,
    IFileStore store,
    ExtractionRunner runner,
    ContactFinder contacts,
    TimeProvider clock,
    IOptions<ExtractionOptions> options,
    IOptions<FileStorageOptions> storageOptions,
    ILogger<ExtractionQueue> logger)
{
    private sealed record Claimed(Guid Id, Guid AttachmentId, int Attempts);

    public Task<bool> ProcessNextAsync(string worker, CancellationToken ct) => ProcessAsync(worker, null, ct);

    /// <summary>Takes only the item of one attachment (if it is free): for tests and operators' tools.</summary>
    public Task<bool> ProcessNextAsyncFor(Guid attachmentId, string worker, CancellationToken ct = default) => ProcessAsync(worker, attachmentId, ct);

    /// <summary>Where workers copy a file to read it (one file per claim).</summary>
    public static string SpoolFolder(Storage.FileStorageOptions storage) =>
        Path.Combine(storage.SpoolPath is { Length: > 0 } p ? p : Path.Combine(Path.GetTempPath(), "ats-spool"), "extract");

    /// <summary>
    /// Deletes spool copies older than <paramref name="olderThan"/>: what workers killed mid-read left behind (a
    /// finished claim deletes its own). Past the lease and the reader's time limit no live claim can still use one.
    /// Returns how many were deleted; a file that cannot be deleted now is left for the next sweep.
    /// </summary>
    public static int SweepSpool(string folder, TimeSpan olderThan, DateTimeOffset now)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }
        var deleted = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*.bin"))
        {
            if (now - file.LastWriteTimeUtc > olderThan)
            {
                try
                {
                    file.Delete();
                    deleted++;
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
        return deleted;
    }

    /// <summary>Records an outcome as the claim that counted <paramref name="attempt"/> would (tests: a late worker).</summary>
    internal Task RecordOutcomeAsync(Guid jobId, Guid attachmentId, int attempt, ExtractionOutcome outcome, CancellationToken ct = default) =>
        FinishAsync(new Claimed(jobId, attachmentId, attempt), outcome, ct);

    private async Task<bool> ProcessAsync(string worker, Guid? onlyAttachment, CancellationToken ct)
    {
        var job = await ClaimAsync(worker, onlyAttachment, ct);
        if (job is null)
        {
            return false;
        }
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == job.AttachmentId, ct);
        if (attachment is null)
        {
            await db.ExtractionJobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync(ct);
            return true;
        }
        if (job.Attempts > options.Value.MaxAttempts)
        {
            // Taken again and again without finishing (the worker died each time, or saving its outcome failed):
            // give up with a readable status instead of looping forever.
            await FinishAsync(job, ExtractionOutcome.Failed(FailureReason.Corrupt, $"Reading this file failed {job.Attempts - 1} times without an outcome."), ct);
            return true;
        }

        var folder = SpoolFolder(storageOptions.Value);
        Directory.CreateDirectory(folder);
        // One spool file per claim: after a lease runs out a second worker may take the item while the first still
        // reads it (a slow or paused instance), and the two must not write over each other's copy.
        var input = Path.Combine(folder, $"{job.Id:N}.{job.Attempts}.bin");
        try
        {
            try
            {
                await using (var file = new FileStream(input, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    await store.CopyToAsync(attachment.ObjectKey, file, ct);
                }
            }
            catch (FileNotFoundException)
            {
                await FinishAsync(job, ExtractionOutcome.Failed(FailureReason.StorageUnavailable, "The stored file is missing from file storage."), ct);
                return true;
            }
            catch (FileStoreUnavailableException e)
            {
                await RetryLaterAsync(job, e.Message, ct);
                return true;
            }

            ExtractionOutcome outcome;
            try
            {
                outcome = await runner.RunAsync(input, attachment.Format, ct);
            }
            catch (ExtractionRunner.ReaderUnavailableException e)
            {
                await RetryLaterAsync(job, e.Message, ct);
                return true;
            }
            await FinishAsync(job, outcome, ct);
            logger.LogInformation("Extraction of attachment {AttachmentId} ({Format}) ended {Status} {Reason} after attempt {Attempt}",
                attachment.Id, attachment.Format, outcome.Status, outcome.Reason, job.Attempts);
            return true;
        }
        finally
        {
            File.Delete(input);
        }
    }

    private async Task<Claimed?> ClaimAsync(string worker, Guid? onlyAttachment, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lease = options.Value.Timeout + options.Value.LeaseMargin;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            // SKIP LOCKED: concurrent workers (here or in other instances) each get a different item, never wait.
            await using var command = new NpgsqlCommand("""
                UPDATE extraction_jobs SET locked_until = @until, locked_by = @worker, attempts = attempts + 1
                WHERE id = (SELECT id FROM extraction_jobs
                            WHERE not_before <= @now AND (locked_until IS NULL OR locked_until < @now)
                              AND (@only::uuid IS NULL OR attachment_id = @only)
                            ORDER BY not_before, id
                            LIMIT 1
                            FOR UPDATE SKIP LOCKED)
                RETURNING id, attachment_id, attempts
                """, connection);
            command.Parameters.AddWithValue("until", now + lease);
            command.Parameters.AddWithValue("worker", worker);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.Add(new NpgsqlParameter("only", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)onlyAttachment ?? DBNull.Value });
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? new Claimed(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2)) : null;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private async Task RetryLaterAsync(Claimed job, string error, CancellationToken ct)
    {
        if (job.Attempts >= options.Value.MaxAttempts)
        {
            await FinishAsync(job, ExtractionOutcome.Failed(FailureReason.StorageUnavailable, $"Gave up after {job.Attempts} attempts: {error}"), ct);
            return;
        }
        var delay = TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, job.Attempts) * 5));
        var notBefore = clock.GetUtcNow() + delay;
        // Fenced like FinishAsync: a claim whose lease ran out must not release the item a later claim holds.
        await db.ExtractionJobs.Where(j => j.Id == job.Id && j.Attempts == job.Attempts).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.NotBefore, notBefore)
            .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(j => j.LockedBy, (string?)null)
            .SetProperty(j => j.LastError, error.Length > 1000 ? error[..1000] : error), ct);
        logger.LogWarning("Extraction job {JobId} will be retried in {Delay}: {Error}", job.Id, delay, error);
    }

    private async Task FinishAsync(Claimed job, ExtractionOutcome outcome, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Only the latest claim may record an outcome: if the lease ran out and another worker took the item (its
        // claim counted one more attempt) or already finished it, this late outcome is dropped, not written over theirs.
        var stillOurs = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE extraction_jobs SET locked_until = locked_until WHERE id = {job.Id} AND attempts = {job.Attempts}", ct);
        if (stillOurs == 0)
        {
            await tx.RollbackAsync(ct);
            logger.LogWarning("Extraction outcome of attachment {AttachmentId} dropped: attempt {Attempt} was taken over by a later claim",
                job.AttachmentId, job.Attempts);
            return;
        }
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == job.AttachmentId, ct);
        if (attachment is not null)
        {
            var now = clock.GetUtcNow();
            var text = outcome.Text ?? "";
            attachment.RecordExtraction(outcome.Status, outcome.Status == ExtractionStatus.Extracted ? text.Length : null,
                outcome.Status == ExtractionStatus.Extracted ? ExtractionOutcome.DetectLanguage(text) : null, outcome.Reason,
                outcome.Detail is { Length: > 1000 } d ? d[..1000] : outcome.Detail, now);
            var stored = await db.AttachmentTexts.SingleOrDefaultAsync(t => t.AttachmentId == attachment.Id, ct);
            if (outcome.Status == ExtractionStatus.Extracted)
            {
                if (stored is null)
                {
                    db.AttachmentTexts.Add(new AttachmentText(attachment.Id, text));
                }
                else
                {
                    stored.Replace(text);
                }
                await SuggestContactsAsync(attachment, text, now, ct);
            }
            else if (stored is not null)
            {
                db.AttachmentTexts.Remove(stored);
            }
            await db.SaveChangesAsync(ct);
        }
        await db.ExtractionJobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task SuggestContactsAsync(Attachment attachment, string text, DateTimeOffset now, CancellationToken ct)
    {
        var found = contacts.Find(text);
        if (found.Count == 0)
        {
            return;
        }
        var known = await db.Contacts.Where(c => c.CandidateId == attachment.CandidateId).Select(c => new { c.Kind, c.Normalized }).ToListAsync(ct);
        var suggested = await db.ContactSuggestions.Where(s => s.CandidateId == attachment.CandidateId).Select(s => new { s.Kind, s.Normalized }).ToListAsync(ct);
        foreach (var contact in found)
        {
            if (known.Any(k => k.Kind == contact.Kind && k.Normalized == contact.Normalized)
                || suggested.Any(k => k.Kind == contact.Kind && k.Normalized == contact.Normalized))
            {
                continue;
            }
            db.ContactSuggestions.Add(new ContactSuggestion(attachment.CandidateId, attachment.Id, contact, now));
        }
    }
}
