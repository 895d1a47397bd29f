using System.Security.Claims;

namespace Ats.Api.Auth;

public static class CurrentUser
{
    /// <summary>The key owner's name, recorded as the author of notes and changes.</summary>
    public static string Name(this ClaimsPrincipal user) => user.FindFirstValue(ApiKeyClaims.UserName) ?? "unknown";
}
