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
                ctx.ProblemDetails.Type ??= ctx.ProblemDetails.Status switch
                {
                    StatusCodes.Status400BadRequest => ProblemTypes.BadRequest,
                    StatusCodes.Status401Unauthorized => ProblemTypes.Unauthorized,
                    StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
                    StatusCodes.Status404NotFound => ProblemTypes.NotFound,
                    StatusCodes.Status409Conflict => ProblemTypes.Conflict,
                    StatusCodes.Status412PreconditionFailed => ProblemTypes.PreconditionFailed,
                    StatusCodes.Status413PayloadTooLarge => ProblemTypes.PayloadTooLarge,
                    StatusCodes.Status415UnsupportedMediaType => ProblemTypes.UnsupportedMediaType,
                    _ => null,
                };
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
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLogging>();
        return app;
    }
}
