using Microsoft.AspNetCore.Authorization;

namespace Ats.Api.Auth;

/// <summary>
/// Who may do what. Admin is a superset (a small company's administrator is often its recruiter too);
/// compliance reads candidates to answer subject requests but does not edit recruiting data.
/// </summary>
public static class Policies
{
    public const string ReadRecruiting = "read-recruiting";
    public const string WriteRecruiting = "write-recruiting";
    public const string Admin = "admin";
    public const string ReadAudit = "read-audit";

    public static readonly IReadOnlyDictionary<string, Role[]> Roles = new Dictionary<string, Role[]>
    {
        [ReadRecruiting] = [Role.Recruiter, Role.Compliance, Role.Admin],
        [WriteRecruiting] = [Role.Recruiter, Role.Admin],
        [Admin] = [Role.Admin],
        [ReadAudit] = [Role.Compliance, Role.Admin],
    };

    public static void Configure(AuthorizationOptions options)
    {
        foreach (var (name, roles) in Roles)
        {
            options.AddPolicy(name, p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(roles.Select(r => Http.JsonEnum.ToText(r))));
        }
        // An endpoint someone forgot to protect still needs a key; the role-matrix test catches it too.
        options.FallbackPolicy = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .Build();
    }
}
