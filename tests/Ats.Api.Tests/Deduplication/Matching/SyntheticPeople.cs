using System.Globalization;
using Ats.Api.Candidates;
using Ats.Api.Deduplication.Matching;
using Ats.Api.Deduplication.Names;
using Gender = Ats.Api.Deduplication.Names.Gender;

namespace Ats.Api.Tests.Deduplication.Matching;

/// <summary>
/// Generates people from ../shared/testdata/names-ru and writes each several times the way job sites, LinkedIn, an
/// old Excel sheet and a recruiter's typing write them; some people are made deliberately similar to others (a
/// spouse, a father and son, namesakes, siblings — often sharing a phone or an e-mail). Deterministic for a seed.
/// </summary>
internal sealed class SyntheticPeople
{
    internal enum Relation
    {
        None,
        Spouse,
        FatherOrSon,
        Namesake,
        Sibling,
    }

    internal sealed record Person(int Id, string Surname, string FirstName, string Patronymic, Gender Gender,
        DateOnly Birth, string City, List<string> Phones, List<string> Emails, string HhId, Relation Relation);

    internal sealed record Labelled(int PersonId, string Source, PersonRecord Record);

    private sealed record SurnamePair(string Male, string Female);

    private static readonly (string City, int Weight, string Latin)[] Cities =
    [
        ("Москва", 30, "Moscow"), ("Санкт-Петербург", 12, "Saint Petersburg"), ("Новосибирск", 4, "Novosibirsk"),
        ("Екатеринбург", 4, "Yekaterinburg"), ("Казань", 4, "Kazan"), ("Нижний Новгород", 3, "Nizhny Novgorod"),
        ("Челябинск", 3, "Chelyabinsk"), ("Самара", 3, "Samara"), ("Омск", 2, "Omsk"), ("Ростов-на-Дону", 3, "Rostov-on-Don"),
        ("Уфа", 2, "Ufa"), ("Красноярск", 2, "Krasnoyarsk"), ("Пермь", 2, "Perm"), ("Воронеж", 2, "Voronezh"),
        ("Волгоград", 2, "Volgograd"), ("Тула", 1, "Tula"), ("Тверь", 1, "Tver"),
    ];

    private static readonly TransliterationScheme[] LatinSchemes =
    [
        TransliterationScheme.Informal, TransliterationScheme.Informal, TransliterationScheme.Icao9303,
        TransliterationScheme.Mvd310, TransliterationScheme.Mvd782, TransliterationScheme.BgnPcgn,
        TransliterationScheme.Wikipedia, TransliterationScheme.YandexMaps, TransliterationScheme.YandexMoney,
        TransliterationScheme.Telegram,
    ];

    private static readonly Dictionary<string, string> IrregularPatronymics = new(StringComparer.Ordinal)
    {
        ["ПАВЕЛ"] = "ПАВЛОВИЧ", ["ПЕТР"] = "ПЕТРОВИЧ", ["ЛЕВ"] = "ЛЬВОВИЧ", ["ИЛЬЯ"] = "ИЛЬИЧ", ["НИКИТА"] = "НИКИТИЧ",
    };

    private readonly Random rng;
    private readonly List<SurnamePair> surnames;
    private readonly List<string> maleNames;
    private readonly List<string> femaleNames;
    private readonly List<string> fathers;
    private readonly Dictionary<string, string> malePatronymic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> femalePatronymic = new(StringComparer.Ordinal);
    private int nextPhone;

    public List<Person> People { get; } = [];

    public List<Labelled> Records { get; } = [];

    public SyntheticPeople(int seed)
    {
        rng = new Random(seed);
        surnames = LoadSurnames();
        var popular = Rows("firstnames.popular.gender.tsv");
        maleNames = popular.Where(r => r.Gender == "мр").Select(r => r.Name).ToList();
        femaleNames = popular.Where(r => r.Gender == "жр").Select(r => r.Name).ToList();
        var patronymics = Rows("midnames.gender.tsv").Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in maleNames)
        {
            var upper = name.ToUpperInvariant().Replace('Ё', 'Е');
            var male = IrregularPatronymics.TryGetValue(upper, out var irregular)
                ? irregular
                : new[] { upper + "ОВИЧ", upper[..^1] + "ЕВИЧ", upper[..^1] + "ОВИЧ" }.FirstOrDefault(patronymics.Contains);
            if (male is null || !patronymics.Contains(male))
            {
                continue;
            }
            var female = male.EndsWith("ЛЬИЧ", StringComparison.Ordinal) ? male[..^2] + "ИНИЧНА"
                : male.EndsWith("ВИЧ", StringComparison.Ordinal) ? male[..^3] + "ВНА"
                : male + "НА";
            malePatronymic[name] = Capitalize(male);
            femalePatronymic[name] = Capitalize(female);
        }
        fathers = malePatronymic.Keys.ToList();
    }

    /// <summary>Makes <paramref name="count"/> people (about a quarter of them relatives or namesakes of another)
    /// and writes each 2–4 times.</summary>
    public SyntheticPeople Generate(int count)
    {
        while (People.Count < count)
        {
            var person = NewPerson(Relation.None, null);
            People.Add(person);
            if (rng.NextDouble() < 0.3 && People.Count < count)
            {
                var relation = (Relation)rng.Next(1, 5);
                People.Add(NewPerson(relation, person));
            }
        }
        foreach (var person in People)
        {
            var sources = new List<string> { "hh", "superjob", "linkedin", "excel", "manual" }.OrderBy(_ => rng.Next()).Take(rng.Next(2, 5)).ToList();
            if (rng.NextDouble() < 0.08)
            {
                // The same hh.ru résumé imported twice, or the person's second résumé there.
                sources.Add("hh");
            }
            foreach (var source in sources)
            {
                Records.Add(new Labelled(person.Id, source, Write(person, source)));
            }
        }
        return this;
    }

    private Person NewPerson(Relation relation, Person? other)
    {
        var id = People.Count;
        var gender = rng.NextDouble() < 0.5 ? Gender.Male : Gender.Female;
        var pair = PickSurname();
        var father = Pick(fathers);
        var first = gender == Gender.Male ? Pick(maleNames) : Pick(femaleNames);
        var birth = new DateOnly(1960, 1, 1).AddDays(rng.Next(0, 43 * 365));
        var city = PickCity();
        var phones = new List<string> { NewPhone() };
        var emails = new List<string>();
        switch (relation)
        {
            case Relation.Spouse when other is not null:
                gender = other.Gender == Gender.Male ? Gender.Female : Gender.Male;
                pair = SurnameOf(other);
                first = gender == Gender.Male ? Pick(maleNames) : Pick(femaleNames);
                birth = other.Birth.AddDays(rng.Next(-5 * 365, 5 * 365));
                city = other.City;
                Share(other, phones, emails);
                break;
            case Relation.FatherOrSon when other is not null:
                // The other is the father: the son carries his surname, often his first name, and his patronymic.
                gender = Gender.Male;
                pair = SurnameOf(other);
                var fatherName = other.Gender == Gender.Male ? other.FirstName : Pick(fathers);
                if (malePatronymic.ContainsKey(fatherName))
                {
                    father = fatherName;
                }
                first = rng.NextDouble() < 0.6 && other.Gender == Gender.Male ? other.FirstName : Pick(maleNames);
                birth = other.Birth.AddYears(rng.Next(22, 36));
                city = other.City;
                Share(other, phones, emails);
                break;
            case Relation.Namesake when other is not null:
                gender = other.Gender;
                pair = SurnameOf(other);
                first = other.FirstName;
                if (rng.NextDouble() < 0.5)
                {
                    father = FatherOf(other);
                }
                city = rng.NextDouble() < 0.6 ? other.City : city;
                break;
            case Relation.Sibling when other is not null:
                pair = SurnameOf(other);
                father = FatherOf(other);
                while (first == other.FirstName)
                {
                    first = gender == Gender.Male ? Pick(maleNames) : Pick(femaleNames);
                }
                birth = other.Birth.AddDays(rng.Next(-10 * 365, 10 * 365));
                city = other.City;
                Share(other, phones, emails);
                break;
        }
        var surname = gender == Gender.Male ? pair.Male : pair.Female;
        var patronymic = gender == Gender.Male ? malePatronymic[father] : femalePatronymic[father];
        if (rng.NextDouble() < 0.7)
        {
            var local = $"{Transliteration.ToLatin(first, TransliterationScheme.Informal)}.{Transliteration.ToLatin(surname, TransliterationScheme.Informal)}{rng.Next(1, 99)}";
            emails.Add($"{local.ToLowerInvariant()}@{Pick(["mail.ru", "yandex.ru", "gmail.com", "bk.ru"])}");
        }
        return new Person(id, surname, first, patronymic, gender, birth, city, phones, emails, $"{id:x}{rng.Next(0x1000, 0xffff):x}", relation);
    }

    /// <summary>Relatives share a home phone or a family mailbox about two times in three.</summary>
    private void Share(Person other, List<string> phones, List<string> emails)
    {
        var roll = rng.NextDouble();
        if (roll < 0.4)
        {
            phones.Insert(0, other.Phones[0]);
        }
        else if (roll < 0.65)
        {
            var family = $"{Transliteration.ToLatin(other.Surname, TransliterationScheme.Informal).ToLowerInvariant()}.family@mail.ru";
            if (!other.Emails.Contains(family))
            {
                other.Emails.Insert(0, family);
            }
            emails.Insert(0, family);
        }
    }

    private PersonRecord Write(Person person, string source)
    {
        var first = person.FirstName;
        var surname = person.Surname;
        var patronymic = person.Patronymic;
        if (rng.NextDouble() < 0.08)
        {
            // A typo, in the surname more often than in the first name.
            if (rng.NextDouble() < 0.65)
            {
                surname = Typo(surname);
            }
            else
            {
                first = Typo(first);
            }
        }
        if (rng.NextDouble() < 0.5)
        {
            surname = surname.Replace('ё', 'е');
            first = first.Replace('ё', 'е');
        }
        string name;
        PartialDate? birth = null;
        string? city = null;
        var phones = new List<string>();
        var emails = new List<string>();
        var links = new List<string>();
        var ids = new List<ExternalId>();
        var gender = Gender.Unknown;
        switch (source)
        {
            case "hh":
                name = $"{surname} {first} {patronymic}";
                birth = rng.NextDouble() < 0.7 ? Day(person.Birth) : Age(person.Birth);
                city = rng.NextDouble() < 0.95 ? person.City : null;
                Maybe(0.8, () => phones.Add(PhoneText(Pick(person.Phones))));
                Maybe(0.6, () => AddEmail(person, emails));
                ids.Add(new ExternalId(SourceSite.Hh, rng.NextDouble() < 0.85 ? person.HhId : person.HhId + "b"));
                gender = rng.NextDouble() < 0.9 ? person.Gender : Gender.Unknown;
                break;
            case "superjob":
                var shortForm = rng.NextDouble() < 0.35 ? ShortForm(first) : first;
                name = rng.NextDouble() < 0.7 ? $"{shortForm} {surname}" : $"{surname} {shortForm}";
                birth = rng.NextDouble() < 0.5 ? Age(person.Birth) : null;
                city = rng.NextDouble() < 0.8 ? person.City : null;
                Maybe(0.7, () => phones.Add(PhoneText(Pick(person.Phones))));
                Maybe(0.3, () => AddEmail(person, emails));
                break;
            case "linkedin":
                var scheme = Pick(LatinSchemes);
                var latinFirst = rng.NextDouble() < 0.2 ? Foreign(first) ?? first : first;
                name = $"{Transliteration.ToLatin(latinFirst, scheme)} {Transliteration.ToLatin(surname, scheme)}";
                city = rng.NextDouble() < 0.7 ? Cities.First(c => c.City == person.City).Latin : null;
                Maybe(0.4, () => AddEmail(person, emails));
                Maybe(0.3, () => links.Add($"https://www.linkedin.com/in/{Transliteration.ToLatin(surname, TransliterationScheme.Informal).ToLowerInvariant()}-{person.Id}"));
                break;
            case "excel":
                var roll = rng.NextDouble();
                name = roll < 0.3 ? $"{first} {patronymic}"
                    : roll < 0.7 ? $"{surname} {first} {patronymic}".ToUpperInvariant()
                    : $"{surname} {first}";
                birth = rng.NextDouble() < 0.3 ? Day(person.Birth) : null;
                city = rng.NextDouble() < 0.5 ? person.City : null;
                Maybe(0.9, () => phones.Add(PhoneText(Pick(person.Phones))));
                Maybe(0.2, () => AddEmail(person, emails));
                break;
            default:
                // Typed by a recruiter after a call: the name as heard, a phone, sometimes a year.
                name = rng.NextDouble() < 0.5 ? $"{first} {surname}" : $"{surname} {first} {patronymic}";
                birth = rng.NextDouble() < 0.3 ? Age(person.Birth) : null;
                city = rng.NextDouble() < 0.6 ? person.City : null;
                Maybe(0.7, () => phones.Add(PhoneText(Pick(person.Phones))));
                break;
        }
        return PersonRecord.FromRaw(name, birth, city, phones, emails, links, ids, gender);
    }

    private void AddEmail(Person person, List<string> emails)
    {
        if (person.Emails.Count == 0)
        {
            return;
        }
        var email = Pick(person.Emails);
        // Case and gmail dots as people type them; the normaliser must bring them back together.
        emails.Add(rng.NextDouble() < 0.3 ? email.ToUpperInvariant() : email);
    }

    private string PhoneText(string e164)
    {
        var d = e164[2..];
        return rng.Next(5) switch
        {
            0 => $"+7 ({d[..3]}) {d[3..6]}-{d[6..8]}-{d[8..]}",
            1 => $"8 {d[..3]} {d[3..6]} {d[6..8]} {d[8..]}",
            2 => "7" + d,
            3 => $"8 ({d[..3]}) {d[3..6]}-{d[6..8]}-{d[8..]}",
            _ => d,
        };
    }

    private string NewPhone() => $"+79{(nextPhone++ * 7919 + 1000003) % 1_000_000_000:D9}";

    private static PartialDate Day(DateOnly date) => new(date, DatePrecision.Day);

    /// <summary>A year computed from an age: a quarter of the time a year off, as an age is.</summary>
    private PartialDate Age(DateOnly date) =>
        new(new DateOnly(date.Year - (rng.NextDouble() < 0.25 ? 1 : 0), 1, 1), DatePrecision.Year);

    private string ShortForm(string first)
    {
        var entry = FirstNameTable.Entries.FirstOrDefault(e => Diminutives.Plain(e.FullName) == Diminutives.Plain(first));
        return entry is { ShortForms.Count: > 0 } ? Pick(entry.ShortForms.ToList()) : first;
    }

    private string? Foreign(string first)
    {
        var entry = FirstNameTable.Entries.FirstOrDefault(e => Diminutives.Plain(e.FullName) == Diminutives.Plain(first));
        return entry is { ForeignForms.Count: > 0 } ? Pick(entry.ForeignForms.ToList()) : null;
    }

    private string Typo(string word)
    {
        if (word.Length < 4)
        {
            return word;
        }
        const string letters = "абвгдеёжзийклмнопрстуфхцчшщыэюя";
        var chars = word.ToCharArray().ToList();
        var i = rng.Next(1, chars.Count - 1);
        switch (rng.Next(4))
        {
            case 0:
                chars.RemoveAt(i);
                break;
            case 1:
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                break;
            case 2:
                chars[i] = letters[rng.Next(letters.Length)];
                break;
            default:
                chars.Insert(i, chars[i]);
                break;
        }
        return new string(chars.ToArray());
    }

    private void Maybe(double probability, Action action)
    {
        if (rng.NextDouble() < probability)
        {
            action();
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private string PickCity()
    {
        var total = Cities.Sum(c => c.Weight);
        var roll = rng.Next(total);
        foreach (var (city, weight, _) in Cities)
        {
            if ((roll -= weight) < 0)
            {
                return city;
            }
        }
        return Cities[0].City;
    }

    /// <summary>A third of people from 150 "popular" surnames, so namesakes happen as they do in life.</summary>
    private SurnamePair PickSurname() => rng.NextDouble() < 0.33 ? surnames[rng.Next(150)] : Pick(surnames);

    private static SurnamePair SurnameOf(Person person) => new(
        person.Gender == Gender.Male ? person.Surname : MaleFormOf(person.Surname),
        person.Gender == Gender.Female ? person.Surname : FemaleFormOf(person.Surname));

    private static string MaleFormOf(string female) => female.EndsWith("ая", StringComparison.Ordinal) ? female[..^2] + "ий"
        : female.EndsWith('а') ? female[..^1] : female;

    private static string FemaleFormOf(string male) => male.EndsWith("ий", StringComparison.Ordinal) ? male[..^2] + "ая"
        : male.EndsWith("ов", StringComparison.Ordinal) || male.EndsWith("ев", StringComparison.Ordinal) || male.EndsWith("ин", StringComparison.Ordinal) ? male + "а"
        : male;

    private string FatherOf(Person person) =>
        malePatronymic.FirstOrDefault(p => p.Value == person.Patronymic || femalePatronymic[p.Key] == person.Patronymic).Key ?? Pick(fathers);

    private List<SurnamePair> LoadSurnames()
    {
        var rows = Rows("surnames.gender.tsv");
        var female = rows.Where(r => r.Gender == "жр").Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var pairs = new List<SurnamePair>();
        foreach (var row in rows)
        {
            if (row.Gender == "мр-жр")
            {
                pairs.Add(new SurnamePair(Capitalize(row.Name), Capitalize(row.Name)));
                continue;
            }
            if (row.Gender != "мр")
            {
                continue;
            }
            var candidates = new[] { row.Name + "А", row.Name.EndsWith("ИЙ", StringComparison.Ordinal) ? row.Name[..^2] + "АЯ" : "" };
            var match = candidates.FirstOrDefault(female.Contains);
            if (match is not null)
            {
                pairs.Add(new SurnamePair(Capitalize(row.Name), Capitalize(match)));
            }
        }
        // Shuffle once with the seed, so the "popular" head is a random sample rather than the letter А.
        return pairs.OrderBy(_ => rng.Next()).ToList();
    }

    private static List<(string Name, string Gender)> Rows(string file) =>
        File.ReadLines(TestData.Get("names-ru", file))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Where(cells => cells.Length >= 2 && cells[0].Trim('\uFEFF').Length > 0)
            .Select(cells => (cells[0].Trim('\uFEFF'), cells[1].Trim()))
            .ToList();

    private static string Capitalize(string upper) =>
        string.Join('-', upper.Split('-').Select(part => part.Length == 0 ? part
            : part[..1] + part[1..].ToLower(CultureInfo.GetCultureInfo("ru-RU"))));
}
