using System.Text.Json;
using Ats.Api.Audit;
using Ats.Api.Candidates;
using Ats.Api.Data;
using Ats.Api.Deduplication.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ats.Api.Deduplication;

public enum MergeOutcome
{
    Done,
    NotFound,

    /// <summary>One of the two is already merged (someone else won the race), or they are the same candidate.</summary>
    Conflict,

    /// <summary>The unmerge window has passed, or a later merge must be undone first.</summary>
    NotAllowed,
}

public sealed record MergeResult(MergeOutcome Outcome, MergeRecord? Merge = null, string? Problem = null, Guid? MergedInto = null,
    IReadOnlyList<string>? NotMoved = null, IReadOnlyList<string>? LeftAsEdited = null, IReadOnlyList<string>? StayedWithKept = null);

/// <summary>
/// Merges two candidates into one and undoes it. Both run in one transaction that first locks both candidate rows
/// (in id order, so two merges of one pair cannot deadlock; the second sees the first's result and gets a conflict)
/// and takes the candidates' file locks, so no upload or file delete interleaves with the move.
/// </summary>
public sealed class MergeService(AtsDbContext db, TimeProvider clock, IOptions<DeduplicationOptions> options)
{
    /// <summary>Merges, running again (from scratch) when PostgreSQL cancels the transaction to break a deadlock with
    /// a concurrent check or extraction touching the same candidates.</summary>
    public Task<MergeResult> MergeAsync(Guid keptId, Guid mergedId, string actor, string? reason, IReadOnlySet<string> take,
        MatchResult? match, bool automatic, CancellationToken ct) =>
        TransientConflict.RetryAsync(() => MergeOnceAsync(keptId, mergedId, actor, reason, take, match, automatic, ct), db.ChangeTracker.Clear);

    private async Task<MergeResult> MergeOnceAsync(Guid keptId, Guid mergedId, string actor, string? reason, IReadOnlySet<string> take,
        MatchResult? match, bool automatic, CancellationToken ct)
    {
        if (keptId == mergedId)
        {
            return new MergeResult(MergeOutcome.Conflict, Problem: "A candidate cannot be merged into itself.");
        }
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var locked = await LockAsync(keptId, mergedId, ct);
        if (locked.Count < 2)
        {
            return new MergeResult(MergeOutcome.NotFound, Problem: "Candidate was not found.");
        }
        var kept = await db.Candidates.IgnoreQueryFilters().Include(c => c.Contacts).SingleAsync(c => c.Id == keptId, ct);
        var merged = await db.Candidates.IgnoreQueryFilters().Include(c => c.Contacts).SingleAsync(c => c.Id == mergedId, ct);
        foreach (var c in new[] { kept, merged })
        {
            if (c.MergedIntoId is { } into)
            {
                return new MergeResult(MergeOutcome.Conflict, Problem: $"Candidate {c.Id} is already merged into {into}.", MergedInto: into);
            }
        }

        var notMoved = new List<string>();
        var keptContacts = kept.Contacts.Select(c => (c.Kind, c.Normalized)).ToHashSet();
        var contacts = merged.Contacts.Where(c => !keptContacts.Contains((c.Kind, c.Normalized))).Select(c => c.Id).ToList();
        if (contacts.Count < merged.Contacts.Count)
        {
            notMoved.Add($"{merged.Contacts.Count - contacts.Count} contact(s) the kept candidate already has");
        }
        var sources = await db.SourceRecords.Where(s => s.CandidateId == mergedId).Select(s => s.Id).ToListAsync(ct);
        var notes = await db.Notes.Where(n => n.CandidateId == mergedId).Select(n => n.Id).ToListAsync(ct);
        var keptHashes = await db.Attachments.Where(a => a.CandidateId == keptId).Select(a => a.Sha256).ToListAsync(ct);
        var mergedFiles = await db.Attachments.Where(a => a.CandidateId == mergedId).Select(a => new { a.Id, a.Sha256 }).ToListAsync(ct);
        var files = mergedFiles.Where(f => !keptHashes.Contains(f.Sha256)).Select(f => f.Id).ToList();
        if (files.Count < mergedFiles.Count)
        {
            notMoved.Add($"{mergedFiles.Count - files.Count} file(s) the kept candidate already has (same bytes)");
        }
        var keptVacancies = await db.Applications.Where(a => a.CandidateId == keptId).Select(a => a.VacancyId).ToListAsync(ct);
        var mergedApplications = await db.Applications.Where(a => a.CandidateId == mergedId).Select(a => new { a.Id, a.VacancyId }).ToListAsync(ct);
        var applications = mergedApplications.Where(a => !keptVacancies.Contains(a.VacancyId)).Select(a => a.Id).ToList();
        foreach (var clash in mergedApplications.Where(a => keptVacancies.Contains(a.VacancyId)))
        {
            notMoved.Add($"application {clash.Id}: the kept candidate is already in vacancy {clash.VacancyId}");
        }
        var keptSuggested = (await db.ContactSuggestions.Where(s => s.CandidateId == keptId).Select(s => new { s.Kind, s.Normalized }).ToListAsync(ct))
            .Select(s => (s.Kind, s.Normalized)).ToHashSet();
        var suggestions = (await db.ContactSuggestions.Where(s => s.CandidateId == mergedId).Select(s => new { s.Id, s.Kind, s.Normalized }).ToListAsync(ct))
            .Where(s => !keptSuggested.Contains((s.Kind, s.Normalized))).Select(s => s.Id).ToList();
        var moved = new MovedRows(contacts, sources, notes, files, applications, suggestions);

        var keptBefore = ProfileSnapshot.From(kept);
        var mergedBefore = ProfileSnapshot.From(merged);
        var (combined, fieldSources) = ProfileMerge.Combine(keptBefore, keptId, mergedBefore, mergedId, take);
        kept.Apply(combined.ToProfile(), now);
        merged.MarkMergedInto(keptId, now);
        var keptAfter = ProfileSnapshot.From(kept);

        await MoveAsync(moved, keptId, ct);
        var record = new MergeRecord(keptId, mergedId, now, actor, reason, automatic, match is null ? null : Math.Round(match.Score, 2),
            match?.Reasons.Select(r => r.Text).ToList() ?? [], match is null ? [] : DuplicateSuggestion.Evidence(match), keptBefore.ToJson(), mergedBefore.ToJson(), keptAfter.ToJson(),
            JsonSerializer.Serialize(fieldSources), moved);
        db.Merges.Add(record);
        db.AuditLog.Add(new AuditEvent(now, actor, automatic ? AuditActions.AutoMerge : AuditActions.Merge, keptId, mergedId, reason,
            JsonSerializer.Serialize(new
            {
                mergeId = record.Id,
                score = record.Score,
                moved = new { contacts = contacts.Count, sources = sources.Count, notes = notes.Count, files = files.Count, applications = applications.Count },
                notMoved = notMoved.Count,
            })));

        // The pair is decided; other open suggestions of the merged record are recomputed for the kept one.
        var (first, second) = DuplicateSuggestion.Order(keptId, mergedId);
        var pair = await db.DuplicateSuggestions.SingleOrDefaultAsync(s => s.FirstId == first && s.SecondId == second, ct);
        if (automatic && pair is { } decided && (decided.RejectedByPerson || decided.State != SuggestionState.Pending))
        {
            // A person decided about this pair while the worker was on its way here: their decision stands.
            return new MergeResult(MergeOutcome.Conflict, Problem: "A person has decided about this pair; it is not merged automatically.");
        }
        if (pair is null && match is not null)
        {
            pair = new DuplicateSuggestion(keptId, mergedId, match, now);
            db.DuplicateSuggestions.Add(pair);
        }
        pair?.MarkMerged(actor, reason, now);
        await db.DuplicateSuggestions
            .Where(s => s.State == SuggestionState.Pending && (s.FirstId == mergedId || s.SecondId == mergedId) && !(s.FirstId == first && s.SecondId == second))
            .ExecuteDeleteAsync(ct);
        await db.MatchKeys.Where(k => k.CandidateId == mergedId).ExecuteDeleteAsync(ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (!TransientConflict.Is(e))
        {
            // The pair's suggestion row was written by the worker at the same moment (row version or unique key).
            return new MergeResult(MergeOutcome.Conflict, Problem: "The pair was being updated at the same moment; try the merge again.");
        }
        await tx.CommitAsync(ct);
        return new MergeResult(MergeOutcome.Done, record, NotMoved: notMoved);
    }

    /// <summary>Undoes a merge, running again when PostgreSQL cancels the transaction to break a deadlock.</summary>
    public Task<MergeResult> UnmergeAsync(Guid mergeId, string actor, string? reason, CancellationToken ct) =>
        TransientConflict.RetryAsync(() => UnmergeOnceAsync(mergeId, actor, reason, ct), db.ChangeTracker.Clear);

    private async Task<MergeResult> UnmergeOnceAsync(Guid mergeId, string actor, string? reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var probe = await db.Merges.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mergeId, ct);
        if (probe is null)
        {
            return new MergeResult(MergeOutcome.NotFound, Problem: "Merge was not found.");
        }
        var locked = await LockAsync(probe.KeptId, probe.MergedId, ct);
        var record = await db.Merges.SingleAsync(m => m.Id == mergeId, ct);
        if (record.IsUndone)
        {
            return new MergeResult(MergeOutcome.Conflict, record, $"This merge was already undone at {record.UndoneAt:u} by {record.UndoneBy}.");
        }
        if (locked.Count < 2)
        {
            return new MergeResult(MergeOutcome.NotAllowed, record, "One of the two candidates has since been deleted; the merge cannot be undone.");
        }
        var window = options.Value.UnmergeWindow;
        if (now - record.At > window)
        {
            return new MergeResult(MergeOutcome.NotAllowed, record,
                $"Merges can be undone within {window.TotalDays:0.#} days (Deduplication:UnmergeWindow); this one is from {record.At:u}.");
        }
        var kept = await db.Candidates.IgnoreQueryFilters().SingleAsync(c => c.Id == record.KeptId, ct);
        var merged = await db.Candidates.IgnoreQueryFilters().SingleAsync(c => c.Id == record.MergedId, ct);
        if (kept.MergedIntoId is { } later)
        {
            var blocking = await db.Merges.Where(m => m.MergedId == kept.Id && m.UndoneAt == null).Select(m => m.Id).FirstOrDefaultAsync(ct);
            return new MergeResult(MergeOutcome.NotAllowed, record,
                $"The kept candidate was later merged into {later}; undo that merge ({blocking}) first.", MergedInto: later);
        }
        if (merged.MergedIntoId != kept.Id)
        {
            return new MergeResult(MergeOutcome.Conflict, record, "The merged candidate is no longer part of the kept one.");
        }

        var stayed = new List<string>();
        await MoveBackAsync(db.Contacts, record.MovedContacts, kept.Id, merged.Id, ct);
        await MoveBackAsync(db.SourceRecords, record.MovedSources, kept.Id, merged.Id, ct);
        await MoveBackAsync(db.Notes, record.MovedNotes, kept.Id, merged.Id, ct);
        await MoveBackAsync(db.Attachments, record.MovedFiles, kept.Id, merged.Id, ct);
        await MoveBackAsync(db.Applications, record.MovedApplications, kept.Id, merged.Id, ct);
        await MoveBackAsync(db.ContactSuggestions, record.MovedContactSuggestions, kept.Id, merged.Id, ct);
        await CountNewAsync(db.Contacts, record.MovedContacts, kept.Id, record.At, "contact", stayed, ct);
        await CountNewAsync(db.Notes, record.MovedNotes, kept.Id, record.At, "note", stayed, ct);

        var (restored, edited) = ProfileMerge.Restore(ProfileSnapshot.FromJson(record.KeptBefore), ProfileSnapshot.FromJson(record.KeptAfter),
            ProfileSnapshot.From(kept));
        kept.Apply(restored.ToProfile(), now);
        merged.ClearMerged(now);
        record.MarkUndone(actor, reason, now);

        // An unmerge is a person saying "two people": remembered, so the same evidence never merges them again.
        var (first, second) = DuplicateSuggestion.Order(kept.Id, merged.Id);
        var pair = await db.DuplicateSuggestions.SingleOrDefaultAsync(s => s.FirstId == first && s.SecondId == second, ct);
        if (pair is null)
        {
            pair = new DuplicateSuggestion(kept.Id, merged.Id, new MatchResult(record.Score ?? 0, MatchDecision.Suggest, []), now);
            db.DuplicateSuggestions.Add(pair);
        }
        pair.MarkNotSame(record.MatchEvidence, actor, reason ?? "merge undone", now);
        db.AuditLog.Add(new AuditEvent(now, actor, AuditActions.Unmerge, kept.Id, merged.Id, reason,
            JsonSerializer.Serialize(new { mergeId = record.Id, leftAsEdited = edited, stayedWithKept = stayed })));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new MergeResult(MergeOutcome.Done, record, LeftAsEdited: edited, StayedWithKept: stayed);
    }

    /// <summary>Locks both candidate rows (merged or not) in id order and both candidates' file locks, for this transaction.</summary>
    private async Task<List<Guid>> LockAsync(Guid a, Guid b, CancellationToken ct)
    {
        var (first, second) = DuplicateSuggestion.Order(a, b);
        foreach (var id in new[] { first, second })
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [Resumes.CandidateFileLock.KeyFor(id)], ct);
        }
        return await db.Database.SqlQueryRaw<Guid>("SELECT id AS \"Value\" FROM candidates WHERE id = {0} OR id = {1} ORDER BY id FOR UPDATE", first, second)
            .ToListAsync(ct);
    }

    private async Task MoveAsync(MovedRows moved, Guid to, CancellationToken ct)
    {
        await Move(db.Contacts, moved.Contacts, to, ct);
        await Move(db.SourceRecords, moved.Sources, to, ct);
        await Move(db.Notes, moved.Notes, to, ct);
        await Move(db.Attachments, moved.Files, to, ct);
        await Move(db.Applications, moved.Applications, to, ct);
        await MoveSuggestions(moved.ContactSuggestions, to, ct);
    }

    private static Task Move<T>(DbSet<T> set, IReadOnlyList<Guid> ids, Guid to, CancellationToken ct) where T : class, Search.ICandidateOwned =>
        ids.Count == 0
            ? Task.CompletedTask
            : set.Where(x => ids.Contains(EF.Property<Guid>(x, "Id"))).ExecuteUpdateAsync(u => u.SetProperty(x => EF.Property<Guid>(x, "CandidateId"), to), ct);

    private Task MoveSuggestions(IReadOnlyList<Guid> ids, Guid to, CancellationToken ct) =>
        ids.Count == 0
            ? Task.CompletedTask
            : db.ContactSuggestions.Where(x => ids.Contains(x.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.CandidateId, to), ct);

    private static Task MoveBackAsync<T>(DbSet<T> set, List<Guid> ids, Guid from, Guid to, CancellationToken ct) where T : class =>
        ids.Count == 0
            ? Task.CompletedTask
            : set.Where(x => ids.Contains(EF.Property<Guid>(x, "Id")) && EF.Property<Guid>(x, "CandidateId") == from)
                .ExecuteUpdateAsync(u => u.SetProperty(x => EF.Property<Guid>(x, "CandidateId"), to), ct);

    private static async Task CountNewAsync<T>(DbSet<T> set, List<Guid> movedIds, Guid keptId, DateTimeOffset since, string what, List<string> stayed,
        CancellationToken ct) where T : class
    {
        var count = await set.CountAsync(x => EF.Property<Guid>(x, "CandidateId") == keptId && !movedIds.Contains(EF.Property<Guid>(x, "Id"))
            && EF.Property<DateTimeOffset>(x, "CreatedAt") > since, ct);
        if (count > 0)
        {
            stayed.Add($"{count} {what}(s) added after the merge stay with the kept candidate");
        }
    }
}
