using Ats.Api.Deduplication.Names;
using Gender = Ats.Api.Deduplication.Names.Gender;

namespace Ats.Api.Deduplication.Matching;

/// <summary>
/// The name part of <see cref="DuplicateScorer"/>: compares surname, first name and patronymic and turns the result
/// into one reason for what agrees («Ваня Иванов» ≈ «Иванов Иван Иванович» (diminutive)) and one reason for each
/// part that differs.
/// </summary>
internal static class NameComparison
{
    // Log-odds points, like the rest of the scorer. A surname that agrees is worth more than a first name (there are
    // ~100 common first names and tens of thousands of surnames); the patronymic less than the first name, because
    // fathers' names are as few as first names and a patronymic agreeing is partly implied by one family.
    internal const double SurnameSame = 4;
    internal const double SurnameGenderFormsAgreeing = 3;
    internal const double SurnamePartial = 2.5;
    internal const double SurnameOneTypo = 2.5;
    internal const double SurnameDifferent = -2;
    internal const double FirstSame = 3;
    internal const double FirstDiminutive = 2.5;
    internal const double FirstForeign = 2;
    internal const double FirstOneTypo = 2;
    internal const double FirstDifferent = -9;
    internal const double PatronymicSame = 2.5;
    internal const double PatronymicOneTypo = 0.5;
    internal const double PatronymicDifferent = -5;
    internal const double ReorderedPenalty = -0.5;

    private enum Part
    {
        Surname,
        FirstName,
        Patronymic,
    }

    /// <summary>How one part compared: its weight, and the words that describe it.</summary>
    private sealed record PartResult(double Weight, MatchReasonKind? Qualifier, bool Differs, bool OneTypo = false);

    public static void Compare(PersonRecord a, PersonRecord b, List<MatchReason> reasons)
    {
        var surname = CompareSurname(a, b);
        var first = CompareFirst(a.FirstName, b.FirstName);
        var reordered = false;
        if (surname is { Differs: true } && first is { Differs: true })
        {
            // Both differ: a form filled the wrong way round (Иван in the surname field) may still be one name.
            var swappedSurname = CompareSurnameText(a.Surname, b.FirstName, a, b);
            var swappedFirst = CompareFirst(a.FirstName, b.Surname);
            // One typo is allowed in the swapped pair, not two: «Констатнин Султанов» is Султанов Константин.
            if (swappedSurname is { Differs: false } && swappedFirst is { Differs: false } && !(swappedSurname.OneTypo && swappedFirst.OneTypo))
            {
                surname = swappedSurname;
                first = swappedFirst;
                reordered = true;
            }
        }
        var patronymic = ComparePatronymic(a.Patronymic, b.Patronymic);

        var agreeing = new List<(Part Part, PartResult Result)>();
        foreach (var (part, result) in new[] { (Part.Surname, surname), (Part.FirstName, first), (Part.Patronymic, patronymic) })
        {
            if (result is null)
            {
                continue;
            }
            if (result.Differs)
            {
                reasons.Add(Difference(part, result, a, b));
            }
            else
            {
                agreeing.Add((part, result));
            }
        }
        if (agreeing.Count == 0)
        {
            return;
        }
        var qualifiers = agreeing.Where(p => p.Result.Qualifier is not null).Select(p => p.Result.Qualifier!.Value).ToList();
        if (reordered)
        {
            qualifiers.Add(MatchReasonKind.NameReordered);
        }
        var partial = OnlyOneSide(a.Surname, b.Surname) || OnlyOneSide(a.FirstName, b.FirstName);
        if (partial)
        {
            qualifiers.Add(MatchReasonKind.NamePartial);
        }
        var kind = qualifiers.Count == 0 ? MatchReasonKind.NameExact : qualifiers.OrderBy(Rank).First();
        var words = qualifiers.Distinct().OrderBy(Rank).Select(Describe).ToList();
        var weight = agreeing.Sum(p => p.Result.Weight) + (reordered ? ReorderedPenalty : 0);
        var typo = agreeing.Any(p => p.Result.OneTypo);
        var text = $"name «{a.NameText}» ≈ «{b.NameText}»" + (words.Count > 0 ? $" ({string.Join(", ", words)})" : " (same)");
        reasons.Add(new MatchReason(kind, weight, text, BlocksAutoMerge: typo && agreeing.Any(p => p.Part != Part.Surname && p.Result.OneTypo)));
    }

    /// <summary>The weakest kind of agreement names the reason: "diminutive" tells a recruiter more than "same".</summary>
    private static int Rank(MatchReasonKind kind) => kind switch
    {
        MatchReasonKind.NameReordered => 0,
        MatchReasonKind.NameSimilar => 1,
        MatchReasonKind.SurnameGenderForms => 2,
        MatchReasonKind.NameDiminutive => 3,
        MatchReasonKind.NameForeignEquivalent => 4,
        MatchReasonKind.NamePartial => 5,
        MatchReasonKind.NameTransliterated => 6,
        _ => 7,
    };

    private static string Describe(MatchReasonKind kind) => kind switch
    {
        MatchReasonKind.NameReordered => "surname and first name swapped",
        MatchReasonKind.NameSimilar => "one letter differs",
        MatchReasonKind.SurnameGenderForms => "male and female forms of the surname",
        MatchReasonKind.NameDiminutive => "diminutive",
        MatchReasonKind.NameForeignEquivalent => "foreign form of the first name",
        MatchReasonKind.NamePartial => "partial",
        MatchReasonKind.NameTransliterated => "transliterated",
        _ => "same",
    };

    private static MatchReason Difference(Part part, PartResult result, PersonRecord a, PersonRecord b)
    {
        var (kind, label, left, right) = part switch
        {
            Part.Surname => (MatchReasonKind.DifferentSurname, "surname", a.Surname, b.Surname),
            Part.FirstName => (MatchReasonKind.DifferentFirstName, "first name", a.FirstName, b.FirstName),
            _ => (MatchReasonKind.DifferentPatronymic, "patronymic", a.Patronymic, b.Patronymic),
        };
        if (result.Qualifier == MatchReasonKind.SurnameGenderForms)
        {
            // Weight 0: the gender check already counts the contradiction; this says where it comes from.
            return new MatchReason(MatchReasonKind.SurnameGenderForms, result.Weight,
                $"surname in male and female forms («{left}» / «{right}»)", BlocksAutoMerge: true);
        }
        var why = part == Part.Surname ? " (a changed surname or another family)" : "";
        return new MatchReason(kind, result.Weight, $"different {label} («{left}» / «{right}»){why}", BlocksAutoMerge: true);
    }

    private static PartResult? CompareSurname(PersonRecord a, PersonRecord b) => CompareSurnameText(a.Surname, b.Surname, a, b);

    private static PartResult? CompareSurnameText(string? left, string? right, PersonRecord a, PersonRecord b)
    {
        if (string.IsNullOrWhiteSpace(left) || string.IsNullOrWhiteSpace(right))
        {
            return null;
        }
        switch (GenderDetector.CompareSurnames(left, right))
        {
            case SurnameAgreement.Exact:
                return new PartResult(SurnameSame, null, false);
            case SurnameAgreement.Transliterated:
                return new PartResult(SurnameSame, MatchReasonKind.NameTransliterated, false);
            case SurnameAgreement.GenderForms:
                // Иванов and Иванова are one person only when the rest of the name says one gender
                // (Иванов Мария Петровна is a typo); otherwise they are a family, and the gender check says so.
                var ga = GenderWithoutSurname(a);
                var gb = GenderWithoutSurname(b);
                return ga != Gender.Unknown && ga == gb
                    ? new PartResult(SurnameGenderFormsAgreeing, MatchReasonKind.SurnameGenderForms, false)
                    : new PartResult(0, MatchReasonKind.SurnameGenderForms, true);
        }
        if (PartOfDoubleSurname(left, right))
        {
            return new PartResult(SurnamePartial, MatchReasonKind.NamePartial, false);
        }
        if (NameKeys.OneTypoApart(left, right))
        {
            return new PartResult(SurnameOneTypo, MatchReasonKind.NameSimilar, false, OneTypo: true);
        }
        return new PartResult(SurnameDifferent, null, true);
    }

    private static PartResult? CompareFirst(string? left, string? right)
    {
        if (string.IsNullOrWhiteSpace(left) || string.IsNullOrWhiteSpace(right))
        {
            return null;
        }
        switch (Diminutives.Compare(left, right))
        {
            case FirstNameAgreement.Exact:
                return new PartResult(FirstSame, null, false);
            case FirstNameAgreement.Transliterated:
                return new PartResult(FirstSame, MatchReasonKind.NameTransliterated, false);
            case FirstNameAgreement.Diminutive:
                return new PartResult(FirstDiminutive, MatchReasonKind.NameDiminutive, false);
            case FirstNameAgreement.ForeignEquivalent:
                return new PartResult(FirstForeign, MatchReasonKind.NameForeignEquivalent, false);
        }
        // Мария / Марина and Александр / Александра are one letter apart and two names: a typo is only a name the
        // table does not know next to one it does.
        var oneUnknown = !NameKeys.KnownFirstName(left) || !NameKeys.KnownFirstName(right);
        if (oneUnknown && (NameKeys.OneTypoApart(left, right) || CorrectedAgree(left, right) || CorrectedAgree(right, left)))
        {
            return new PartResult(FirstOneTypo, MatchReasonKind.NameSimilar, false, OneTypo: true);
        }
        return new PartResult(FirstDifferent, null, true);
    }

    /// <summary>A typo in a full name against a short or foreign form (Атон / Тоша, Нтаалья / Natalie).</summary>
    private static bool CorrectedAgree(string typed, string other) =>
        NameKeys.CorrectedFirstNames(typed).Any(corrected => Diminutives.SameFirstName(corrected, other));

    private static PartResult? ComparePatronymic(string? left, string? right)
    {
        if (string.IsNullOrWhiteSpace(left) || string.IsNullOrWhiteSpace(right))
        {
            return null;
        }
        if (Diminutives.Plain(left) == Diminutives.Plain(right))
        {
            return new PartResult(PatronymicSame, null, false);
        }
        if (Transliteration.SameName(left, right))
        {
            return new PartResult(PatronymicSame, MatchReasonKind.NameTransliterated, false);
        }
        if (GenderDetector.FromPatronymic(left) == GenderDetector.FromPatronymic(right) && NameKeys.OneTypoApart(left, right))
        {
            return new PartResult(PatronymicOneTypo, MatchReasonKind.NameSimilar, false, OneTypo: true);
        }
        return new PartResult(PatronymicDifferent, null, true);
    }

    /// <summary>Римский-Корсаков against Корсаков or Римский: every word of the shorter is in the longer.</summary>
    private static bool PartOfDoubleSurname(string left, string right)
    {
        var l = Words(left);
        var r = Words(right);
        if (l.Count == r.Count)
        {
            return false;
        }
        var (shorter, longer) = l.Count < r.Count ? (l, r) : (r, l);
        return shorter.All(s => longer.Any(w => Transliteration.SameName(s, w) || GenderDetector.CompareSurnames(s, w) == SurnameAgreement.GenderForms));
    }

    private static List<string> Words(string text) =>
        text.Split([' ', '-', '‐', '–'], StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>Gender from what is not the surname: the stated gender, the patronymic, the first name.</summary>
    internal static Gender GenderWithoutSurname(PersonRecord record)
    {
        if (record.Gender != Gender.Unknown)
        {
            return record.Gender;
        }
        var guess = GenderDetector.Detect(new PersonName(null, record.FirstName, record.Patronymic));
        return guess.Gender;
    }

    private static bool OnlyOneSide(string? a, string? b) => string.IsNullOrWhiteSpace(a) != string.IsNullOrWhiteSpace(b);
}
