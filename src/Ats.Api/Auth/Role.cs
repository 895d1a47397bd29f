namespace Ats.Api.Auth;

public enum Role
{
    Recruiter,
    Compliance,
    Admin,
}
