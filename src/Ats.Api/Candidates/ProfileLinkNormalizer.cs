namespace Ats.Api.Candidates;

public enum LinkSite
{
    Hh,
    Superjob,
    Linkedin,
    Telegram,
    Github,
    Other,
}

public sealed record NormalizedLink(LinkSite Site, string Canonical);

/// <summary>
/// Profile links to one canonical form per site, so that the same profile written two ways compares equal:
/// https://hh.ru/resume/{id}, https://www.linkedin.com/in/{slug}, https://t.me/{handle}, https://github.com/{user}.
/// A bare "@handle" is read as a Telegram handle. Other links keep scheme, lower-case host and path.
/// </summary>
public static class ProfileLinkNormalizer
{
    public static bool TryNormalize(string? raw, out NormalizedLink? link)
    {
        link = null;
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 2000)
        {
            return false;
        }
        var text = raw.Trim();
        if (text.StartsWith('@') && text.Length > 1 && text[1..].All(IsHandleChar))
        {
            link = new NormalizedLink(LinkSite.Telegram, "https://t.me/" + text[1..].ToLowerInvariant());
            return true;
        }
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !uri.Host.Contains('.') || uri.UserInfo.Length > 0)
        {
            return false;
        }
        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);

        if ((host == "hh.ru" || host.EndsWith(".hh.ru", StringComparison.Ordinal) || host == "headhunter.ru")
            && segments is [var resumeSegment, var resumeId, ..] && resumeSegment.Equals("resume", StringComparison.OrdinalIgnoreCase))
        {
            link = new NormalizedLink(LinkSite.Hh, "https://hh.ru/resume/" + resumeId.ToLowerInvariant());
            return true;
        }
        if (host is "superjob.ru" || host.EndsWith(".superjob.ru", StringComparison.Ordinal))
        {
            link = new NormalizedLink(LinkSite.Superjob, "https://www.superjob.ru/" + string.Join('/', segments).ToLowerInvariant());
            return true;
        }
        if ((host == "linkedin.com" || host.EndsWith(".linkedin.com", StringComparison.Ordinal)) && segments is [var inSegment, var slug, ..] && inSegment.Equals("in", StringComparison.OrdinalIgnoreCase))
        {
            link = new NormalizedLink(LinkSite.Linkedin, "https://www.linkedin.com/in/" + Uri.UnescapeDataString(slug).ToLowerInvariant());
            return true;
        }
        if (host is "t.me" or "telegram.me" && segments is [var handle, ..] && handle.All(IsHandleChar))
        {
            link = new NormalizedLink(LinkSite.Telegram, "https://t.me/" + handle.ToLowerInvariant());
            return true;
        }
        if (host == "github.com" && segments is [var user, ..])
        {
            link = new NormalizedLink(LinkSite.Github, "https://github.com/" + user.ToLowerInvariant());
            return true;
        }
        var path = uri.AbsolutePath.TrimEnd('/');
        link = new NormalizedLink(LinkSite.Other, $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}{path}{uri.Query}");
        return true;
    }

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
