using Ats.Api.Candidates;
using Ats.Api.Deduplication.Names;
using Gender = Ats.Api.Deduplication.Names.Gender;

namespace Ats.Api.Deduplication.Matching;

/// <summary>
/// What the matcher compares about one person: a candidate in the base, or what a job site shows before the contact
/// is bought. Every value is already in its normal form (phones E.164, e-mails by <see cref="EmailNormalizer"/>,
/// links by <see cref="ProfileLinkNormalizer"/>); <see cref="FromRaw"/> does that for text as it was received.
/// Name parts are kept as written, in any script: the scorer compares them through the Names rules.
/// </summary>
public sealed record PersonRecord
{
    public string? Surname { get; init; }

    public string? FirstName { get; init; }

    public string? Patronymic { get; init; }

    /// <summary>The name as the source wrote it («Ваня Иванов»), for the reasons a recruiter reads; the parts are
    /// what is compared.</summary>
    public string? DisplayName { get; init; }

    public PartialDate? BirthDate { get; init; }

    public string? City { get; init; }

    /// <summary>Gender the source states (hh.ru's gender.id); <see cref="Gender.Unknown"/> when it says nothing,
    /// and then the name tells what it can.</summary>
    public Gender Gender { get; init; }

    /// <summary>Phones in E.164 (+79991234567).</summary>
    public IReadOnlyList<string> Phones { get; init; } = [];

    /// <summary>Normalised e-mails (lower case, gmail dots and +tags removed).</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>Canonical profile links (https://hh.ru/resume/…, https://www.linkedin.com/in/…, https://t.me/…).</summary>
    public IReadOnlyList<string> ProfileLinks { get; init; } = [];

    public IReadOnlyList<ExternalId> ExternalIds { get; init; } = [];

    /// <summary>SHA-256 of attached résumé files, lower-case hex.</summary>
    public IReadOnlyList<string> FileHashes { get; init; } = [];

    /// <summary>
    /// <see cref="ResumeSimHash.Compute"/> of the résumé text, when there is enough text. A 64-bit fingerprint rather
    /// than shingle sets: it is one column, compares in one instruction and can be blocked on by its 16-bit bands.
    /// </summary>
    public ulong? ResumeSimHash { get; init; }

    /// <summary>The name as one string, in the order of Russian documents.</summary>
    public string NameText => DisplayName is { Length: > 0 } shown
        ? shown
        : string.Join(' ', new[] { Surname, FirstName, Patronymic }.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>
    /// A record from text as received: the name is split by <see cref="NameParser"/>; phones, e-mails and links that
    /// cannot be normalised are left out (they cannot be matched on anyway, and a wrong normal form would be worse).
    /// </summary>
    public static PersonRecord FromRaw(
        string? name,
        PartialDate? birthDate = null,
        string? city = null,
        IEnumerable<string>? phones = null,
        IEnumerable<string>? emails = null,
        IEnumerable<string>? links = null,
        IEnumerable<ExternalId>? externalIds = null,
        Gender gender = Gender.Unknown,
        PhoneNormalizer? phoneNormalizer = null)
    {
        var parsed = NameParser.Parse(name);
        var normalizer = phoneNormalizer ?? DefaultPhones;
        return new PersonRecord
        {
            Surname = parsed.Surname,
            FirstName = parsed.FirstName,
            Patronymic = parsed.Patronymic,
            DisplayName = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            BirthDate = birthDate,
            City = string.IsNullOrWhiteSpace(city) ? null : city.Trim(),
            Gender = gender,
            Phones = Distinct((phones ?? []).Select(p => normalizer.TryNormalize(p, out var phone) ? phone!.E164 : null)),
            Emails = Distinct((emails ?? []).Select(e => EmailNormalizer.TryNormalize(e, out var email) ? email : null)),
            ProfileLinks = Distinct((links ?? []).Select(l => ProfileLinkNormalizer.TryNormalize(l, out var link) ? link!.Canonical : null)),
            ExternalIds = (externalIds ?? []).ToList(),
        };
    }

    private static readonly PhoneNormalizer DefaultPhones = new();

    private static List<string> Distinct(IEnumerable<string?> values) =>
        values.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
