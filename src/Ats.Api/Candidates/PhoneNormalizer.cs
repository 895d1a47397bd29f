using PhoneNumbers;

namespace Ats.Api.Candidates;

public sealed record NormalizedPhone(string E164, string? Extension);

/// <summary>
/// Phones to E.164 with libphonenumber, default region Russia: "8 999 123-45-67", "+7 (999) 123-45-67",
/// "79991234567" and "9991234567" all become +79991234567. Extensions ("доб. 12", "ext 12") are kept apart.
/// A text that is not a possible number for its region is rejected rather than stored as a wrong normal form.
/// </summary>
public sealed class PhoneNormalizer(string defaultRegion = "RU")
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public string DefaultRegion { get; } = defaultRegion;

    public bool TryNormalize(string? raw, out NormalizedPhone? phone)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 64)
        {
            return false;
        }
        var text = Clean(raw);
        var digits = text.Count(char.IsAsciiDigit);
        if (digits < 7 || digits > 20)
        {
            return false;
        }
        try
        {
            var number = Util.Parse(text, DefaultRegion);
            // "7999…" without a plus is read as a national number of the default region first; when that is
            // not possible but "+7999…" is, people meant the international form without the plus.
            if (!IsPossible(number) && !text.TrimStart().StartsWith('+'))
            {
                var international = Util.Parse("+" + text.Trim(), DefaultRegion);
                if (IsPossible(international))
                {
                    number = international;
                }
            }
            if (!IsPossible(number))
            {
                return false;
            }
            var e164 = Util.Format(number, PhoneNumberFormat.E164);
            phone = new NormalizedPhone(e164, string.IsNullOrEmpty(number.Extension) ? null : number.Extension);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>
    /// Possible as a full number: a local-only number ("123-45-67" without its area code) has no E.164 form,
    /// and libphonenumber's IsPossibleNumber would accept it and yield "+71234567".
    /// </summary>
    private static bool IsPossible(PhoneNumber number) =>
        Util.IsPossibleNumberWithReason(number) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE;

    /// <summary>Unicode dashes, non-breaking spaces and the like, which people paste from documents.</summary>
    private static string Clean(string raw)
    {
        Span<char> buffer = stackalloc char[raw.Length];
        var n = 0;
        foreach (var c in raw)
        {
            buffer[n++] = c switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u00A0' or '\u2007' or '\u202F' or '\t' => ' ',
                '\uFF0B' => '+',
                _ => c,
            };
        }
        return new string(buffer[..n]).Trim();
    }
}
