using System.Globalization;
using Ats.Api.Candidates;
using Ats.Api.Deduplication.Names;

namespace Ats.Api.Deduplication.Matching;

/// <summary>
/// Short strings under which a record is indexed, so that checking a new record against a million is a handful of
/// indexed look-ups: only records sharing at least one key are scored. Two records of one person should share a key
/// in nearly all cases; two records of different people should share as few as possible.
/// </summary>
/// <remarks>
/// <para>Recall against cost. Every key is a look-up per incoming record, and the rows behind it are pairs to score.
/// Estimated rows behind one key in a base of a million people (30% in Moscow, a first name held by ~1%, a birth
/// year by ~2.5%, a three-symbol surname prefix by at most ~3%):</para>
/// <list type="table">
/// <item><term>p: e: l: x: f:</term><description>phone, e-mail, profile link, site id, file hash — one person or a
/// family: 1–3 rows. They catch every pair that shares a contact whatever the name says.</description></item>
/// <item><term>n:pre|first|year</term><description>surname prefix + full first name + birth year: ~1M × 3% × 1% ×
/// 2.5% ≈ 8 rows. The backbone for name-only matches.</description></item>
/// <item><term>nc:pre|first|city</term><description>the same with the city instead of the year: up to ~90 rows for
/// Иванов Иван in Moscow — the costliest key, kept because job sites show a city far more often than a birth
/// date.</description></item>
/// <item><term>fp:first|patronymic|year, fpc:…|city</term><description>first name + patronymic: records without a
/// surname (an Excel row «Иван Иванович»), women who changed surname, surnames with a typo in their first
/// letters; ~1M × 1% × 1% × 2.5% ≈ 3 rows with the year, ~30 with Moscow.</description></item>
/// <item><term>d:date|first, ds:date|pre</term><description>a full birth date with the first name or with the
/// surname prefix: ~55 people share a birth day in a million, so ≤ 2 rows; catches a typo in either name.</description></item>
/// <item><term>t:band:hex</term><description>a 16-bit band of the résumé SimHash: ~15 rows; the same résumé text
/// under other contacts.</description></item>
/// </list>
/// <para>What is deliberately not a key: a name alone (Иванов Иван without year or city is thousands of rows), a
/// surname with a city (Иванов in Moscow is ~3,000), a city or year alone. Such records are found only through a
/// contact. A surname prefix is used instead of the whole, gender-folded surname key: it costs a few more rows and
/// buys Иванов/Иванова, double surnames and typos after the third letter for free. A first name is keyed by its
/// full forms (Ваня → ivan, Саша → aleksandr and aleksandra), so diminutives meet the passport form. When the
/// parsed order is doubtful (the "surname" is itself a first name, or the first name is unknown to the table) the
/// swapped order is keyed too. A birth year known only to a year (often computed from an age) is keyed with its
/// neighbours, because an age gives the year ±1.</para>
/// </remarks>
public static class BlockingKeys
{
    /// <summary>Key symbols of the surname that go into name keys.</summary>
    public const int SurnamePrefixLength = 3;

    /// <summary>Key symbols from the end of the gender-folded surname that go into the second set of name keys.</summary>
    public const int SurnameSuffixLength = 4;

    // Caps on spelling variants, so that one Latin name full of ambiguous letters cannot produce dozens of keys.
    private const int MaxSurnameVariants = 3;
    // Слава alone stands for seven names (Вячеслав, Ярослав, Станислав …); all of them must be keyed.
    private const int MaxFirstNameForms = 8;

    /// <summary>Whether a key is a contact, site id, profile link or file hash (one person or a family behind it).</summary>
    public static bool IsContactKey(string key) =>
        key.Length > 2 && key[1] == ':' && key[0] is 'p' or 'e' or 'l' or 'x' or 'f';

    public static IReadOnlyList<string> For(PersonRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var keys = new List<string>();
        keys.AddRange(record.ExternalIds.Select(id => $"x:{id.Site.ToString().ToLowerInvariant()}:{id.Normalized}"));
        keys.AddRange(record.FileHashes.Select(h => "f:" + h.ToLowerInvariant()));
        keys.AddRange(record.ProfileLinks.Select(l => "l:" + l));
        keys.AddRange(record.Emails.Select(e => "e:" + e));
        keys.AddRange(record.Phones.Select(p => "p:" + p));
        if (record.ResumeSimHash is { } simHash)
        {
            for (var band = 0; band < 4; band++)
            {
                keys.Add($"t:{band}:{(simHash >> (16 * band)) & 0xFFFF:x4}");
            }
        }
        AddNameKeys(record, keys);
        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void AddNameKeys(PersonRecord record, List<string> keys)
    {
        var years = Years(record.BirthDate);
        var city = CityKey.For(record.City);
        var day = record.BirthDate is { Precision: DatePrecision.Day } date
            ? date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        var firsts = NameKeys.FirstNameKeys(record.FirstName, MaxFirstNameForms);
        var prefixes = NameKeys.SurnamePrefixes(record.Surname, SurnamePrefixLength, MaxSurnameVariants);

        AddSurnameAndFirst("n", prefixes, firsts, years, city, keys);
        AddSurnameAndFirst("s", NameKeys.SurnameSuffixes(record.Surname, SurnameSuffixLength, MaxSurnameVariants), firsts, years, city, keys);
        if (Ambiguous(record))
        {
            AddSurnameAndFirst("n",
                NameKeys.SurnamePrefixes(record.FirstName, SurnamePrefixLength, MaxSurnameVariants),
                NameKeys.FirstNameKeys(record.Surname, MaxFirstNameForms),
                years, city, keys);
        }

        var patronymic = Transliteration.NameKey(record.Patronymic);
        if (patronymic.Length > 0)
        {
            foreach (var first in firsts)
            {
                keys.AddRange(years.Select(y => $"fp:{first}|{patronymic}|{y}"));
                if (city is not null)
                {
                    keys.Add($"fpc:{first}|{patronymic}|{city}");
                }
            }
        }

        if (day is not null)
        {
            keys.AddRange(firsts.Select(first => $"d:{day}|{first}"));
            keys.AddRange(prefixes.Select(prefix => $"ds:{day}|{prefix}"));
        }
    }

    private static void AddSurnameAndFirst(string kind, IReadOnlyList<string> surnameParts, IReadOnlyList<string> firsts,
        IReadOnlyList<int> years, string? city, List<string> keys)
    {
        foreach (var part in surnameParts)
        {
            foreach (var first in firsts)
            {
                keys.AddRange(years.Select(y => $"{kind}:{part}|{first}|{y}"));
                if (city is not null)
                {
                    keys.Add($"{kind}c:{part}|{first}|{city}");
                }
            }
        }
    }

    /// <summary>A year known only as a year is keyed with its neighbours: job sites often give an age, and an
    /// age is the birth year ±1. A month or day is taken as the real year.</summary>
    private static IReadOnlyList<int> Years(PartialDate? birthDate) => birthDate switch
    {
        null => [],
        { Precision: DatePrecision.Year } d => [d.Value.Year - 1, d.Value.Year, d.Value.Year + 1],
        { } d => [d.Value.Year],
    };

    /// <summary>Whether the parser may have taken the surname for the first name: the word in the surname slot is
    /// itself a first name (Лев, Роман, Marat), or the first name is one the table does not know.</summary>
    private static bool Ambiguous(PersonRecord record) =>
        !string.IsNullOrWhiteSpace(record.Surname) && !string.IsNullOrWhiteSpace(record.FirstName)
        && (NameKeys.KnownFirstName(record.Surname) || !NameKeys.KnownFirstName(record.FirstName));
}
