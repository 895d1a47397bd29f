using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Ats.Api.Http;

internal static class OpenApiSetup
{
    public const string SchemeName = "ApiKey";

    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Ats — candidate database";
            document.Info.Description = "Every endpoint except health needs an API key in the X-Api-Key header.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = Auth.ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key issued by an administrator (`keys create` or POST /admin/keys).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
            return Task.CompletedTask;
        }));

    /// <summary>The document and the interactive page describe the API, hold no data, and are served without a key.</summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(options => options
            .WithTitle("Ats API")
            .AddPreferredSecuritySchemes(SchemeName))
            .AllowAnonymous();
        return app;
    }
}
