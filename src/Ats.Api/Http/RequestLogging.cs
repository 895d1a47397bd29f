using System.Diagnostics;
using System.Security.Claims;

namespace Ats.Api.Http;

/// <summary>
/// One structured line per request with the route template (not the raw path or query string, which may carry
/// personal data such as a phone searched for), status, duration and the API key id — never names or bodies.
/// </summary>
internal sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            var keyId = context.User.FindFirstValue(Auth.ApiKeyClaims.KeyId) ?? "-";
            logger.LogInformation("HTTP {Method} {Route} -> {Status} in {ElapsedMs:0.0} ms (key {KeyId})",
                context.Request.Method, route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, keyId);
        }
    }
}
