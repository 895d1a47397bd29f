using System.Globalization;
using System.Security.Claims;
using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.Data;
using Ats.Api.Deduplication.Matching;
using Ats.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ats.Api.Deduplication;

/// <summary>Review of duplicate suggestions, merges and unmerges, and the batch scan.</summary>
public static class DeduplicationEndpoints
{
    private const int MaxPage = 200;
    private const int MaxClusterPairs = 20_000;

    public static WebApplicationBuilder AddDeduplication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeduplicationOptions>().BindConfiguration(DeduplicationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<MatchThresholds>().BindConfiguration(MatchThresholds.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<MergeService>();
        builder.Services.AddScoped<MatchService>();
        builder.Services.AddSingleton<DuplicateWorker>();
        builder.Services.AddSingleton<DuplicateBatchJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DuplicateWorker>());
        return builder;
    }

    public static IEndpointRouteBuilder MapDeduplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/duplicates").WithTags("Deduplication").RequireAuthorization(Policies.ReadRecruiting);
        var write = app.MapGroup("/duplicates").WithTags("Deduplication").RequireAuthorization(Policies.WriteRecruiting);
        read.MapGet("/suggestions", ListSuggestions);
        read.MapGet("/suggestions/{id:guid}", GetSuggestion);
        read.MapGet("/clusters", ListClusters);
        write.MapPost("/suggestions/{id:guid}/merge", MergeSuggestion);
        write.MapPost("/suggestions/{id:guid}/not-same", NotSamePerson);

        app.MapGroup("/candidates").WithTags("Deduplication").RequireAuthorization(Policies.WriteRecruiting).MapPost("/{id:guid}/merge", MergeCandidate);
        app.MapGroup("/candidates").WithTags("Deduplication").RequireAuthorization(Policies.ReadRecruiting).MapGet("/{id:guid}/merges", CandidateMerges);
        app.MapGroup("/candidates").WithTags("Deduplication").RequireAuthorization(Policies.ReadRecruiting).MapGet("/{id:guid}/provenance", Provenance);
        app.MapGroup("/merges").WithTags("Deduplication").RequireAuthorization(Policies.ReadRecruiting).MapGet("/{id:guid}", GetMerge);
        app.MapGroup("/merges").WithTags("Deduplication").RequireAuthorization(Policies.WriteRecruiting).MapPost("/{id:guid}/undo", Unmerge);

        var admin = app.MapGroup("/admin/duplicates").WithTags("Admin: deduplication").RequireAuthorization(Policies.Admin);
        admin.MapPost("/scan", StartScan);
        admin.MapGet("/status", Status);

        app.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.ReadAudit).MapGet("/", ListAudit);
        return app;
    }

    public static async Task<Results<Ok<Page<SuggestionResponse>>, ValidationProblem>> ListSuggestions(
        AtsDbContext db, string? state, Guid? candidateId, double? minScore, int? limit, string? cursor, CancellationToken ct)
    {
        var wanted = SuggestionState.Pending;
        if (state is not null && !JsonEnum.TryParse(state, out wanted))
        {
            return Problems.Validation("state", $"Must be one of: {JsonEnum.Allowed<SuggestionState>()}.");
        }
        var take = Math.Clamp(limit ?? 50, 1, MaxPage);
        var query = db.DuplicateSuggestions.AsNoTracking().Where(s => s.State == wanted);
        if (wanted == SuggestionState.Pending)
        {
            // A pair whose other half was merged away meanwhile is not for review (the filter hides merged candidates).
            query = query.Where(s => db.Candidates.Any(c => c.Id == s.FirstId) && db.Candidates.Any(c => c.Id == s.SecondId));
        }
        if (candidateId is { } cid)
        {
            query = query.Where(s => s.FirstId == cid || s.SecondId == cid);
        }
        if (minScore is { } min)
        {
            query = query.Where(s => s.Score >= min);
        }
        if (cursor is not null)
        {
            if (!TryDecodeCursor(cursor, out var afterScore, out var afterId))
            {
                return Problems.Validation("cursor", "Not a cursor this API returned.");
            }
            query = query.Where(s => s.Score < afterScore || (s.Score == afterScore && s.Id.CompareTo(afterId) > 0));
        }
        var rows = await query.OrderByDescending(s => s.Score).ThenBy(s => s.Id).Take(take + 1).ToListAsync(ct);
        var page = rows.Take(take).ToList();
        var items = await ToResponsesAsync(db, page, ct);
        var next = rows.Count > take ? EncodeCursor(page[^1].Score, page[^1].Id) : null;
        return TypedResults.Ok(new Page<SuggestionResponse>(items, next));
    }

    public static async Task<Results<Ok<SuggestionResponse>, ProblemHttpResult>> GetSuggestion(Guid id, AtsDbContext db, CancellationToken ct)
    {
        var row = await db.DuplicateSuggestions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return row is null ? Problems.NotFound("Suggestion") : TypedResults.Ok((await ToResponsesAsync(db, [row], ct))[0]);
    }

    /// <summary>Pending suggestions grouped into clusters of people who may all be one (connected pairs), largest
    /// evidence first — the review list of the day the old base is loaded.</summary>
    public static async Task<Ok<IReadOnlyList<SuggestionCluster>>> ListClusters(AtsDbContext db, int? limit, CancellationToken ct)
    {
        var pairs = await db.DuplicateSuggestions.AsNoTracking().Where(s => s.State == SuggestionState.Pending)
            .Where(s => db.Candidates.Any(c => c.Id == s.FirstId) && db.Candidates.Any(c => c.Id == s.SecondId))
            .OrderByDescending(s => s.Score).Take(MaxClusterPairs).Select(s => new { s.Id, s.FirstId, s.SecondId, s.Score }).ToListAsync(ct);
        var parent = new Dictionary<Guid, Guid>();
        Guid Find(Guid x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
            {
                parent[x] = parent.GetValueOrDefault(p, p);
                x = p;
            }
            return x;
        }
        foreach (var p in pairs)
        {
            parent.TryAdd(p.FirstId, p.FirstId);
            parent.TryAdd(p.SecondId, p.SecondId);
            var (a, b) = (Find(p.FirstId), Find(p.SecondId));
            if (a != b)
            {
                parent[b] = a;
            }
        }
        var clusters = pairs.GroupBy(p => Find(p.FirstId))
            .Select(g => (Ids: g.SelectMany(p => new[] { p.FirstId, p.SecondId }).Distinct().ToList(), Pairs: g.Select(p => p.Id).ToList(), Max: g.Max(p => p.Score)))
            .OrderByDescending(c => c.Max).ThenByDescending(c => c.Ids.Count)
            .Take(Math.Clamp(limit ?? 50, 1, MaxPage)).ToList();
        var briefs = await BriefsAsync(db, clusters.SelectMany(c => c.Ids).ToList(), ct);
        IReadOnlyList<SuggestionCluster> result = clusters
            .Select(c => new SuggestionCluster(c.Ids.Where(briefs.ContainsKey).Select(id => briefs[id]).ToList(), c.Pairs, c.Max)).ToList();
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<MergeResponse>, ProblemHttpResult, ValidationProblem>> MergeSuggestion(
        Guid id, MergeSuggestionRequest request, AtsDbContext db, MergeService merges, IOptions<DeduplicationOptions> options,
        IOptions<MatchThresholds> thresholds, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var take = Take(request.Take, errors);
        var reason = CandidateValidation.Text("reason", request.Reason, Audit.AuditEvent.ReasonMax, errors);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        var row = await db.DuplicateSuggestions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (row is null)
        {
            return Problems.NotFound("Suggestion");
        }
        if (row.State != SuggestionState.Pending)
        {
            return Problems.Conflict($"This suggestion is already decided ({JsonEnum.ToText(row.State)}).");
        }
        Guid kept;
        if (request.KeepId is { } keep)
        {
            if (keep != row.FirstId && keep != row.SecondId)
            {
                return Problems.Validation("keepId", "Must be one of the two candidates of the suggestion.");
            }
            kept = keep;
        }
        else
        {
            var created = await db.Candidates.AsNoTracking().Where(c => c.Id == row.FirstId || c.Id == row.SecondId)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync(ct);
            kept = created == Guid.Empty ? row.FirstId : created;
        }
        return await MergeAsync(db, merges, options, thresholds, kept, row.Other(kept), take, reason, user, ct);
    }

    public static async Task<Results<Ok<MergeResponse>, ProblemHttpResult, ValidationProblem>> MergeCandidate(
        Guid id, MergeCandidateRequest request, AtsDbContext db, MergeService merges, IOptions<DeduplicationOptions> options,
        IOptions<MatchThresholds> thresholds, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var take = Take(request.Take, errors);
        var reason = CandidateValidation.Text("reason", request.Reason, Audit.AuditEvent.ReasonMax, errors);
        if (request.OtherId == Guid.Empty)
        {
            errors.Add("otherId", "Required.");
        }
        else if (request.OtherId == id)
        {
            errors.Add("otherId", "A candidate cannot be merged into itself.");
        }
        if (!errors.IsValid)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        return await MergeAsync(db, merges, options, thresholds, id, request.OtherId, take, reason, user, ct);
    }

    private static async Task<Results<Ok<MergeResponse>, ProblemHttpResult, ValidationProblem>> MergeAsync(AtsDbContext db, MergeService merges,
        IOptions<DeduplicationOptions> options, IOptions<MatchThresholds> thresholds, Guid kept, Guid merged, HashSet<string> take, string? reason,
        ClaimsPrincipal user, CancellationToken ct)
    {
        // The evidence at the moment of the merge goes into the record, so the kept profile can say why.
        var records = await CandidateRecords.LoadAsync(db, [kept, merged], ct);
        var match = records.Count == 2 ? DuplicateScorer.Score(records[kept], records[merged], thresholds.Value) : null;
        var result = await merges.MergeAsync(kept, merged, user.Name(), reason, take, match, automatic: false, ct);
        return result.Outcome switch
        {
            MergeOutcome.Done => TypedResults.Ok(MergeResponse.From(result.Merge!, options.Value.UnmergeWindow, result)),
            MergeOutcome.NotFound => Problems.NotFound("Candidate"),
            _ => Problems.Conflict(result.Problem!, result.MergedInto is { } into ? new Dictionary<string, object?> { ["mergedInto"] = into } : null),
        };
    }

    public static async Task<Results<Ok<SuggestionResponse>, ProblemHttpResult, ValidationProblem>> NotSamePerson(
        Guid id, DecisionRequest request, AtsDbContext db, TimeProvider clock, IOptions<MatchThresholds> thresholds, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var reason = CandidateValidation.Text("reason", request.Reason, Audit.AuditEvent.ReasonMax, errors);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        var row = await db.DuplicateSuggestions.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (row is null)
        {
            return Problems.NotFound("Suggestion");
        }
        if (row.State == SuggestionState.Merged)
        {
            return Problems.Conflict("These two are merged; undo the merge instead.");
        }
        var records = await CandidateRecords.LoadAsync(db, [row.FirstId, row.SecondId], ct);
        var evidence = records.Count == 2
            ? DuplicateSuggestion.Evidence(DuplicateScorer.Score(records[row.FirstId], records[row.SecondId], thresholds.Value))
            : [];
        var now = clock.GetUtcNow();
        row.MarkNotSame(evidence, user.Name(), reason, now);
        db.AuditLog.Add(new Audit.AuditEvent(now, user.Name(), Audit.AuditActions.NotSamePerson, row.FirstId, row.SecondId, reason,
            System.Text.Json.JsonSerializer.Serialize(new { suggestionId = row.Id, score = row.Score })));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The suggestion was changed by someone else at the same time; read it again.");
        }
        return TypedResults.Ok((await ToResponsesAsync(db, [row], ct))[0]);
    }

    public static async Task<Ok<IReadOnlyList<MergeResponse>>> CandidateMerges(Guid id, AtsDbContext db, IOptions<DeduplicationOptions> options,
        CancellationToken ct)
    {
        var rows = await db.Merges.AsNoTracking().Where(m => m.KeptId == id || m.MergedId == id).OrderByDescending(m => m.At).Take(MaxPage).ToListAsync(ct);
        IReadOnlyList<MergeResponse> result = rows.Select(m => MergeResponse.From(m, options.Value.UnmergeWindow)).ToList();
        return TypedResults.Ok(result);
    }

    /// <summary>
    /// Where each value of a candidate's profile and each of its rows came from, over the merges into it that still
    /// stand: a field the merge filled from the other record names that record, unless someone edited it since.
    /// </summary>
    public static async Task<Results<Ok<ProvenanceResponse>, ProblemHttpResult>> Provenance(Guid id, AtsDbContext db, CancellationToken ct)
    {
        var candidate = await db.Candidates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return Problems.NotFound("Candidate");
        }
        var current = ProfileSnapshot.From(candidate);
        var fields = ProfileSnapshot.Fields.Where(f => current.Get(f) is not null).ToDictionary(f => f, _ => new FieldOrigin(id, null, false));
        var merges = await db.Merges.AsNoTracking().Where(m => m.KeptId == id && m.UndoneAt == null).OrderBy(m => m.At).ToListAsync(ct);
        var rows = new List<RowOrigin>();
        foreach (var merge in merges)
        {
            var after = ProfileSnapshot.FromJson(merge.KeptAfter);
            foreach (var (field, from) in System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, Guid>>(merge.FieldSources) ?? [])
            {
                if (fields.ContainsKey(field) && from == merge.MergedId)
                {
                    fields[field] = new FieldOrigin(from, merge.Id, after.Get(field) != current.Get(field));
                }
            }
            foreach (var (kind, moved) in new[] { ("contact", merge.MovedContacts), ("source", merge.MovedSources), ("note", merge.MovedNotes),
                ("file", merge.MovedFiles), ("application", merge.MovedApplications), ("contact_suggestion", merge.MovedContactSuggestions) })
            {
                rows.AddRange(moved.Select(rowId => new RowOrigin(kind, rowId, merge.MergedId, merge.Id)));
            }
        }
        return TypedResults.Ok(new ProvenanceResponse(id, fields, rows));
    }

    public static async Task<Results<Ok<MergeResponse>, ProblemHttpResult>> GetMerge(Guid id, AtsDbContext db, IOptions<DeduplicationOptions> options,
        CancellationToken ct)
    {
        var row = await db.Merges.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        return row is null ? Problems.NotFound("Merge") : TypedResults.Ok(MergeResponse.From(row, options.Value.UnmergeWindow));
    }

    public static async Task<Results<Ok<MergeResponse>, ProblemHttpResult, ValidationProblem>> Unmerge(
        Guid id, DecisionRequest request, MergeService merges, IOptions<DeduplicationOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var reason = CandidateValidation.Text("reason", request.Reason, Audit.AuditEvent.ReasonMax, errors);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        var result = await merges.UnmergeAsync(id, user.Name(), reason, ct);
        return result.Outcome switch
        {
            MergeOutcome.Done => TypedResults.Ok(MergeResponse.From(result.Merge!, options.Value.UnmergeWindow, result)),
            MergeOutcome.NotFound => Problems.NotFound("Merge"),
            _ => Problems.Conflict(result.Problem!, result.MergedInto is { } into ? new Dictionary<string, object?> { ["mergedInto"] = into } : null),
        };
    }

    /// <summary>Starts the batch scan of the whole base (<see cref="DuplicateBatchJob"/>); its progress is in the status.</summary>
    public static Results<Accepted<BatchScanReport>, ProblemHttpResult> StartScan(DuplicateBatchJob job, ClaimsPrincipal user, bool? rewriteKeys)
    {
        if (!job.TryStart(user.Name(), rewriteKeys ?? false))
        {
            return Problems.Conflict("A batch scan is already running on this instance; see GET /admin/duplicates/status.");
        }
        return TypedResults.Accepted("/admin/duplicates/status", job.Report);
    }

    public static async Task<Ok<DeduplicationStatus>> Status(AtsDbContext db, DuplicateBatchJob job, CancellationToken ct) =>
        TypedResults.Ok(new DeduplicationStatus(
            await db.MatchQueue.LongCountAsync(ct),
            await db.DuplicateSuggestions.LongCountAsync(s => s.State == SuggestionState.Pending, ct),
            await db.MatchKeys.LongCountAsync(ct),
            await db.Merges.LongCountAsync(m => m.UndoneAt == null, ct),
            job.Report)
        {
            Retrying = await db.MatchQueue.Where(q => q.Attempts > 0).Select(q => q.CandidateId).Distinct().LongCountAsync(ct),
            LastCheckError = await db.MatchQueue.Where(q => q.Attempts > 0).OrderByDescending(q => q.Id).Select(q => q.LastError).FirstOrDefaultAsync(ct),
        });

    public static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem>> ListAudit(AtsDbContext db, Guid? subjectId, string? action,
        long? before, int? limit, CancellationToken ct)
    {
        var query = db.AuditLog.AsNoTracking();
        if (subjectId is { } s)
        {
            query = query.Where(e => e.SubjectId == s || e.OtherSubjectId == s);
        }
        if (action is not null)
        {
            query = query.Where(e => e.Action == action);
        }
        if (before is { } b)
        {
            query = query.Where(e => e.Id < b);
        }
        var rows = await query.OrderByDescending(e => e.Id).Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(ct);
        IReadOnlyList<AuditEntry> result = rows.Select(e => new AuditEntry(e.Id, e.At, e.Actor, e.Action, e.SubjectId, e.OtherSubjectId, e.Reason,
            e.Details is null ? null : System.Text.Json.JsonDocument.Parse(e.Details).RootElement.Clone())).ToList();
        return TypedResults.Ok(result);
    }

    private static HashSet<string> Take(List<string>? fields, ValidationErrors errors)
    {
        var take = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (fields?.Count ?? 0); i++)
        {
            var field = fields![i];
            if (!ProfileSnapshot.Fields.Contains(field))
            {
                errors.Add($"take[{i}]", $"Must be one of: {string.Join(", ", ProfileSnapshot.Fields)}.");
            }
            else
            {
                take.Add(field);
            }
        }
        return take;
    }

    private static async Task<Dictionary<Guid, CandidateBrief>> BriefsAsync(AtsDbContext db, List<Guid> ids, CancellationToken ct) =>
        (await db.Candidates.AsNoTracking().IgnoreQueryFilters().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.DisplayName, c.City, c.BirthDate, c.BirthDatePrecision }).ToListAsync(ct))
        .ToDictionary(c => c.Id, c => new CandidateBrief(c.Id, c.DisplayName, c.City,
            c.BirthDate is { } d && c.BirthDatePrecision is { } p ? new PartialDate(d, p).ToString() : null));

    private static async Task<List<SuggestionResponse>> ToResponsesAsync(AtsDbContext db, IReadOnlyList<DuplicateSuggestion> rows, CancellationToken ct)
    {
        var briefs = await BriefsAsync(db, rows.SelectMany(r => new[] { r.FirstId, r.SecondId }).Distinct().ToList(), ct);
        CandidateBrief Brief(Guid id) => briefs.TryGetValue(id, out var b) ? b : new CandidateBrief(id, "", null, null);
        return rows.Select(r => new SuggestionResponse(r.Id, Brief(r.FirstId), Brief(r.SecondId), r.Score, JsonEnum.ToText(r.Decision), r.Reasons,
            JsonEnum.ToText(r.State), r.CreatedAt, r.UpdatedAt, r.DecidedAt, r.DecidedBy, r.DecisionReason)).ToList();
    }

    private static string EncodeCursor(double score, Guid id) =>
        System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(score.ToString("R", CultureInfo.InvariantCulture) + "|" + id.ToString("N")));

    private static bool TryDecodeCursor(string cursor, out double score, out Guid id)
    {
        score = 0;
        id = Guid.Empty;
        try
        {
            var parts = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor)).Split('|');
            return parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out score) && Guid.TryParseExact(parts[1], "N", out id);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
