using Ats.Api.Deduplication.Names;

namespace Ats.Api.Deduplication.Matching;

/// <summary>Name look-ups shared by <see cref="BlockingKeys"/> and <see cref="DuplicateScorer"/>.</summary>
internal static class NameKeys
{
    /// <summary>
    /// Keys of the full (passport) forms a first name can stand for — Ваня, Vanya and Иван all give "ivan", Саша
    /// gives both Александр and Александра — or, for a name the table does not know, the keys of the name itself.
    /// </summary>
    public static IReadOnlyList<string> FirstNameKeys(string? firstName, int max)
    {
        if (string.IsNullOrWhiteSpace(firstName))
        {
            return [];
        }
        var full = Diminutives.FullNamesFor(firstName);
        var keys = full.Count > 0
            ? full.Select(Transliteration.NameKey)
            : Transliteration.NameKeyVariants(firstName).Concat(Corrections(Transliteration.NameKey(firstName)));
        return keys.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Take(max).ToList();
    }

    /// <summary>
    /// Full names of the table one typo away from a first name the table does not know (Драья → Дарья, Мрон →
    /// Мирон): typed names are rarely rare names, and a first name that keys wrongly loses every name key.
    /// </summary>
    private static IReadOnlyList<string> Corrections(string key) => key.Length < 4 ? [] : CorrectionsOf.Get(key);

    // A scan of the whole name table per call: worth remembering, a batch asks for the same misspelt names often.
    private static readonly Memo<IReadOnlyList<string>> CorrectionsOf = new(ComputeCorrections, 20_000);

    private static IReadOnlyList<string> ComputeCorrections(string key)
    {
        return FirstNameTable.ByFullKey.Keys.Where(k => Math.Abs(k.Length - key.Length) <= 1 && Distance(k, key) <= 1)
            .Order(StringComparer.Ordinal)
            .Take(2)
            .ToList();
    }

    /// <summary>The table's full names one typo away from a first name it does not know (empty for a known one).</summary>
    public static IReadOnlyList<string> CorrectedFirstNames(string? firstName)
    {
        if (string.IsNullOrWhiteSpace(firstName) || KnownFirstName(firstName))
        {
            return [];
        }
        return Corrections(Transliteration.NameKey(firstName))
            .SelectMany(k => FirstNameTable.ByFullKey[k])
            .Select(e => e.FullName)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Whether the table knows the first name, in any form.</summary>
    public static bool KnownFirstName(string? firstName) => Diminutives.FullNamesFor(firstName).Count > 0;

    /// <summary>
    /// The key of a surname's first word with the female form folded into the male one (Иванова → ivanov,
    /// Чайковская → qaikovski, Толстая → tolsti): one family name, one key. Whether two people are one is for the
    /// scorer to tell.
    /// </summary>
    public static string FoldedSurname(string key)
    {
        if (key.Length > 4 && (key.EndsWith("ova", StringComparison.Ordinal) || key.EndsWith("eva", StringComparison.Ordinal)
            || key.EndsWith("ina", StringComparison.Ordinal)))
        {
            return key[..^1];
        }
        if (key.Length > 4 && key.EndsWith("aia", StringComparison.Ordinal))
        {
            return key[..^3] + "i";
        }
        if (key.Length > 4 && key.EndsWith("oi", StringComparison.Ordinal))
        {
            return key[..^2] + "i";
        }
        return key;
    }

    /// <summary>
    /// The last <paramref name="length"/> symbols of the gender-folded key of a surname's first word, under each
    /// Latin reading: with the prefix it keeps a name key alive whichever end of the surname a typo hits.
    /// </summary>
    public static IReadOnlyList<string> SurnameSuffixes(string? surname, int length, int max) =>
        FirstWordKeys(surname)
            .Select(FoldedSurname)
            .Select(k => k.Length > length ? k[^length..] : k)
            .Distinct(StringComparer.Ordinal)
            .Take(max)
            .ToList();

    private static IEnumerable<string> FirstWordKeys(string? surname)
    {
        if (string.IsNullOrWhiteSpace(surname))
        {
            return [];
        }
        var words = surname.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? [] : Transliteration.NameKeyVariants(words[0]).Where(k => k.Length > 0);
    }

    /// <summary>
    /// The first <paramref name="length"/> key symbols of the first word of a surname, under each Latin reading.
    /// A prefix rather than the whole key: Иванов and Иванова, Римский-Корсаков and Римский, and Иванов with a typo
    /// after its third letter all share it.
    /// </summary>
    public static IReadOnlyList<string> SurnamePrefixes(string? surname, int length, int max) =>
        FirstWordKeys(surname)
            .Select(k => k.Length > length ? k[..length] : k)
            .Distinct(StringComparer.Ordinal)
            .Take(max)
            .ToList();

    /// <summary>Whether two name parts differ by one typo (one letter added, dropped, replaced, or two swapped) in
    /// their keys, and are long enough for that to mean anything.</summary>
    public static bool OneTypoApart(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
        {
            return false;
        }
        // On the letters as typed (Деревгина / Деревягина: one letter, but я is two key symbols) and on the keys
        // (a typo in a Latin spelling against the Cyrillic).
        var left = Diminutives.Plain(a);
        var right = Diminutives.Plain(b);
        if (left != right && Math.Min(left.Length, right.Length) >= 4 && Distance(left, right) <= 1)
        {
            return true;
        }
        var leftKey = Transliteration.NameKey(a);
        var rightKey = Transliteration.NameKey(b);
        if (leftKey != rightKey && Math.Min(leftKey.Length, rightKey.Length) >= 4 && Distance(leftKey, rightKey) <= 1)
        {
            return true;
        }
        // Across scripts the keys can hide a typo (a doubled letter folds, «ио» reads as ё): compare the Latin with
        // the Cyrillic written in the schemes people use.
        var cyrillic = HasCyrillic(a) ? a : HasCyrillic(b) ? b : null;
        var latin = ReferenceEquals(cyrillic, a) ? right : left;
        if (cyrillic is null || HasCyrillic(latin))
        {
            return false;
        }
        return TypoSchemes.Any(scheme =>
        {
            var written = Diminutives.Plain(Transliteration.ToLatin(cyrillic, scheme));
            return written != latin && Math.Min(written.Length, latin.Length) >= 4 && Distance(written, latin) <= 1;
        });
    }

    private static readonly TransliterationScheme[] TypoSchemes =
        [TransliterationScheme.Informal, TransliterationScheme.Icao9303, TransliterationScheme.Wikipedia, TransliterationScheme.Mvd310];

    private static bool HasCyrillic(string text) => text.Any(c => c is >= '\u0400' and <= '\u04FF');

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    internal static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return 2;
        }
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
