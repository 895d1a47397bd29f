using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ats.Api.Http;

/// <summary>Typed-result factories for the expected error outcomes, so every handler answers the same shape.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what) => TypedResults.Problem(new ProblemDetails
    {
        Type = ProblemTypes.NotFound,
        Title = "Not found",
        Status = StatusCodes.Status404NotFound,
        Detail = $"{what} was not found.",
    });

    /// <summary>404 for a candidate merged into another, with the kept candidate's id in <c>mergedInto</c>.</summary>
    public static ProblemHttpResult Merged(Guid into) => TypedResults.Problem(new ProblemDetails
    {
        Type = ProblemTypes.CandidateMerged,
        Title = "Candidate merged",
        Status = StatusCodes.Status404NotFound,
        Detail = $"This candidate was merged into {into}; read that one.",
        Extensions = { ["mergedInto"] = into },
    });

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Type = ProblemTypes.Conflict,
            Title = "Conflict",
            Status = StatusCodes.Status409Conflict,
            Detail = detail,
        };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }
        return TypedResults.Problem(problem);
    }

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "One or more fields are invalid.", type: ProblemTypes.Validation, title: "Validation failed");

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult PreconditionFailed() => TypedResults.Problem(
        type: ProblemTypes.PreconditionFailed,
        title: "Precondition failed",
        statusCode: StatusCodes.Status412PreconditionFailed,
        detail: "The resource was changed by someone else since you read it (ETag mismatch). Read it again and retry.");
}
