using System.Text;

namespace Ats.Api.Deduplication.Names;

/// <summary>
/// Cyrillic → Latin in the schemes Russian names actually arrive in, and the scheme-independent
/// <see cref="NameKey"/> that lets a Cyrillic name meet every Latin spelling of it.
/// </summary>
/// <remarks>
/// <para><b>How a key is made.</b> Lower case; Cyrillic written in one plain scheme (ё→e, ь/ъ→sign);
/// Latin multigraphs read as the Russian sound they stand for; vowels and glides folded; doubles collapsed.
/// Key letters are ASCII: the Latin ones plus j = ж, h = х, c = ц, q = ч, w = ш, x = щ, and i for the whole
/// и/ы/й class. A key is opaque: compare keys for equality, never show them to people.</para>
/// <para><b>Spellings that meet</b> (all by design, see README.md for the full list):
/// щ = shch/sch/shh/shtch/chtch/šč/ŝ/sc; ж = zh/ž; х = kh/h (and word-final x after i/y); ц = ts/tz/tc/cz/c;
/// ч = ch/tch/tsch/č; ш = sh/š; и = ы = й = i/y/j (so -iy/-yy/-ij/-ii/-y endings are one); ю = yu/iu/ju/û/iou;
/// я = ya/ia/ja/â; е = ye/ie/je/e; ё = е = yo/io/jo/ë; э = е (è/é/ė/eh); x = ks; w = v; ph = f; ou = u;
/// gu before e/i = g (Serguei); ь and ъ are silent, or a glide before a vowel; doubled letters are one
/// (Kirill/Kiril); -ander = -andr, -eter = -etr; French -ine = -in.</para>
/// <para><b>Deliberate collisions</b> (accepted because real names differing only there are rare, while the
/// spellings that force them are common): Е/Э/Ё; И/Ы/Й; и before е after a consonant vanishes with the glide
/// (Кириенко = Киренко: ICAO writes Васильева as Vasileva and MVD-fr as Vasilieva, so «лье», «лие» and «ле» must
/// meet); я/ья/ия (Марья = Мария, Юля = Юлия); йо/ио/ьо = ё = е (Родион = Роден); тс = ц; сч = шч = щ; тц = ц;
/// кс at the end of a word after и/ы is х only in Latin (Felix keys as «Фелих», see <see cref="SameName"/>).</para>
/// <para><b>Kept apart</b>: Иван ≠ Ян, Пётр ≠ Петров, Иванов ≠ Иванова (gender forms are
/// <see cref="GenderDetector.CompareSurnames"/>'s business), ч ≠ х, ж ≠ й.</para>
/// <para><b>Readings only <see cref="NameKeyVariants"/> gives.</b> Some Latin letters mean different sounds in
/// different schemes, and one key cannot follow all of them without merging real names: German ch = х
/// (Chabibullin, Michail), French ch = ш (Iochkar), French/Telegram j = ж (Jenia), scholarly x = х inside a word
/// (Mixail), English c = к (Constantin, Nicolai), German sch = ш, lu for лю (Ludmila). The primary key uses the
/// common reading; the variants add the others, for look-ups and for <see cref="SameName"/>.</para>
/// </remarks>
public static class Transliteration
{
    /// <summary>Writes Cyrillic text in a Latin scheme; anything that is not Cyrillic is kept as it is.
    /// Case follows the source: «Щеглова» → "Shcheglova", «ЩЕГЛОВА» → "SHCHEGLOVA".</summary>
    public static string ToLatin(string? text, TransliterationScheme scheme)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var rules = TransliterationRules.For(scheme);
        var result = new StringBuilder(text.Length * 2);
        var source = text.Normalize(NormalizationForm.FormC);
        var start = 0;
        while (start < source.Length)
        {
            var end = start;
            if (char.IsLetter(source[start]))
            {
                while (end < source.Length && char.IsLetter(source[end]))
                {
                    end++;
                }
                result.Append(TranslateWord(source[start..end], rules));
            }
            else
            {
                while (end < source.Length && !char.IsLetter(source[end]))
                {
                    end++;
                }
                result.Append(source, start, end - start);
            }
            start = end;
        }
        return result.ToString();
    }

    private static string TranslateWord(string word, TransliterationRules rules)
    {
        var lower = word.ToLowerInvariant();
        var stemLength = lower.Length;
        string? ending = null;
        if (lower.Length > 2 && rules.Endings.TryGetValue(lower[^2..], out var mappedEnding))
        {
            stemLength = lower.Length - 2;
            ending = WithCase(mappedEnding, word[stemLength]);
        }
        var latin = new StringBuilder(word.Length * 2);
        for (var i = 0; i < stemLength; i++)
        {
            var current = lower[i];
            var previous = i == 0 ? "" : lower[i - 1].ToString();
            string? letter = null;
            if (rules.Previous.TryGetValue(previous + current, out var byPrevious))
            {
                letter = byPrevious;
            }
            else if (i + 1 < stemLength && rules.Following.TryGetValue($"{current}{lower[i + 1]}", out var byNext))
            {
                letter = byNext;
            }
            else if (rules.Letters.TryGetValue(current, out var plain))
            {
                letter = plain;
            }
            latin.Append(letter is null ? word[i].ToString() : WithCase(letter, word[i]));
        }
        latin.Append(ending);
        // A word in capitals (passport style, «ИВАНОВ») stays in capitals; otherwise only its letters that were capitals.
        var allCaps = word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));
        return allCaps ? latin.ToString().ToUpperInvariant() : latin.ToString();
    }

    private static string WithCase(string latin, char source) =>
        latin.Length > 0 && char.IsUpper(source) ? char.ToUpperInvariant(latin[0]) + latin[1..] : latin;

    /// <summary>
    /// The scheme-independent phonetic key of a name (see the remarks on this class): «Щеглова», Shcheglova,
    /// Scheglova, Ščeglova and Shtcheglova all give one key. Several words give their keys joined by one space
    /// (hyphens and punctuation separate words). Empty for text without letters.
    /// </summary>
    public static string NameKey(string? name) => string.IsNullOrEmpty(name) ? "" : NameKeys.Get(name);

    private static readonly Memo<string> NameKeys = new(ComputeNameKey);
    private static readonly Memo<IReadOnlyList<string>> Variants = new(ComputeNameKeyVariants);

    private static string ComputeNameKey(string name)
    {
        var words = NameKeyBuilder.Words(name);
        return string.Join(' ', words.Select(NameKeyBuilder.PrimaryKey).Where(k => k.Length > 0));
    }

    /// <summary>
    /// The primary key of a single-word name followed by the keys of its alternative Latin readings (German ch = х,
    /// French j = ж …); a Cyrillic word has exactly one. For several words, the combinations of their keys (capped).
    /// Index every one of them to find a Latin spelling whose scheme is not known.
    /// </summary>
    public static IReadOnlyList<string> NameKeyVariants(string? name) => string.IsNullOrEmpty(name) ? [] : Variants.Get(name);

    private static IReadOnlyList<string> ComputeNameKeyVariants(string name)
    {
        var words = NameKeyBuilder.Words(name);
        IReadOnlyList<string> combined = [""];
        foreach (var word in words)
        {
            var keys = NameKeyBuilder.VariantKeys(word).Where(k => k.Length > 0).ToList();
            if (keys.Count == 0)
            {
                continue;
            }
            combined = combined
                .SelectMany(prefix => keys.Select(k => prefix.Length == 0 ? k : prefix + " " + k))
                .Take(256)
                .ToList();
        }
        return combined.Count == 1 && combined[0].Length == 0 ? [] : combined;
    }

    /// <summary>
    /// Whether two names are the same up to script and spelling scheme: the same number of words, and each pair of
    /// words shares a key under some reading (so Chabibullin matches «Хабибуллин» though its primary key does not).
    /// Two empty names are not the same name.
    /// </summary>
    public static bool SameName(string? a, string? b)
    {
        var left = NameKeyBuilder.Words(a);
        var right = NameKeyBuilder.Words(b);
        if (left.Count == 0 || left.Count != right.Count)
        {
            return false;
        }
        for (var i = 0; i < left.Count; i++)
        {
            if (!SameWord(left[i], right[i]))
            {
                return false;
            }
        }
        return true;
    }

    internal static bool SameWord(string a, string b)
    {
        if (NameKeyBuilder.PrimaryKey(a) == NameKeyBuilder.PrimaryKey(b))
        {
            return true;
        }
        var keys = NameKeyBuilder.VariantKeys(a).ToHashSet(StringComparer.Ordinal);
        return NameKeyBuilder.VariantKeys(b).Any(keys.Contains);
    }
}
