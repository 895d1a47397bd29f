namespace Ats.Api.Deduplication.Names;

/// <summary>
/// The gender a Russian name tells, from its patronymic, first name and surname, and whether two surnames are one
/// family name in its two gender forms (Иванов / Иванова). All checks work in Cyrillic and in any Latin spelling:
/// they look at <see cref="Transliteration.NameKey"/>, where -ович, -ovich, -ovitch and -owitsch end alike.
/// </summary>
/// <remarks>
/// Order of trust: patronymic (grammatical, never wrong for Russian names) → first name in the built-in table →
/// gendered surname ending → the ending of an unlisted first name. Indeclinable surnames (-ко, -ук/-юк, -их/-ых,
/// -ич, -ян, -дзе, consonant endings) and unisex short names (Саша, Женя, Валя) tell nothing.
/// </remarks>
public static class GenderDetector
{
    // Biblical and Old Russian male names ending in -а/-я (-ия), and Muslim ones common in Russia.
    private static readonly HashSet<string> MaleNamesInA = Keys(
        "Никита", "Илья", "Фома", "Лука", "Кузьма", "Савва", "Данила", "Гаврила", "Иона", "Мина", "Сила", "Фока",
        "Никола", "Добрыня", "Емеля", "Ерёма", "Вавила", "Михайла", "Исайя", "Иеремия", "Захария", "Илия", "Исаия",
        "Азария", "Товия", "Софония", "Муса", "Иса", "Мустафа", "Хамза", "Ата", "Шота", "Абдулла", "Габдулла",
        "Нурулла", "Хабибулла", "Хайрулла", "Яхья", "Зия");

    private static readonly HashSet<string> FemaleNamesWithoutA = Keys(
        "Любовь", "Нинель", "Адель", "Асель", "Гузель", "Айгуль", "Гульнур", "Бибигуль", "Жизель", "Рахиль",
        "Юдифь", "Руфь", "Эсфирь", "Агарь", "Ассоль", "Изабель", "Аннабель", "Николь", "Рашель", "Мишель",
        "Шолпан", "Жибек", "Айжан", "Гульжан", "Асем", "Айгерим", "Динур", "Алсу", "Нелли", "Натали", "Мари",
        "Софи", "Элли", "Жаклин", "Кэтрин", "Эстер", "Ирэн", "Кармен", "Мерседес", "Гаянэ", "Гаяне", "Нино", "Анаит",
        "Рузанна", "Шушаник", "Мэри", "Сюзанн", "Элисо");

    /// <summary>Gender from a patronymic: -ович/-евич/-ич male, -овна/-евна/-ична/-инична female, Turkic оглы/кызы.</summary>
    public static Gender FromPatronymic(string? patronymic)
    {
        var words = NameKeyBuilder.Words(patronymic);
        if (words.Count == 0)
        {
            return Gender.Unknown;
        }
        var key = NameKeyBuilder.PrimaryKey(words[^1]);
        if (key is "ogli" or "oglu" or "uli")
        {
            return Gender.Male;
        }
        if (key is "kizi" or "gizi")
        {
            return Gender.Female;
        }
        if (key.Length > 4 && (key.EndsWith("ovna", StringComparison.Ordinal) || key.EndsWith("evna", StringComparison.Ordinal)
            || key.EndsWith("iqna", StringComparison.Ordinal)))
        {
            return Gender.Female;
        }
        if (key.Length > 3 && (key.EndsWith("iq", StringComparison.Ordinal)
            || key.EndsWith("ovic", StringComparison.Ordinal) || key.EndsWith("evic", StringComparison.Ordinal)))
        {
            return Gender.Male;
        }
        return Gender.Unknown;
    }

    /// <summary>Gender from a surname's ending; indeclinable and foreign surnames give <see cref="Gender.Unknown"/>.</summary>
    public static Gender FromSurname(string? surname)
    {
        var words = NameKeyBuilder.Words(surname);
        if (words.Count == 0)
        {
            return Gender.Unknown;
        }
        // Of a double surname the last part declines (Римская-Корсакова); Бонч-Бруевич does not.
        var last = words[^1];
        var key = NameKeyBuilder.PrimaryKey(last);
        if (key.Length < 4)
        {
            return Gender.Unknown;
        }
        if (EndsWithAny(key, "ova", "eva", "ina", "aia"))
        {
            return Gender.Female;
        }
        if (EndsWithAny(key, "ov", "ev", "in", "ski", "cki"))
        {
            return Gender.Male;
        }
        // Adjectival surnames: Толстой, Белый, Горький (and their Latin -oy/-yy/-iy/-ij).
        var lower = last.ToLowerInvariant();
        if (EndsWithAny(lower, "ой", "ый", "ий", "oy", "oi", "oj", "yy", "yi", "iy", "ij", "ii"))
        {
            return Gender.Male;
        }
        return Gender.Unknown;
    }

    /// <summary>Gender from a first name: the built-in table first, then the ending (-а/-я female, consonant male).</summary>
    public static Gender FromFirstName(string? firstName)
    {
        var listed = FromFirstNameTable(firstName, out var known);
        return known ? listed : FromFirstNameEnding(firstName);
    }

    /// <summary>The table's answer; <paramref name="known"/> is false when the table does not list the name.
    /// A short form of both a male and a female name (Саша, Женя) is known and <see cref="Gender.Unknown"/>.</summary>
    internal static Gender FromFirstNameTable(string? firstName, out bool known)
    {
        var matches = Diminutives.Lookup(firstName);
        known = matches.Count > 0;
        var genders = matches.Select(m => m.Entry.Gender).Distinct().ToList();
        return genders.Count == 1 ? genders[0] : Gender.Unknown;
    }

    internal static Gender FromFirstNameEnding(string? firstName)
    {
        var words = NameKeyBuilder.Words(firstName);
        if (words.Count == 0)
        {
            return Gender.Unknown;
        }
        // Of a double first name (Анна-Мария) the first part is the one people are called by.
        var word = words[0];
        var key = NameKeyBuilder.PrimaryKey(word);
        if (key.Length < 2)
        {
            return Gender.Unknown;
        }
        if (MaleNamesInA.Contains(key))
        {
            return Gender.Male;
        }
        if (FemaleNamesWithoutA.Contains(key))
        {
            return Gender.Female;
        }
        var lower = word.ToLowerInvariant();
        var last = lower[^1];
        if (last is 'а' or 'я' or 'a')
        {
            // -улла (Абдулла, Нурулла) are male Arabic names; -ла otherwise feminine (Алла, Камилла).
            return key.EndsWith("ula", StringComparison.Ordinal) && key.Length > 4 ? Gender.Male : Gender.Female;
        }
        if (last is 'й' || EndsWithAny(lower, "iy", "ij", "ey", "ei", "ay", "ai", "oy", "oi"))
        {
            return Gender.Male;
        }
        if (last == 'y' && lower.Length > 2 && IsConsonant(lower[^2]))
        {
            // Dmitry, Yury, Vasily: the Latin spelling of -ий.
            return Gender.Male;
        }
        if (last == 'ь')
        {
            // -иль/-ар(ь)/-орь are male (Рамиль, Игорь, Лазарь); -ель/-уль/-юль/-оль mostly female (Нинель, Айгуль).
            return EndsWithAny(lower, "ель", "эль", "уль", "юль", "оль", "вь", "фь") ? Gender.Female : Gender.Male;
        }
        if (last is 'о' or 'o')
        {
            // Italian, Spanish and Georgian -o, Ukrainian -ко (Витторио, Эдуардо, Вахо, Данко); the few women's
            // names in -о (Нино, Элисо) are listed above.
            return Gender.Male;
        }
        if (IsConsonant(last))
        {
            // Turkic female names built on гуль ("flower") end in a consonant: Гульнур, Гульшат.
            return key.StartsWith("gul", StringComparison.Ordinal) || key.StartsWith("giul", StringComparison.Ordinal)
                ? Gender.Female
                : Gender.Male;
        }
        return Gender.Unknown;
    }

    /// <summary>
    /// The gender of a parsed name and the evidence that decided it; <see cref="GenderGuess.Conflicting"/> when a
    /// weaker part says otherwise (Иванова Иван Петрович is male by patronymic and first name, female by surname).
    /// </summary>
    public static GenderGuess Detect(PersonName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var listed = FromFirstNameTable(name.FirstName, out var known);
        var evidence = new (Gender Gender, GenderEvidence Evidence)[]
        {
            (FromPatronymic(name.Patronymic), GenderEvidence.Patronymic),
            (listed, GenderEvidence.FirstName),
            (FromSurname(name.Surname), GenderEvidence.Surname),
            // A listed unisex short form (Саша) must not be sexed by its -а.
            (known ? Gender.Unknown : FromFirstNameEnding(name.FirstName), GenderEvidence.FirstNameEnding),
        };
        var decisive = evidence.FirstOrDefault(e => e.Gender != Gender.Unknown);
        if (decisive.Gender == Gender.Unknown)
        {
            return GenderGuess.Unknown;
        }
        // Only the three reliable kinds of evidence can contradict; an unlisted name's ending is too weak to.
        var conflicting = evidence.Any(e => e.Evidence != GenderEvidence.FirstNameEnding
            && e.Gender != Gender.Unknown && e.Gender != decisive.Gender);
        return new GenderGuess(decisive.Gender, decisive.Evidence, conflicting);
    }

    /// <summary>Parses the text with <see cref="NameParser.Parse"/> and detects the gender of the result.</summary>
    public static GenderGuess Detect(string? fullName) => Detect(NameParser.Parse(fullName));

    /// <summary>
    /// How two surnames agree: <see cref="SurnameAgreement.Exact"/>, <see cref="SurnameAgreement.Transliterated"/>,
    /// <see cref="SurnameAgreement.GenderForms"/> (Иванов/Иванова, Петров/Petrova, Чайковский/Чайковская,
    /// Толстой/Толстая), or <see cref="SurnameAgreement.Different"/>.
    /// </summary>
    public static SurnameAgreement CompareSurnames(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
        {
            return SurnameAgreement.Different;
        }
        if (Diminutives.Plain(a) == Diminutives.Plain(b))
        {
            return SurnameAgreement.Exact;
        }
        if (Transliteration.SameName(a, b))
        {
            return SurnameAgreement.Transliterated;
        }
        var left = NameKeyBuilder.Words(a);
        var right = NameKeyBuilder.Words(b);
        if (left.Count == 0 || left.Count != right.Count)
        {
            return SurnameAgreement.Different;
        }
        // Each part of a double surname is the same or in the other gender form (Римский-Корсаков / Римская-Корсакова),
        // always the male form on the same side.
        var genderForms = 0;
        var maleLeft = (bool?)null;
        for (var i = 0; i < left.Count; i++)
        {
            if (Transliteration.SameWord(left[i], right[i]))
            {
                continue;
            }
            var leftKeys = NameKeyBuilder.VariantKeys(left[i]);
            var rightKeys = NameKeyBuilder.VariantKeys(right[i]);
            bool? leftIsMale = leftKeys.Any(l => rightKeys.Any(r => AreGenderForms(l, r))) ? true
                : leftKeys.Any(l => rightKeys.Any(r => AreGenderForms(r, l))) ? false
                : null;
            if (leftIsMale is null || (maleLeft is not null && maleLeft != leftIsMale))
            {
                return SurnameAgreement.Different;
            }
            maleLeft = leftIsMale;
            genderForms++;
        }
        return genderForms > 0 ? SurnameAgreement.GenderForms : SurnameAgreement.Different;
    }

    /// <summary>Whether two surnames can be one family name: the same, or its male and female forms.</summary>
    public static bool SurnamesCompatible(string? a, string? b) => CompareSurnames(a, b) != SurnameAgreement.Different;

    /// <summary>Whether <paramref name="male"/> and <paramref name="female"/> are keys of the two gender forms of one surname.</summary>
    private static bool AreGenderForms(string male, string female)
    {
        if (male.Length < 3)
        {
            return false;
        }
        // Possessive surnames: the feminine adds -а (Иванов/Иванова, Ильин/Ильина, Соловьёв/Соловьёва).
        if (EndsWithAny(male, "ov", "ev", "in") && female == male + "a")
        {
            return true;
        }
        // Adjectival surnames: -ский/-ская, -цкий/-цкая, -ой/-ая, -ый/-ая, -ий/-яя; in keys -i or -oi against -aia.
        if (female.EndsWith("aia", StringComparison.Ordinal))
        {
            var stem = female[..^3];
            return male == stem + "i" || male == stem + "oi";
        }
        return false;
    }

    private static bool EndsWithAny(string text, params string[] endings) =>
        endings.Any(e => text.EndsWith(e, StringComparison.Ordinal));

    private static bool IsConsonant(char c) =>
        c is >= 'б' and <= 'щ' && "аеёиоуыэюяй".IndexOf(c) < 0 || c is >= 'a' and <= 'z' && "aeiouy".IndexOf(c) < 0;

    private static HashSet<string> Keys(params string[] names) =>
        names.Select(Transliteration.NameKey).ToHashSet(StringComparer.Ordinal);
}
