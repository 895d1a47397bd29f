using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace Ats.Api.Http;

public static class HttpPlumbing
{
    public static WebApplicationBuilder AddHttpPlumbing(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options =>
        {
            options.CustomizeProblemDetails = ctx =>
            {
                ctx.ProblemDetails.Type = ctx.ProblemDetails.Type?.StartsWith("urn:ats:", StringComparison.Ordinal) == true ? ctx.ProblemDetails.Type : ctx.ProblemDetails.Status switch
                {
                    StatusCodes.Status400BadRequest => ProblemTypes.BadRequest,
                    StatusCodes.Status401Unauthorized => ProblemTypes.Unauthorized,
                    StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
                    StatusCodes.Status404NotFound => ProblemTypes.NotFound,
                    StatusCodes.Status409Conflict => ProblemTypes.Conflict,
                    StatusCodes.Status412PreconditionFailed => ProblemTypes.PreconditionFailed,
                    StatusCodes.Status413PayloadTooLarge => ProblemTypes.PayloadTooLarge,
                    StatusCodes.Status415UnsupportedMediaType => ProblemTypes.UnsupportedMediaType,
                    StatusCodes.Status405MethodNotAllowed => ProblemTypes.BadRequest,
                    _ => ctx.ProblemDetails.Status >= 500 ? ProblemTypes.Internal : ProblemTypes.BadRequest,
                };
                if (ctx.ProblemDetails.Status == StatusCodes.Status400BadRequest && ctx.ProblemDetails.Detail is null)
                {
                    // The framework's own 400s (unreadable body, unbindable route value) carry no text of their own.
                    ctx.ProblemDetails.Detail = "The request could not be read: malformed JSON, a value of the wrong type, or a field this endpoint does not have.";
                }
                ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            };
        });
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.Configure<JsonOptions>(options => Configure(options.SerializerOptions));
        builder.Services.AddOpenApiDocument();
        return builder;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }

    public static WebApplication UseHttpPlumbing(this WebApplication app)
    {
        app.UseMiddleware<RequestLogging>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
