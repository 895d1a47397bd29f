using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ats.Api.Http;

/// <summary>
/// Maps the short list of exceptions that can escape a handler to ProblemDetails.
/// Anything else is a 500 whose body says nothing about internals; the log carries the exception type only
/// through the framework's own error log (which never includes request bodies).
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, type, title, detail) = exception switch
        {
            Candidates.CandidateMergedException merged => (StatusCodes.Status409Conflict, ProblemTypes.CandidateMerged, "Candidate merged",
                merged.Message + " Nothing was saved; repeat the change on that candidate."),
            // With If-Match the client asked for a conditional write: 412. Without it, two writers raced: 409.
            DbUpdateConcurrencyException when httpContext.Request.Headers.IfMatch.Count > 0 =>
                (StatusCodes.Status412PreconditionFailed, ProblemTypes.PreconditionFailed, "Precondition failed",
                "The resource was changed by someone else while you were saving. Read it again and retry."),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, ProblemTypes.Conflict, "Conflict",
                "The resource was changed by someone else while you were saving. Read it again and retry."),
            _ when Data.TransientConflict.Is(exception) => (StatusCodes.Status409Conflict, ProblemTypes.Conflict, "Conflict",
                "The change collided with another one at the same moment and was not saved. Try again."),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                (StatusCodes.Status409Conflict, ProblemTypes.Conflict, "Conflict", "A record with the same unique value already exists."),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } } =>
                (StatusCodes.Status409Conflict, ProblemTypes.Conflict, "Conflict", "The record refers to, or is referred to by, another record."),
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (bad.StatusCode, ProblemTypes.PayloadTooLarge, "Payload too large", "The request body is larger than this endpoint accepts."),
            BadHttpRequestException bad => (bad.StatusCode, ProblemTypes.BadRequest, "Bad request", bad.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                (499, ProblemTypes.BadRequest, "Client closed request", "The request was cancelled by the client."),
            _ => (StatusCodes.Status500InternalServerError, ProblemTypes.Internal, "Internal error", "An unexpected error occurred. It has been logged."),
        };

        if (status >= 500)
        {
            // Type and stack only: exception messages (a database error's "Where" line, a parser's complaint) can quote personal data.
            logger.LogError("Unhandled {ExceptionType} on {Method} {Route}: {StackTrace}", exception.GetType().FullName, httpContext.Request.Method,
                (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unknown)", exception.StackTrace);
        }
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        });
    }
}
