using System.Collections.Frozen;

namespace Ats.Api.Deduplication.Names;

/// <summary>
/// The letter tables and context rules of each <see cref="TransliterationScheme"/>, written from the schemes'
/// published definitions (ICAO Doc 9303 Part 3; MVD orders 310/1997 and 782/2000; BGN/PCGN 1947; GOST 7.79-2000;
/// the Wikipedia, Yandex and Telegram conventions as documented on iuliia.ru). Rules are of four kinds, applied
/// to each Cyrillic letter in this order of precedence:
/// <list type="bullet">
/// <item><see cref="Previous"/>: the letter after a given letter ("" = at the start of a word), e.g. BGN е → ye after a vowel;</item>
/// <item><see cref="Following"/>: the letter before a given letter, e.g. GOST 7.79-B ц → c before е;</item>
/// <item><see cref="Letters"/>: the plain table;</item>
/// <item><see cref="Endings"/>: the last two letters of a word of three or more letters, e.g. Wikipedia -ий → y.</item>
/// </list>
/// </summary>
internal sealed class TransliterationRules
{
    private const string Vowels = "аеёиоуыэюя";
    private const string Consonants = "бвгджзклмнпрстфхцчшщ";

    public required FrozenDictionary<char, string> Letters { get; init; }

    /// <summary>Key: previous letter (or "" at the start of a word) + this letter, lower case.</summary>
    public FrozenDictionary<string, string> Previous { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>Key: this letter + the next letter, lower case.</summary>
    public FrozenDictionary<string, string> Following { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>Key: the last two letters of a word, lower case.</summary>
    public FrozenDictionary<string, string> Endings { get; init; } = FrozenDictionary<string, string>.Empty;

    private static readonly FrozenDictionary<TransliterationScheme, TransliterationRules> All = Build();

    public static TransliterationRules For(TransliterationScheme scheme) =>
        All.TryGetValue(scheme, out var rules) ? rules : throw new ArgumentOutOfRangeException(nameof(scheme), scheme, null);

    private static FrozenDictionary<TransliterationScheme, TransliterationRules> Build()
    {
        var vowelsAndSigns = Vowels + "ъь";
        return new Dictionary<TransliterationScheme, TransliterationRules>
        {
            [TransliterationScheme.Icao9303] = new()
            {
                Letters = Table(('ё', "e"), ('й', "i"), ('ъ', "ie"), ('ь', ""), ('ю', "iu"), ('я', "ia")),
            },
            [TransliterationScheme.Mvd310] = new()
            {
                Letters = Table(('ё', "e"), ('ъ', "\""), ('ь', "'")),
                Previous = Rules(("ье", "ye"), ("ъе", "ye")),
                Following = Rules(("ье", ""), ("ъе", "")),
            },
            [TransliterationScheme.Mvd782] = new()
            {
                Letters = Table(('ё', "yo"), ('ъ', "'"), ('ь', "'")),
                Previous = Rules(
                    [
                        .. After("аеёиоуыэюяъь", 'е', "ye"),
                        .. After("бвгдзклмнпрстфхц", 'ё', "ye"),
                        .. After("жчшщ", 'ё', "e"),
                        ("ьи", "yi"),
                    ]),
                Following = Rules(("ъе", ""), ("ье", ""), ("ъё", ""), ("ьё", ""), ("ьи", "")),
            },
            [TransliterationScheme.BgnPcgn] = new()
            {
                Letters = Table(('ё', "ë"), ('ъ', "”"), ('ь', "’")),
                Previous = Rules(
                    [
                        ("е", "ye"), ("ё", "yë"),
                        .. After(vowelsAndSigns + "й", 'е', "ye"),
                        .. After(vowelsAndSigns + "й", 'ё', "yë"),
                        .. After(Vowels, 'ы', "·y"),
                        .. After(Consonants, 'э', "·e"),
                    ]),
                Following = Rules(
                    ("йа", "y·"), ("йу", "y·"), ("йы", "y·"), ("йэ", "y·"),
                    ("ыа", "y·"), ("ыу", "y·"), ("ыы", "y·"), ("ыэ", "y·"),
                    ("тс", "t·"), ("шч", "sh·")),
            },
            [TransliterationScheme.Gost779A] = new()
            {
                Letters = Table(
                    ('ё', "ë"), ('ж', "ž"), ('й', "j"), ('х', "h"), ('ц', "c"), ('ч', "č"), ('ш', "š"), ('щ', "ŝ"),
                    ('ъ', "ʺ"), ('ь', "ʹ"), ('э', "è"), ('ю', "û"), ('я', "â")),
            },
            [TransliterationScheme.Gost779B] = new()
            {
                Letters = Table(
                    ('ё', "yo"), ('й', "j"), ('х', "x"), ('ц', "cz"), ('щ', "shh"), ('ъ', "``"), ('ы', "y`"),
                    ('ь', "`"), ('э', "e`")),
                Following = Rules(("це", "c"), ("ци", "c"), ("цы", "c"), ("цй", "c")),
            },
            [TransliterationScheme.Wikipedia] = new()
            {
                Letters = Table(('ё', "yo")),
                Previous = Rules([("е", "ye"), .. After("аиоуэюяъь", 'е', "ye")]),
                Following = Rules([.. Before("ъь", "аиоуыэ", "y")]),
                Endings = Rules(("ий", "y"), ("ый", "y")),
            },
            [TransliterationScheme.YandexMaps] = new()
            {
                Letters = Table(('ё', "yo"), ('щ', "sch")),
                Previous = Rules([("е", "ye"), .. After("аиоуэюя", 'е', "ye")]),
                Following = Rules(("ъе", "y")),
                Endings = Rules(("ый", "iy")),
            },
            [TransliterationScheme.YandexMoney] = new()
            {
                Letters = Table(('ё', "e"), ('й', "i"), ('щ', "sch")),
            },
            [TransliterationScheme.Telegram] = new()
            {
                Letters = Table(
                    ('ё', "e"), ('ж', "j"), ('й', "i"), ('х', "h"), ('ц', "c"), ('щ', "sc"), ('ю', "iu"), ('я', "ia")),
            },
            [TransliterationScheme.Informal] = new()
            {
                Letters = Table(('ё', "yo")),
                Previous = Rules(("кс", "")),
                Following = Rules(("кс", "x")),
                Endings = Rules(("ия", "ia")),
            },
        }.ToFrozenDictionary();
    }

    /// <summary>The plain table most schemes share, with the scheme's own letters over it.</summary>
    private static FrozenDictionary<char, string> Table(params (char Letter, string Latin)[] own)
    {
        var table = new Dictionary<char, string>
        {
            ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "yo", ['ж'] = "zh",
            ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
            ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
            ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e",
            ['ю'] = "yu", ['я'] = "ya",
        };
        foreach (var (letter, latin) in own)
        {
            table[letter] = latin;
        }
        return table.ToFrozenDictionary();
    }

    private static FrozenDictionary<string, string> Rules(params (string Context, string Latin)[] rules) =>
        rules.ToDictionary(r => r.Context, r => r.Latin, StringComparer.Ordinal).ToFrozenDictionary(StringComparer.Ordinal);

    private static IEnumerable<(string, string)> After(string previous, char letter, string latin) =>
        previous.Select(p => ($"{p}{letter}", latin));

    private static IEnumerable<(string, string)> Before(string letters, string next, string latin) =>
        letters.SelectMany(l => next.Select(n => ($"{l}{n}", latin)));
}
