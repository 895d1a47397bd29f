namespace Ats.Api.Candidates;

public sealed record ParsedContact(ContactKind Kind, string Raw, string Normalized, string? Extension, LinkSite? Site);

/// <summary>Reads a phone, e-mail or link as a person typed it; the error text names what is wrong without echoing the value.</summary>
public sealed class ContactParser(PhoneNormalizer phones)
{
    public const int RawMax = 2000;

    public ParsedContact? Parse(ContactKind kind, string? value, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "Empty value.";
            return null;
        }
        var raw = value.Trim();
        if (raw.Length > RawMax)
        {
            error = $"Must be at most {RawMax} characters.";
            return null;
        }
        if (CandidateValidation.HasUnstorableCharacters(raw))
        {
            error = "Contains control characters or broken Unicode.";
            return null;
        }
        switch (kind)
        {
            case ContactKind.Phone when phones.TryNormalize(raw, out var phone):
                return new ParsedContact(kind, raw, phone!.E164, phone.Extension, null);
            case ContactKind.Phone:
                error = $"Not a phone number (digits with an optional +country code; default region {phones.DefaultRegion}).";
                return null;
            case ContactKind.Email when EmailNormalizer.TryNormalize(raw, out var email):
                return new ParsedContact(kind, raw, email, null, null);
            case ContactKind.Email:
                error = "Not an e-mail address.";
                return null;
            case ContactKind.Link when ProfileLinkNormalizer.TryNormalize(raw, out var link)
                                       && link!.Canonical.Length <= RawMax && !CandidateValidation.HasUnstorableCharacters(link.Canonical):
                return new ParsedContact(kind, raw, link.Canonical, null, link.Site);
            default:
                error = "Not a web link (http/https URL or a @telegram handle).";
                return null;
        }
    }
}
