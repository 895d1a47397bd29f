using Microsoft.Net.Http.Headers;

namespace Ats.Api.Http;

/// <summary>Entity tags are the PostgreSQL row version (xmin); If-Match compares against it.</summary>
public static class ETag
{
    public static string Format(uint version) => $"\"{version}\"";

    public static void Set(HttpContext context, uint version) =>
        context.Response.Headers.ETag = Format(version);

    /// <summary>True when no If-Match was sent, or one of its tags equals the current version.</summary>
    public static bool Matches(HttpRequest request, uint currentVersion)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return true;
        }
        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }
        var current = Format(currentVersion);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || (!t.IsWeak && t.Tag.Equals(current, StringComparison.Ordinal)));
    }

    /// <summary>The version named by If-Match, for carrying into the UPDATE's concurrency check.</summary>
    public static uint? Requested(HttpRequest request)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return null;
        }
        foreach (var tag in tags)
        {
            var text = tag.Tag.ToString().Trim('"');
            if (!tag.IsWeak && uint.TryParse(text, out var version))
            {
                return version;
            }
        }
        return null;
    }
}
