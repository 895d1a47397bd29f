using Ats.Api.Data;
using Ats.Api.Deduplication.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ats.Api.Deduplication;

/// <summary>What one look at a candidate found.</summary>
public sealed record MatchPass(int Keys, int Compared, int Suggested, Guid? MergedInto);

/// <summary>
/// Looks at one candidate after a change: recomputes its blocking keys, finds everyone sharing a key (indexed
/// look-ups in <c>match_keys</c>), scores each pair and records the outcome — a suggestion for a recruiter, an
/// automatic merge when the evidence is certain and nobody has said "not the same person", or nothing.
/// </summary>
public sealed class MatchService(AtsDbContext db, MergeService merges, TimeProvider clock, IOptions<DeduplicationOptions> options,
    IOptions<MatchThresholds> thresholds)
{
    public const string SystemActor = "system:deduplication";

    public async Task<MatchPass> ProcessAsync(Guid candidateId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ProcessOnceAsync(candidateId, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another instance (or a person) wrote one of this candidate's pairs at the same moment (row version
                // or unique key): read everything again and redo the pass.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Everyone sharing a blocking key, at most <see cref="DeduplicationOptions.MaxCandidatesPerCheck"/>: those sharing
    /// a contact, site id, link or file first (a handful, and the strongest evidence there is), then name, date and
    /// text look-alikes up to the cap — so a very common name cannot crowd out the one record with the same phone.
    /// </summary>
    internal async Task<List<Guid>> LookAlikesAsync(Guid candidateId, List<string> keys, CancellationToken ct)
    {
        var cap = options.Value.MaxCandidatesPerCheck;
        var found = new List<Guid>();
        foreach (var group in new[] { keys.Where(BlockingKeys.IsContactKey).ToList(), keys.Where(k => !BlockingKeys.IsContactKey(k)).ToList() })
        {
            if (group.Count == 0 || found.Count >= cap)
            {
                continue;
            }
            var already = found.ToList();
            found.AddRange(await db.MatchKeys.AsNoTracking()
                .Where(k => group.Contains(k.Key) && k.CandidateId != candidateId && !already.Contains(k.CandidateId))
                .Select(k => k.CandidateId).Distinct().Take(cap - found.Count).ToListAsync(ct));
        }
        return found;
    }

    private async Task<MatchPass> ProcessOnceAsync(Guid candidateId, CancellationToken ct)
    {
        var records = await CandidateRecords.LoadAsync(db, [candidateId], ct);
        if (!records.TryGetValue(candidateId, out var record))
        {
            // Deleted or merged meanwhile: it must not be found by anyone.
            await db.MatchKeys.Where(k => k.CandidateId == candidateId).ExecuteDeleteAsync(ct);
            return new MatchPass(0, 0, 0, null);
        }
        var keys = BlockingKeys.For(record).Where(k => k.Length <= MatchKey.KeyMax).ToList();
        await ReplaceKeysAsync(candidateId, keys, ct);

        var others = await LookAlikesAsync(candidateId, keys, ct);
        var otherRecords = await CandidateRecords.LoadAsync(db, others, ct);
        var now = clock.GetUtcNow();
        var results = otherRecords.Select(o => (Id: o.Key, Result: DuplicateScorer.Score(record, o.Value, thresholds.Value)))
            .OrderByDescending(r => r.Result.Score).ToList();

        var existing = (await db.DuplicateSuggestions.Where(s => (s.FirstId == candidateId || s.SecondId == candidateId)).ToListAsync(ct))
            .ToDictionary(s => (s.FirstId, s.SecondId));
        var suggested = 0;
        (Guid Other, MatchResult Result)? autoMerge = null;
        foreach (var (otherId, result) in results)
        {
            var key = DuplicateSuggestion.Order(candidateId, otherId);
            existing.TryGetValue(key, out var row);
            if (result.Decision == MatchDecision.Different)
            {
                if (row is { State: SuggestionState.Pending })
                {
                    db.DuplicateSuggestions.Remove(row);
                }
                continue;
            }
            if (row is null)
            {
                row = new DuplicateSuggestion(candidateId, otherId, result, now);
                db.DuplicateSuggestions.Add(row);
            }
            else if (row.State == SuggestionState.NotSamePerson)
            {
                if (!row.HasNewStrongEvidence(result))
                {
                    continue;
                }
                row.Reopen(now);
                db.AuditLog.Add(new Audit.AuditEvent(now, SystemActor, Audit.AuditActions.ReopenSuggestion, key.First, key.Second,
                    "new evidence after \"not the same person\"", null));
                row.Update(result, now);
                suggested++;
                continue; // a person said no once: back to a person, never merged silently
            }
            else if (row.State == SuggestionState.Merged)
            {
                continue;
            }
            row.Update(result, now);
            suggested++;
            if (result.Decision == MatchDecision.AutoMerge && options.Value.AutoMerge && autoMerge is null && !row.RejectedByPerson)
            {
                autoMerge = (otherId, result);
            }
        }
        // Suggestions of this candidate with people no longer sharing any key are stale.
        var seen = results.Select(r => r.Id).ToHashSet();
        foreach (var stale in existing.Values.Where(s => s.State == SuggestionState.Pending && !seen.Contains(s.Other(candidateId))))
        {
            db.DuplicateSuggestions.Remove(stale);
        }
        await db.SaveChangesAsync(ct);

        Guid? mergedInto = null;
        if (autoMerge is { } m)
        {
            // The older record is kept: links, applications and history point at it already.
            var created = await db.Candidates.AsNoTracking().Where(c => c.Id == candidateId || c.Id == m.Other)
                .Select(c => new { c.Id, c.CreatedAt }).ToListAsync(ct);
            var kept = created.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).First().Id;
            var gone = kept == candidateId ? m.Other : candidateId;
            db.ChangeTracker.Clear();
            // The reasons (which quote phones and names) go to the merge record's match reasons, not to the audit text.
            var reason = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"automatic (score {m.Result.Score:0.#})");
            var outcome = await merges.MergeAsync(kept, gone, SystemActor, reason, new HashSet<string>(), m.Result, true, ct);
            if (outcome.Outcome == MergeOutcome.Done)
            {
                mergedInto = kept == candidateId ? null : kept;
            }
            else if (outcome.Outcome == MergeOutcome.Conflict)
            {
                // Someone (a person, another instance) touched the pair at that moment: look again shortly; a
                // person's decision will then stop the merge, a race will not.
                db.ChangeTracker.Clear();
                db.MatchQueue.Add(new MatchQueueItem(candidateId, clock.GetUtcNow()));
                await db.SaveChangesAsync(ct);
            }
        }
        return new MatchPass(keys.Count, results.Count, suggested, mergedInto);
    }

    private async Task ReplaceKeysAsync(Guid candidateId, List<string> keys, CancellationToken ct)
    {
        var current = await db.MatchKeys.Where(k => k.CandidateId == candidateId).Select(k => k.Key).ToListAsync(ct);
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        var remove = current.Where(k => !wanted.Contains(k)).ToList();
        if (remove.Count > 0)
        {
            await db.MatchKeys.Where(k => k.CandidateId == candidateId && remove.Contains(k.Key)).ExecuteDeleteAsync(ct);
        }
        var add = wanted.Except(current, StringComparer.Ordinal).ToList();
        if (add.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO match_keys (key, candidate_id) SELECT unnest({0}::text[]), {1} ON CONFLICT DO NOTHING", [add.ToArray(), candidateId], ct);
        }
    }
}
