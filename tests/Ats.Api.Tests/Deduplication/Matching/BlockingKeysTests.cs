using Ats.Api.Candidates;
using Ats.Api.Deduplication.Matching;

namespace Ats.Api.Tests.Deduplication.Matching;

public class BlockingKeysTests
{
    private static PartialDate Date(string text) =>
        PartialDate.TryParse(text, out var date, out var error) ? date : throw new ArgumentException(error);

    private static PersonRecord Hh() => PersonRecord.FromRaw("Иванов Иван Иванович", Date("1990-05-17"), "Москва",
        phones: ["+7 (999) 123-45-67"], emails: ["Ivan.Ivanov@gmail.com"], externalIds: [new ExternalId(SourceSite.Hh, "a1b2c3")]);

    /// <summary>Every pair of one person in DuplicateScorerTests, so that the scorer ever gets to see it.</summary>
    public static TheoryData<string, PersonRecord, PersonRecord> SamePersonPairs() => new()
    {
        { "hh / SuperJob diminutive", Hh(), PersonRecord.FromRaw("Ваня Иванов", Date("1990"), "г. Москва", phones: ["8 999 1234567"]) },
        { "hh / LinkedIn", Hh(), PersonRecord.FromRaw("Ivan Ivanov", city: "Moscow, Russia", emails: ["ivanivanov+jobs@gmail.com"]) },
        { "hh / Excel", Hh(), PersonRecord.FromRaw("Иван Иванович", phones: ["8 (999) 123-45-67"]) },
        { "SuperJob / LinkedIn, name and city only", PersonRecord.FromRaw("Ваня Иванов", Date("1990"), "г. Москва"), PersonRecord.FromRaw("Ivan Ivanov", city: "Moscow, Russia") },
        { "ё / е", PersonRecord.FromRaw("Фёдоров Артём Сергеевич", Date("1994-02-03")), PersonRecord.FromRaw("Федоров Артем Сергеевич", Date("1994-02-03")) },
        { "hyphenated surname against a part", PersonRecord.FromRaw("Петрова-Водкина Елена Андреевна", Date("1988"), "Самара"), PersonRecord.FromRaw("Елена Петрова", Date("1988"), "Самара") },
        { "hyphenated surname in Latin", PersonRecord.FromRaw("Римский-Корсаков Николай", city: "Санкт-Петербург"), PersonRecord.FromRaw("Nikolay Rimsky-Korsakov", city: "St. Petersburg") },
        { "changed surname", PersonRecord.FromRaw("Соколова Анна Викторовна", Date("1991-04-12"), "Пермь"), PersonRecord.FromRaw("Кузнецова Анна Викторовна", Date("1991-04-12"), "Пермь") },
        { "male surname form for a woman", PersonRecord.FromRaw("Петров Анна Сергеевна", Date("1990")), PersonRecord.FromRaw("Петрова Анна Сергеевна", Date("1990-02-11")) },
        { "typo in the first name", PersonRecord.FromRaw("Волкова Мария Ильинична", Date("1984")), PersonRecord.FromRaw("Волкова Мрия Ильинична", Date("1984")) },
        { "typo in a full name against a diminutive", PersonRecord.FromRaw("Грязовецкий Атон Амирович", city: "Новосибирск"), PersonRecord.FromRaw("Тоша Грязовецкий", city: "Новосибирск") },
        { "typo hidden by transliteration", PersonRecord.FromRaw("Гоованов Михаил", city: "Москва"), PersonRecord.FromRaw("Mikhail Golovanov", city: "Moscow") },
        { "typo in the first letters of the surname", PersonRecord.FromRaw("Сирнова Злата", city: "Москва"), PersonRecord.FromRaw("Смирнова Злата", Date("1969"), "Москва") },
        { "swapped fields with a typo", PersonRecord.FromRaw("Султанов Константин Максимович", Date("1997"), "Самара"), new PersonRecord { Surname = "Констатнин", FirstName = "Султанов", BirthDate = Date("1997"), City = "Самара" } },
        { "year from an age, one off", PersonRecord.FromRaw("Зайцев Олег Петрович", Date("1979")), PersonRecord.FromRaw("Зайцев Олег Петрович", Date("1980-10-05")) },
        { "Слава for Ярослав", PersonRecord.FromRaw("Гаджимахмудов Ярослав Александрович", city: "Москва"), PersonRecord.FromRaw("Гаджимахмудов Слава", Date("1998"), "Москва") },
        { "same external id with a typo", PersonRecord.FromRaw("Кузнецов Дмитрий", externalIds: [new ExternalId(SourceSite.Hh, "0F3c9a")]), PersonRecord.FromRaw("Кузнецов Дмитрйи", externalIds: [new ExternalId(SourceSite.Hh, "0f3C9A")]) },
    };

    [Theory]
    [MemberData(nameof(SamePersonPairs))]
    public void Records_of_one_person_share_a_key(string situation, PersonRecord a, PersonRecord b)
    {
        var shared = BlockingKeys.For(a).Intersect(BlockingKeys.For(b)).ToList();

        Assert.True(shared.Count > 0, situation);
        Assert.NotEqual(MatchDecision.Different, DuplicateScorer.Score(a, b).Decision);
    }

    [Fact]
    public void Contacts_and_ids_are_keys_in_their_normal_form()
    {
        var keys = BlockingKeys.For(Hh());

        Assert.Contains("p:+79991234567", keys);
        Assert.Contains("e:ivanivanov@gmail.com", keys);
        Assert.Contains("x:hh:a1b2c3", keys);
    }

    [Fact]
    public void Name_keys_fold_diminutives_scripts_and_gender_forms()
    {
        var vanya = BlockingKeys.For(PersonRecord.FromRaw("Ваня Иванов", Date("1990-05-17")));
        var ivan = BlockingKeys.For(PersonRecord.FromRaw("Ivan Ivanov", Date("1990")));
        var ivanova = BlockingKeys.For(PersonRecord.FromRaw("Иванова Мария", Date("1990")));
        var ivanovMaria = BlockingKeys.For(PersonRecord.FromRaw("Иванов Мария", Date("1990")));

        Assert.Contains("n:iva|ivan|1990", vanya);
        Assert.Contains("n:iva|ivan|1990", ivan);
        Assert.Contains("s:anov|ivan|1990", vanya);
        Assert.Contains("s:anov|maria|1990", ivanova);
        Assert.Contains("s:anov|maria|1990", ivanovMaria);
    }

    [Fact]
    public void A_name_without_a_year_or_a_city_is_no_key()
    {
        // Иванов Иван alone would be thousands of rows in a million: such a record is found through its contacts.
        var keys = BlockingKeys.For(PersonRecord.FromRaw("Иванов Иван Иванович", phones: ["+79991234567"]));

        Assert.Equal(["p:+79991234567"], keys.ToArray());
    }

    [Fact]
    public void Namesakes_share_a_block_but_a_different_first_name_does_not()
    {
        var ivan = BlockingKeys.For(PersonRecord.FromRaw("Смирнов Иван", Date("1985"), "Казань"));
        var otherIvan = BlockingKeys.For(PersonRecord.FromRaw("Смирнов Иван", Date("1985"), "Казань"));
        var petr = BlockingKeys.For(PersonRecord.FromRaw("Смирнов Пётр", Date("1985"), "Казань"));

        Assert.NotEmpty(ivan.Intersect(otherIvan));
        Assert.Empty(ivan.Intersect(petr));
    }

    [Fact]
    public void Resume_fingerprint_is_keyed_by_its_four_bands()
    {
        var keys = BlockingKeys.For(new PersonRecord { ResumeSimHash = 0x0123_4567_89ab_cdef });

        Assert.Equal(["t:0:cdef", "t:1:89ab", "t:2:4567", "t:3:0123"], keys.ToArray());
    }

    [Fact]
    public void Keys_stay_few_for_a_full_record()
    {
        // A Latin name with ambiguous letters and a short first name of several full names is the worst case.
        var keys = BlockingKeys.For(PersonRecord.FromRaw("Slava Chernykh", Date("1990"), "Moscow",
            phones: ["+79991234567"], emails: ["slava@mail.ru"]));

        Assert.InRange(keys.Count, 2, 150);
    }
}
