using Ats.Api.Candidates;
using Ats.Api.Deduplication.Names;
using Gender = Ats.Api.Deduplication.Names.Gender;

namespace Ats.Api.Deduplication.Matching;

/// <summary>
/// Weighs the evidence that two records are one person and decides: merge automatically, suggest to a recruiter, or
/// leave apart. Pure: no I/O, the same answer for the same pair.
/// </summary>
/// <remarks>
/// <para>The score is a sum of log-odds points (roughly ln of how much likelier the evidence is for one person than
/// for two different people who landed in one block): a site's résumé id 30 (certain), a résumé file's hash 20, a
/// profile link 12, an e-mail 10, a phone 9, similar résumé text 4, a surname 4, a first name 3 (diminutive 2.5), a
/// patronymic 2.5, a name part one typo away 2–2.5, a birth date 5 / month 3 / year 2, a city 1. Differences count against: a first name −9, a
/// patronymic −5, a surname −2 (women change it), a gender −8, birth years five or more apart −10, a city −1.</para>
/// <para>A shared phone or e-mail is strong but not certain: families share them. So evidence that the records are
/// two people — a first name that is not the same name nor a diminutive of it, another gender, birth years far
/// apart, another patronymic — both lowers the score and blocks the automatic merge; a pair like that is at most a
/// suggestion. Differences with an innocent explanation that a machine cannot check (a changed surname, one letter
/// off in a first name, birth dates a little apart) block the automatic merge without a large penalty.</para>
/// <para>AutoMerge needs all three: a score of at least <see cref="MatchThresholds.AutoMerge"/>, a shared
/// identifier (phone, e-mail, profile link or file hash), and no blocking reason. A shared résumé id on one site is
/// certain and merges regardless: the site says it is one résumé, so a name that differs is an edit or a typo.</para>
/// </remarks>
public static class DuplicateScorer
{
    internal const double ExternalIdWeight = 30;
    internal const double FileHashWeight = 20;
    internal const double ProfileLinkWeight = 12;
    internal const double EmailWeight = 10;
    internal const double PhoneWeight = 9;

    // A second shared phone or e-mail adds little: people who share one (a family) often share the other.
    internal const double AnotherSharedContactWeight = 1;
    internal const double ResumeTextWeight = 4;
    internal const double GenderDifferent = -8;
    internal const double GenderDifferentWeakly = -2;
    internal const double BirthDaySame = 5;
    internal const double BirthMonthSame = 3;
    internal const double BirthYearSame = 2;
    internal const double BirthYearNeighbour = -0.5;
    internal const double BirthDateDifferent = -3;
    internal const double BirthYearsApart = -5;
    internal const double BirthYearsFarApart = -10;
    internal const double CitySame = 1;
    internal const double CityDifferent = -1;

    /// <summary>Birth years this far apart are two people (a father and a son), not a typo.</summary>
    public const int FarApartYears = 5;

    private static readonly MatchThresholds Defaults = new();

    public static MatchResult Score(PersonRecord a, PersonRecord b, MatchThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var limits = thresholds ?? Defaults;
        var reasons = new List<MatchReason>();

        var certain = false;
        foreach (var id in a.ExternalIds.Where(id => b.ExternalIds.Any(id.SameAs)).DistinctBy(id => (id.Site, id.Normalized)))
        {
            certain = true;
            reasons.Add(new MatchReason(MatchReasonKind.ExternalId, ExternalIdWeight, $"same {SiteName(id.Site)} résumé id {id.Id}"));
        }
        var strong = Shared(a.FileHashes.Select(h => h.ToLowerInvariant()), b.FileHashes.Select(h => h.ToLowerInvariant()),
            MatchReasonKind.FileHash, FileHashWeight, h => $"same résumé file (SHA-256 {h[..Math.Min(12, h.Length)]}…)", reasons);
        strong |= Shared(a.ProfileLinks, b.ProfileLinks, MatchReasonKind.ProfileLink, ProfileLinkWeight, l => $"same profile {l}", reasons);
        strong |= Shared(a.Emails, b.Emails, MatchReasonKind.Email, EmailWeight, e => $"same e-mail {e}", reasons);
        strong |= Shared(a.Phones, b.Phones, MatchReasonKind.Phone, PhoneWeight, p => $"same phone {p}", reasons);
        if (a.ResumeSimHash is { } ha && b.ResumeSimHash is { } hb && ResumeSimHash.Similar(ha, hb))
        {
            var distance = ResumeSimHash.Distance(ha, hb);
            reasons.Add(new MatchReason(MatchReasonKind.ResumeText, ResumeTextWeight,
                distance == 0 ? "same résumé text" : "similar résumé text"));
        }

        NameComparison.Compare(a, b, reasons);
        CompareGender(a, b, reasons);
        CompareBirthDates(a.BirthDate, b.BirthDate, reasons);
        CompareCities(a.City, b.City, reasons);

        var score = Math.Round(reasons.Sum(r => r.Weight), 2);
        var decision = certain
            ? MatchDecision.AutoMerge
            : strong && score >= limits.AutoMerge && !reasons.Any(r => r.BlocksAutoMerge)
                ? MatchDecision.AutoMerge
                : score >= limits.Suggest ? MatchDecision.Suggest : MatchDecision.Different;
        // Evidence for first, strongest first; then evidence against, strongest first.
        var ordered = reasons.OrderByDescending(r => r.Weight >= 0).ThenByDescending(r => Math.Abs(r.Weight)).ToList();
        return new MatchResult(score, decision, ordered);
    }

    private static bool Shared(IEnumerable<string> left, IEnumerable<string> right, MatchReasonKind kind, double weight,
        Func<string, string> describe, List<MatchReason> reasons)
    {
        var common = left.Intersect(right, StringComparer.Ordinal).ToList();
        for (var i = 0; i < common.Count; i++)
        {
            reasons.Add(new MatchReason(kind, i == 0 ? weight : AnotherSharedContactWeight, describe(common[i])));
        }
        return common.Count > 0;
    }

    private static void CompareGender(PersonRecord a, PersonRecord b, List<MatchReason> reasons)
    {
        var (ga, strongA) = GenderOf(a);
        var (gb, strongB) = GenderOf(b);
        if (ga == Gender.Unknown || gb == Gender.Unknown || ga == gb)
        {
            return;
        }
        var text = $"different gender ({Describe(ga)} / {Describe(gb)})";
        reasons.Add(strongA && strongB
            ? new MatchReason(MatchReasonKind.DifferentGender, GenderDifferent, text, BlocksAutoMerge: true)
            // Told only by the ending of a first name the table does not know: could be wrong, still not merged blindly.
            : new MatchReason(MatchReasonKind.DifferentGender, GenderDifferentWeakly, text + ", by name ending", BlocksAutoMerge: true));
    }

    /// <summary>The stated gender, else what the name tells; strong unless only an unlisted first name's ending tells it.</summary>
    private static (Gender Gender, bool Strong) GenderOf(PersonRecord record)
    {
        if (record.Gender != Gender.Unknown)
        {
            return (record.Gender, true);
        }
        var guess = GenderDetector.Detect(new PersonName(record.Surname, record.FirstName, record.Patronymic));
        return (guess.Gender, guess.Evidence != GenderEvidence.FirstNameEnding);
    }

    private static void CompareBirthDates(PartialDate? left, PartialDate? right, List<MatchReason> reasons)
    {
        if (left is not { } a || right is not { } b)
        {
            return;
        }
        var apart = Math.Abs(a.Value.Year - b.Value.Year);
        var precision = (DatePrecision)Math.Min((int)a.Precision, (int)b.Precision);
        var both = $"{a} / {b}";
        if (apart >= FarApartYears)
        {
            reasons.Add(new MatchReason(MatchReasonKind.DifferentBirthDate, BirthYearsFarApart, $"birth years far apart ({both})", BlocksAutoMerge: true));
            return;
        }
        if (apart >= 2)
        {
            reasons.Add(new MatchReason(MatchReasonKind.DifferentBirthDate, BirthYearsApart, $"different birth year ({both})", BlocksAutoMerge: true));
            return;
        }
        if (apart == 1)
        {
            // An age shown by a site gives the birth year ±1; two full dates a year apart are a real difference.
            reasons.Add(precision == DatePrecision.Year
                ? new MatchReason(MatchReasonKind.DifferentBirthDate, BirthYearNeighbour, $"birth year one apart ({both}), maybe from an age")
                : new MatchReason(MatchReasonKind.DifferentBirthDate, BirthDateDifferent, $"different birth date ({both})", BlocksAutoMerge: true));
            return;
        }
        var sameMonth = a.Value.Month == b.Value.Month;
        var sameDay = sameMonth && a.Value.Day == b.Value.Day;
        reasons.Add(precision switch
        {
            DatePrecision.Year => new MatchReason(MatchReasonKind.SameBirthDate, BirthYearSame, $"same birth year {a.Value.Year}"),
            DatePrecision.Month when sameMonth => new MatchReason(MatchReasonKind.SameBirthDate, BirthMonthSame, $"same birth month {a.Value:yyyy-MM}"),
            DatePrecision.Day when sameDay => new MatchReason(MatchReasonKind.SameBirthDate, BirthDaySame, $"same birth date {a.Value:yyyy-MM-dd}"),
            _ => new MatchReason(MatchReasonKind.DifferentBirthDate, BirthDateDifferent, $"different birth date ({both})", BlocksAutoMerge: true),
        });
    }

    private static void CompareCities(string? left, string? right, List<MatchReason> reasons)
    {
        var a = CityKey.For(left);
        var b = CityKey.For(right);
        if (a is null || b is null)
        {
            return;
        }
        reasons.Add(a == b
            ? new MatchReason(MatchReasonKind.SameCity, CitySame, $"same city {left!.Trim()}")
            // People move, and sites show the city of the vacancy as often as the city of home: weak, never blocking.
            : new MatchReason(MatchReasonKind.DifferentCity, CityDifferent, $"different city ({left!.Trim()} / {right!.Trim()})"));
    }

    private static string Describe(Gender gender) => gender == Gender.Male ? "male" : "female";

    private static string SiteName(SourceSite site) => site switch
    {
        SourceSite.Hh => "hh.ru",
        SourceSite.Superjob => "SuperJob",
        SourceSite.Rabota => "Rabota.ru",
        SourceSite.JobRu => "Job.ru",
        SourceSite.Linkedin => "LinkedIn",
        _ => site.ToString(),
    };
}
