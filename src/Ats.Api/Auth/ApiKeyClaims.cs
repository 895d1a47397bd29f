namespace Ats.Api.Auth;

public static class ApiKeyClaims
{
    public const string KeyId = "ats:key_id";
    public const string UserName = "ats:user";
}
