namespace Ats.Api.Search.Analysis;

/// <summary>
/// Folds the case and gender forms of the regular Russian surname types onto one key, so that «Петров» meets
/// «Петрова», «Петрову», «Петровым», «Петровой» and «Петровых», and «Достоевский» meets «Достоевская» and
/// «Достоевского». The key is the masculine nominative (for -ской surnames the -ский spelling, since their oblique
/// forms cannot be told apart from -ский ones). Everything else — «Толстой», «Черных», «Шевченко», «Гоголь», and
/// any word these rules do not recognise — is returned unchanged: a surname left alone only misses declined forms,
/// while a rule applied too widely would join different people. Unlike a stemmer these rules never cut into the
/// stem, which is why «Иванов» keeps away from the first name «Иван». Input must be lower case with ё folded to е.
/// </summary>
public static class SurnameForms
{
    // Possessive surnames: Петров, Лебедев (and Ковалёв after ё→е), Пушкин, Солженицын.
    private static readonly string[] PossessiveSuffixes = ["ов", "ев", "ин", "ын"];

    // Nom. masc. nothing; а (gen/acc masc, nom fem), у (dat masc, acc fem), ым (instr masc, dat pl), е (prep masc),
    // ой/ою (oblique fem), ы (nom pl), ых (gen/acc/prep pl), ыми (instr pl).
    private static readonly string[] PossessiveEndings = ["ыми", "ых", "ым", "ой", "ою", "а", "у", "е", "ы", ""];

    // Adjectival surnames: Достоевский, Трубецкий, and -ской ones (Трубецкой, Луговской) which decline alike.
    private static readonly string[] AdjectivalSuffixes = ["ск", "цк"];

    private static readonly string[] AdjectivalEndings = ["ими", "ого", "ому", "ий", "ой", "ая", "ую", "ою", "ие", "их", "им", "ом"];

    // At least two letters before the suffix: «Ов», «Лина» or «Ин» are not surnames these rules should touch.
    private const int MinimumStem = 2;

    public static string Normalize(string surname)
    {
        foreach (var ending in AdjectivalEndings)
        {
            if (!surname.EndsWith(ending, StringComparison.Ordinal))
            {
                continue;
            }
            var withoutEnding = surname[..^ending.Length];
            foreach (var suffix in AdjectivalSuffixes)
            {
                if (withoutEnding.Length >= MinimumStem + suffix.Length && withoutEnding.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return withoutEnding + "ий";
                }
            }
        }
        foreach (var ending in PossessiveEndings)
        {
            if (!surname.EndsWith(ending, StringComparison.Ordinal))
            {
                continue;
            }
            var withoutEnding = surname[..^ending.Length];
            foreach (var suffix in PossessiveSuffixes)
            {
                if (withoutEnding.Length >= MinimumStem + suffix.Length && withoutEnding.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return withoutEnding;
                }
            }
        }
        return surname;
    }
}
