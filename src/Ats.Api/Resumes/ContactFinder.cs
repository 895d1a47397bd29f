using System.Text.RegularExpressions;
using Ats.Api.Candidates;

namespace Ats.Api.Resumes;

/// <summary>
/// Finds e-mails, phones and profile links in a résumé's text, each in its normal form. Only suggestions: a
/// person decides what joins the candidate. Numbers right after ИНН/ОГРН/КПП/СНИЛС/БИК or inside long digit runs
/// are not phones.
/// </summary>
public sealed partial class ContactFinder(ContactParser parser)
{
    public const int MaxFindings = 50;

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // Separators are spaces within one line only: "\s" let a number run on into the next line ("…45-67\n8 912…")
    // and the joined text, too long to be a phone, lost both numbers. A digit run glued to a letter, "/" or "@"
    // is part of a word, a link or an e-mail ("hh.ru/resume/4f1e…1234567890ab", "vk.com/id1234567890"), not a phone.
    // An opening parenthesis belongs to the number: "(650) 253-0000", not "650) 253-0000".
    [GeneratedRegex(@"(?<![\w+/@])\+?\(?\d[\d\-().\t \u00A0\u2007\u202F]{7,22}\d(?![\w/@])", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?:https?://)?(?:[\w\-]+\.)*(?:hh\.ru/resume/[0-9a-fA-F]+|linkedin\.com/in/[\w\-%]+|t\.me/[A-Za-z0-9_]{4,32}|github\.com/[A-Za-z0-9\-]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?:telegram|телеграм|телеграмм|tg)\s*[:\-–—]?\s*@([A-Za-z0-9_]{4,32})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TelegramHandle();

    [GeneratedRegex(@"(?:ИНН|ОГРН|ОГРНИП|КПП|СНИЛС|БИК|ОКПО|р/с|к/с|счет|счёт|паспорт)\W{0,5}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NotAPhoneBefore();

    public IReadOnlyList<ParsedContact> Find(string text)
    {
        var found = new List<ParsedContact>();
        void Add(ContactKind kind, string value)
        {
            var contact = parser.Parse(kind, value, out _);
            if (contact is not null && !found.Any(f => f.Kind == contact.Kind && f.Normalized == contact.Normalized) && found.Count < MaxFindings)
            {
                found.Add(contact);
            }
        }

        foreach (Match m in Email().Matches(text))
        {
            Add(ContactKind.Email, m.Value);
        }
        foreach (Match m in Link().Matches(text))
        {
            Add(ContactKind.Link, m.Value);
        }
        foreach (Match m in TelegramHandle().Matches(text))
        {
            Add(ContactKind.Link, "@" + m.Groups[1].Value);
        }
        foreach (Match m in Phone().Matches(text))
        {
            var digits = m.Value.Count(char.IsAsciiDigit);
            var before = text[Math.Max(0, m.Index - 12)..m.Index];
            if (digits is < 10 or > 15 || NotAPhoneBefore().IsMatch(before) || LooksLikeDateRange(m.Value))
            {
                continue;
            }
            Add(ContactKind.Phone, m.Value.Trim());
        }
        return found;
    }

    /// <summary>"2015 - 2019", "01.2015 – 12.2019": work history, not a phone.</summary>
    private static bool LooksLikeDateRange(string value)
    {
        var groups = value.Split([' ', '\t', '-', '.', '(', ')', '\u00A0', '\u2007', '\u202F'], StringSplitOptions.RemoveEmptyEntries);
        return groups.Length >= 2 && groups.All(g => g.Length <= 4) && groups.Count(g => g.Length == 4 && g is [ '1' or '2', '9' or '0', _, _ ]) >= 2;
    }
}
