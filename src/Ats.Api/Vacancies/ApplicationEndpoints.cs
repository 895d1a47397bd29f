using System.Security.Claims;
using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.Data;
using Ats.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.Vacancies;

public static class ApplicationEndpoints
{
    public static IEndpointRouteBuilder MapApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/applications").WithTags("Applications").RequireAuthorization(Policies.ReadRecruiting);
        var write = app.MapGroup("/applications").WithTags("Applications").RequireAuthorization(Policies.WriteRecruiting);
        write.MapPost("/", CreateApplication);
        read.MapGet("/", ListApplications);
        read.MapGet("/{id:guid}", GetApplication);
        write.MapPost("/{id:guid}/stage", ChangeStage);
        write.MapPost("/{id:guid}/outcome", SetOutcome);
        write.MapPost("/{id:guid}/reopen", ReopenApplication);
        write.MapDelete("/{id:guid}", DeleteApplication);
        return app;
    }

    public static async Task<Results<Created<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> CreateApplication(
        CreateApplicationRequest request, AtsDbContext db, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.CandidateId is null)
        {
            errors.Add("candidateId", "Required.");
        }
        if (request.VacancyId is null)
        {
            errors.Add("vacancyId", "Required.");
        }
        var stage = ApplicationStage.Sourced;
        if (!string.IsNullOrWhiteSpace(request.Stage) && !JsonEnum.TryParse(request.Stage, out stage))
        {
            errors.Add("stage", $"Must be one of: {JsonEnum.Allowed<ApplicationStage>()}.");
        }
        if (!errors.IsValid)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        var candidateId = request.CandidateId!.Value;
        var vacancyId = request.VacancyId!.Value;
        if (!await db.Candidates.AnyAsync(c => c.Id == candidateId, ct))
        {
            errors.Add("candidateId", "No such candidate.");
        }
        var vacancy = await db.Vacancies.AsNoTracking().SingleOrDefaultAsync(v => v.Id == vacancyId, ct);
        if (vacancy is null)
        {
            errors.Add("vacancyId", "No such vacancy.");
        }
        if (!errors.IsValid)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        if (vacancy!.Status == VacancyStatus.Closed)
        {
            return Problems.Conflict("The vacancy is closed; reopen it to add candidates.");
        }
        var existing = await db.Applications.Where(a => a.CandidateId == candidateId && a.VacancyId == vacancyId)
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (existing is { } existingId)
        {
            return Problems.Conflict("The candidate already has an application for this vacancy.",
                new Dictionary<string, object?> { ["applicationId"] = existingId });
        }
        // The candidate's row is share-locked while the application is written: a merge (which locks both rows for
        // update) either finished first — then this answers 409 candidate-merged instead of landing on the hidden,
        // merged-away record — or waits and moves the new application with the rest. The candidate itself is not
        // changed (its ETag and "updated" time stay).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        switch (await MergedCandidates.LockAsync(db, candidateId, ct))
        {
            case { Exists: false }:
                return Problems.Validation("candidateId", "No such candidate.");
            case { MergedInto: { } into }:
                throw new CandidateMergedException(into);
        }
        var application = new Application(candidateId, vacancyId, stage, user.Name(), clock.GetUtcNow());
        db.Applications.Add(application);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        ETag.Set(http, application.Version);
        return TypedResults.Created($"/applications/{application.Id}", ApplicationResponse.From(application));
    }

    public static async Task<Results<Ok<List<ApplicationResponse>>, ValidationProblem>> ListApplications(
        Guid? candidateId, Guid? vacancyId, AtsDbContext db, CancellationToken ct)
    {
        if (candidateId is null && vacancyId is null)
        {
            return Problems.Validation("candidateId", "Give candidateId, vacancyId or both.");
        }
        // Applications left on a merged-away record (they clashed with the kept one's) are not part of any list.
        var query = db.Applications.AsNoTracking().Include(a => a.Events).Where(a => db.Candidates.Any(c => c.Id == a.CandidateId));
        if (candidateId is { } c)
        {
            query = query.Where(a => a.CandidateId == c);
        }
        if (vacancyId is { } v)
        {
            query = query.Where(a => a.VacancyId == v);
        }
        var applications = await query.OrderByDescending(a => a.Id).Take(1000).AsSplitQuery().ToListAsync(ct);
        return TypedResults.Ok(applications.Select(ApplicationResponse.From).ToList());
    }

    public static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> GetApplication(
        Guid id, AtsDbContext db, HttpContext http, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Events).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return Problems.NotFound("Application");
        }
        if (await MergedCandidates.MergedIntoAsync(db, application.CandidateId, ct) is { } into)
        {
            return Problems.Merged(into);
        }
        ETag.Set(http, application.Version);
        return TypedResults.Ok(ApplicationResponse.From(application));
    }

    public static Task<Results<Ok<ApplicationResponse>, ProblemHttpResult, ValidationProblem>> ChangeStage(
        Guid id, ChangeStageRequest request, AtsDbContext db, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!JsonEnum.TryParse<ApplicationStage>(request.Stage, out var stage))
        {
            errors.Add("stage", $"Must be one of: {JsonEnum.Allowed<ApplicationStage>()}.");
        }
        var comment = CandidateValidation.Multiline("comment", request.Comment, Application.ReasonMax, errors);
        return Change(id, errors, db, http, ct, a => a.MoveTo(stage, comment, user.Name(), clock.GetUtcNow()),
            "The application already has an outcome; reopen it before changing its stage.");
    }

    public static Task<Results<Ok<ApplicationResponse>, ProblemHttpResult, ValidationProblem>> SetOutcome(
        Guid id, SetOutcomeRequest request, AtsDbContext db, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!JsonEnum.TryParse<ApplicationOutcome>(request.Outcome, out var outcome))
        {
            errors.Add("outcome", $"Must be one of: {JsonEnum.Allowed<ApplicationOutcome>()}.");
        }
        var reason = CandidateValidation.Multiline("reason", request.Reason, Application.ReasonMax, errors);
        return Change(id, errors, db, http, ct, a => a.Close(outcome, reason, user.Name(), clock.GetUtcNow()),
            "The application already has an outcome.");
    }

    public static Task<Results<Ok<ApplicationResponse>, ProblemHttpResult, ValidationProblem>> ReopenApplication(
        Guid id, ReopenApplicationRequest? request, AtsDbContext db, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var comment = CandidateValidation.Multiline("comment", request?.Comment, Application.ReasonMax, errors);
        return Change(id, errors, db, http, ct, a => a.Reopen(comment, user.Name(), clock.GetUtcNow()),
            "The application is open already.");
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteApplication(Guid id, AtsDbContext db, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return Problems.NotFound("Application");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LockCandidateAsync(db, application, ct) is { } gone)
        {
            return gone;
        }
        db.Applications.Remove(application);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult, ValidationProblem>> Change(
        Guid id, ValidationErrors errors, AtsDbContext db, HttpContext http, CancellationToken ct, Func<Application, bool> change, string conflict)
    {
        if (!errors.IsValid)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        var application = await db.Applications.Include(a => a.Events).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return Problems.NotFound("Application");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LockCandidateAsync(db, application, ct) is { } gone)
        {
            return gone;
        }
        if (!ETag.Matches(http.Request, application.Version))
        {
            return Problems.PreconditionFailed();
        }
        if (!change(application))
        {
            return Problems.Conflict(conflict);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        ETag.Set(http, application.Version);
        return TypedResults.Ok(ApplicationResponse.From(application));
    }

    /// <summary>Share-locks the application's candidate for the rest of the transaction; the answer when the candidate
    /// was deleted or merged away meanwhile (a change must not land on a hidden record), else null.</summary>
    private static async Task<ProblemHttpResult?> LockCandidateAsync(AtsDbContext db, Application application, CancellationToken ct) =>
        await MergedCandidates.LockAsync(db, application.CandidateId, ct) switch
        {
            { Exists: false } => Problems.NotFound("Application"),
            { MergedInto: { } into } => Problems.Merged(into),
            _ => null,
        };
}
