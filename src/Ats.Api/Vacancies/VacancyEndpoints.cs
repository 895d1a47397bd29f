using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.Data;
using Ats.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.Vacancies;

public static class VacancyEndpoints
{
    public static IEndpointRouteBuilder MapVacancyEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/vacancies").WithTags("Vacancies").RequireAuthorization(Policies.ReadRecruiting);
        var write = app.MapGroup("/vacancies").WithTags("Vacancies").RequireAuthorization(Policies.WriteRecruiting);
        write.MapPost("/", CreateVacancy);
        read.MapGet("/", ListVacancies);
        read.MapGet("/{id:guid}", GetVacancy);
        write.MapPut("/{id:guid}", UpdateVacancy);
        write.MapPost("/{id:guid}/close", CloseVacancy);
        write.MapPost("/{id:guid}/reopen", ReopenVacancy);
        write.MapDelete("/{id:guid}", DeleteVacancy);
        return app;
    }

    public static async Task<Results<Created<VacancyResponse>, ValidationProblem>> CreateVacancy(
        VacancyRequest request, AtsDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var fields = Validate(request, now, out var errors);
        if (fields is null)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        var vacancy = new Vacancy(fields.Title, fields.Department, fields.Description, fields.OpenedOn, now);
        db.Vacancies.Add(vacancy);
        await db.SaveChangesAsync(ct);
        ETag.Set(http, vacancy.Version);
        return TypedResults.Created($"/vacancies/{vacancy.Id}", VacancyResponse.From(vacancy));
    }

    public static async Task<Results<Ok<List<VacancyResponse>>, ValidationProblem>> ListVacancies(string? status, AtsDbContext db, CancellationToken ct)
    {
        var query = db.Vacancies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!JsonEnum.TryParse<VacancyStatus>(status, out var s))
            {
                return Problems.Validation("status", $"Must be one of: {JsonEnum.Allowed<VacancyStatus>()}.");
            }
            query = query.Where(v => v.Status == s);
        }
        var vacancies = await query.OrderByDescending(v => v.OpenedOn).ThenByDescending(v => v.Id).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(vacancies.Select(VacancyResponse.From).ToList());
    }

    public static async Task<Results<Ok<VacancyResponse>, ProblemHttpResult>> GetVacancy(Guid id, AtsDbContext db, HttpContext http, CancellationToken ct)
    {
        var vacancy = await db.Vacancies.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (vacancy is null)
        {
            return Problems.NotFound("Vacancy");
        }
        ETag.Set(http, vacancy.Version);
        return TypedResults.Ok(VacancyResponse.From(vacancy));
    }

    public static async Task<Results<Ok<VacancyResponse>, ProblemHttpResult, ValidationProblem>> UpdateVacancy(
        Guid id, VacancyRequest request, AtsDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var vacancy = await db.Vacancies.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (vacancy is null)
        {
            return Problems.NotFound("Vacancy");
        }
        if (!ETag.Matches(http.Request, vacancy.Version))
        {
            return Problems.PreconditionFailed();
        }
        var now = clock.GetUtcNow();
        var fields = Validate(request, now, out var errors);
        if (fields is null)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        if (vacancy.ClosedOn is { } closed && fields.OpenedOn > closed)
        {
            return Problems.Validation("openedOn", "Cannot be after the closing date.");
        }
        vacancy.Edit(fields.Title, fields.Department, fields.Description, fields.OpenedOn, now);
        await db.SaveChangesAsync(ct);
        ETag.Set(http, vacancy.Version);
        return TypedResults.Ok(VacancyResponse.From(vacancy));
    }

    public static async Task<Results<Ok<VacancyResponse>, ProblemHttpResult, ValidationProblem>> CloseVacancy(
        Guid id, CloseVacancyRequest? request, AtsDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var vacancy = await db.Vacancies.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (vacancy is null)
        {
            return Problems.NotFound("Vacancy");
        }
        if (!ETag.Matches(http.Request, vacancy.Version))
        {
            return Problems.PreconditionFailed();
        }
        if (vacancy.Status == VacancyStatus.Closed)
        {
            return Problems.Conflict("The vacancy is already closed.");
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var closedOn = request?.ClosedOn ?? today;
        if (closedOn < vacancy.OpenedOn || closedOn > today)
        {
            return Problems.Validation("closedOn", "Must be between the opening date and today.");
        }
        vacancy.Close(closedOn, now);
        await db.SaveChangesAsync(ct);
        ETag.Set(http, vacancy.Version);
        return TypedResults.Ok(VacancyResponse.From(vacancy));
    }

    public static async Task<Results<Ok<VacancyResponse>, ProblemHttpResult>> ReopenVacancy(
        Guid id, AtsDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var vacancy = await db.Vacancies.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (vacancy is null)
        {
            return Problems.NotFound("Vacancy");
        }
        if (!ETag.Matches(http.Request, vacancy.Version))
        {
            return Problems.PreconditionFailed();
        }
        if (vacancy.Status == VacancyStatus.Open)
        {
            return Problems.Conflict("The vacancy is already open.");
        }
        vacancy.Reopen(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        ETag.Set(http, vacancy.Version);
        return TypedResults.Ok(VacancyResponse.From(vacancy));
    }

    /// <summary>Only a vacancy nobody applied to can be deleted; otherwise close it — applications carry retention dates.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteVacancy(Guid id, AtsDbContext db, CancellationToken ct)
    {
        var vacancy = await db.Vacancies.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (vacancy is null)
        {
            return Problems.NotFound("Vacancy");
        }
        if (await db.Applications.AnyAsync(a => a.VacancyId == id, ct))
        {
            return Problems.Conflict("The vacancy has applications; close it instead of deleting it.");
        }
        db.Vacancies.Remove(vacancy);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private sealed record VacancyFields(string Title, string? Department, string? Description, DateOnly OpenedOn);

    private static VacancyFields? Validate(VacancyRequest request, DateTimeOffset now, out ValidationErrors errors)
    {
        errors = new ValidationErrors();
        var title = CandidateValidation.Text("title", request.Title, Vacancy.TitleMax, errors);
        if (title is null && string.IsNullOrWhiteSpace(request.Title))
        {
            errors.Add("title", "Required.");
        }
        var department = CandidateValidation.Text("department", request.Department, Vacancy.DepartmentMax, errors);
        var description = CandidateValidation.Multiline("description", request.Description, Vacancy.DescriptionMax, errors);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var openedOn = request.OpenedOn ?? today;
        if (openedOn > today.AddYears(1) || openedOn.Year < 1990)
        {
            errors.Add("openedOn", "Must be a date from 1990 to a year from now.");
        }
        return errors.IsValid ? new VacancyFields(title!, department, description, openedOn) : null;
    }
}
