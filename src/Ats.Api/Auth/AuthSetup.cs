using Microsoft.AspNetCore.Authentication;

namespace Ats.Api.Auth;

public static class AuthSetup
{
    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration("Auth");
        builder.Services.AddScoped<ApiKeyService>();
        builder.Services.AddHostedService<AdminKeyBootstrapper>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(Policies.Configure);
        return builder;
    }
}
