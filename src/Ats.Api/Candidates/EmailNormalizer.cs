using System.Globalization;

namespace Ats.Api.Candidates;

/// <summary>
/// E-mails trimmed and lower-cased (local parts are case-insensitive at every provider that matters),
/// the domain in its IDN ASCII form, and Gmail's own rules applied: dots in the local part and "+tags"
/// are ignored and googlemail.com is gmail.com. The raw text is always kept beside the normal form.
/// </summary>
public static class EmailNormalizer
{
    private static readonly IdnMapping Idn = new();

    public static bool TryNormalize(string? raw, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 320)
        {
            return false;
        }
        var text = raw.Trim();
        // "Иван Петров <ivan@example.com>": the address is what is inside the angle brackets.
        var open = text.LastIndexOf('<');
        if (open >= 0 && text.EndsWith('>'))
        {
            text = text[(open + 1)..^1];
        }
        text = text.Trim('<', '>', '"', '\'').Trim();
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..];
        }
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1 || text.IndexOf('@') != at)
        {
            return false;
        }
        var local = text[..at].ToLowerInvariant();
        var domain = text[(at + 1)..].TrimEnd('.').ToLowerInvariant();
        if (local.Length > 64 || local.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || local.StartsWith('.') || local.EndsWith('.') || local.Contains(".."))
        {
            return false;
        }
        try
        {
            domain = Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }
        var labels = domain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0 || l.Length > 63 || l.StartsWith('-') || l.EndsWith('-')
            || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) || labels[^1].All(char.IsAsciiDigit))
        {
            return false;
        }
        if (domain is "gmail.com" or "googlemail.com")
        {
            var plus = local.IndexOf('+');
            if (plus >= 0)
            {
                local = local[..plus];
            }
            local = local.Replace(".", "", StringComparison.Ordinal);
            domain = "gmail.com";
            if (local.Length == 0)
            {
                return false;
            }
        }
        normalized = local + "@" + domain;
        return true;
    }
}
