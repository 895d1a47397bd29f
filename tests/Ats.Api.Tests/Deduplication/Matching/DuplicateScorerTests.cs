using Ats.Api.Candidates;
using Ats.Api.Deduplication.Matching;
using Gender = Ats.Api.Deduplication.Names.Gender;

namespace Ats.Api.Tests.Deduplication.Matching;

public class DuplicateScorerTests
{
    private static PartialDate Date(string text) =>
        PartialDate.TryParse(text, out var date, out var error) ? date : throw new ArgumentException(error);

    // One person, four sources, as the issue describes them.
    private static readonly PersonRecord FromHh = PersonRecord.FromRaw(
        "Иванов Иван Иванович", Date("1990-05-17"), "Москва",
        phones: ["+7 (999) 123-45-67"], emails: ["Ivan.Ivanov@gmail.com"],
        externalIds: [new ExternalId(SourceSite.Hh, "a1b2c3")], gender: Gender.Male);

    private static readonly PersonRecord FromSuperJob = PersonRecord.FromRaw(
        "Ваня Иванов", Date("1990"), "г. Москва", phones: ["8 999 1234567"]);

    private static readonly PersonRecord FromLinkedIn = PersonRecord.FromRaw(
        "Ivan Ivanov", city: "Moscow, Russia", emails: ["ivanivanov+jobs@gmail.com"],
        links: ["https://www.linkedin.com/in/ivan-ivanov-42/"]);

    private static readonly PersonRecord FromExcel = PersonRecord.FromRaw("Иван Иванович", phones: ["8 (999) 123-45-67"]);

    [Fact]
    public void SuperJob_and_LinkedIn_records_of_the_issue_example_merge_with_the_hh_record()
    {
        foreach (var source in new[] { FromSuperJob, FromLinkedIn })
        {
            var result = DuplicateScorer.Score(FromHh, source);
            Assert.True(result.Decision == MatchDecision.AutoMerge, result.ToString());
        }
    }

    [Fact]
    public void Excel_row_with_first_name_patronymic_and_phone_is_suggested_because_a_father_could_be_it()
    {
        // «Иван Иванович» with the family phone and no year is also what Иванов Иван Иванович senior looks like.
        var result = DuplicateScorer.Score(FromHh, FromExcel);

        Assert.Equal(MatchDecision.Suggest, result.Decision);
    }

    [Fact]
    public void SuperJob_diminutive_is_explained_as_a_diminutive_with_the_shared_phone()
    {
        var result = DuplicateScorer.Score(FromSuperJob, FromHh);

        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.Phone && r.Text == "same phone +79991234567");
        var name = Assert.Single(result.Reasons, r => r.Kind == MatchReasonKind.NameDiminutive);
        Assert.Equal("name «Ваня Иванов» ≈ «Иванов Иван Иванович» (diminutive)", name.Text);
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.SameBirthDate && r.Text == "same birth year 1990");
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.SameCity);
    }

    [Fact]
    public void LinkedIn_latin_name_is_explained_as_transliterated_with_the_gmail_address_normalised()
    {
        var result = DuplicateScorer.Score(FromLinkedIn, FromHh);

        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.Email && r.Text == "same e-mail ivanivanov@gmail.com");
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.NameTransliterated && r.Text.Contains("«Ivan Ivanov»", StringComparison.Ordinal));
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.SameCity);
    }

    [Fact]
    public void Excel_row_without_surname_is_a_partial_name_with_the_phone_in_another_format()
    {
        var result = DuplicateScorer.Score(FromExcel, FromHh);

        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.Phone && r.Text == "same phone +79991234567");
        Assert.True(result.Has(MatchReasonKind.NamePartial), result.ToString());
    }

    [Fact]
    public void Sources_without_a_shared_contact_are_still_suggested_through_name_and_city()
    {
        // SuperJob and LinkedIn share no contact: only the name (diminutive against Latin) and the city.
        var result = DuplicateScorer.Score(FromSuperJob, FromLinkedIn);

        Assert.Equal(MatchDecision.Suggest, result.Decision);
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.NameDiminutive);
    }

    [Fact]
    public void Husband_and_wife_with_one_phone_are_not_merged()
    {
        var husband = PersonRecord.FromRaw("Иванов Иван Петрович", Date("1985-03-02"), "Казань", phones: ["+79991234567"]);
        var wife = PersonRecord.FromRaw("Иванова Мария Сергеевна", Date("1987-11-20"), "Казань", phones: ["89991234567"]);

        var result = DuplicateScorer.Score(husband, wife);

        Assert.Equal(MatchDecision.Different, result.Decision);
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.DifferentGender && r.BlocksAutoMerge);
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.DifferentFirstName && r.Text == "different first name («Иван» / «Мария»)");
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.SurnameGenderForms && r.BlocksAutoMerge);
    }

    [Fact]
    public void Male_and_female_surname_forms_with_an_ambiguous_short_name_and_one_phone_are_not_merged()
    {
        // Саша is Александр or Александра: only the surnames tell the gender, and they tell two.
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Саша Петров", phones: ["+79991234567"]),
            PersonRecord.FromRaw("Саша Петрова", phones: ["+79991234567"]));

        Assert.NotEqual(MatchDecision.AutoMerge, result.Decision);
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.DifferentGender);
    }

    [Fact]
    public void Surname_in_the_male_form_counts_when_first_name_and_patronymic_say_female()
    {
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Петров Анна Сергеевна", Date("1990"), phones: ["+79991234567"]),
            PersonRecord.FromRaw("Петрова Анна Сергеевна", Date("1990-02-11"), phones: ["+79991234567"]));

        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.SurnameGenderForms && r.Weight > 0);
        Assert.DoesNotContain(result.Reasons, r => r.Kind == MatchReasonKind.DifferentGender);
        Assert.Equal(MatchDecision.AutoMerge, result.Decision);
    }

    [Fact]
    public void Father_and_son_with_one_name_and_one_phone_are_not_merged()
    {
        var father = PersonRecord.FromRaw("Иванов Иван Иванович", Date("1962"), "Тула", phones: ["+7 915 000-11-22"]);
        var son = PersonRecord.FromRaw("Иванов Иван Иванович", Date("1990-08-01"), "Тула", phones: ["8 915 000 11 22"]);

        var result = DuplicateScorer.Score(father, son);

        Assert.NotEqual(MatchDecision.AutoMerge, result.Decision);
        var years = Assert.Single(result.Reasons, r => r.Kind == MatchReasonKind.DifferentBirthDate);
        Assert.True(years.BlocksAutoMerge);
        Assert.Equal("birth years far apart (1962 / 1990-08-01)", years.Text);
    }

    [Fact]
    public void Family_mailbox_with_two_first_names_is_not_merged()
    {
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Смирнов Пётр", emails: ["smirnovy@mail.ru"]),
            PersonRecord.FromRaw("Смирнов Павел", emails: ["SmirnovY@mail.ru"]));

        Assert.Equal(MatchDecision.Different, result.Decision);
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.Email);
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.DifferentFirstName);
    }

    [Fact]
    public void Namesakes_in_one_city_with_nothing_else_in_common_are_only_suggested()
    {
        // Nothing in the data tells two Иванов Иван Иванович in Moscow apart; a missed duplicate costs a paid contact,
        // a suggestion one look. So: Suggest, never AutoMerge without a shared identifier.
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Иванов Иван Иванович", city: "Москва", phones: ["+79161112233"]),
            PersonRecord.FromRaw("Иванов Иван Иванович", city: "Москва", phones: ["+79035556677"]));

        Assert.Equal(MatchDecision.Suggest, result.Decision);
        Assert.Equal(2, result.Reasons.Count);
        Assert.Equal("name «Иванов Иван Иванович» ≈ «Иванов Иван Иванович» (same)", result.Reasons[0].Text);
        Assert.Equal("same city Москва", result.Reasons[1].Text);
    }

    [Fact]
    public void Namesakes_in_one_city_born_years_apart_are_different()
    {
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Иванов Иван Иванович", Date("1975-01-10"), "Москва"),
            PersonRecord.FromRaw("Иванов Иван Иванович", Date("1993-06-30"), "Москва"));

        Assert.Equal(MatchDecision.Different, result.Decision);
    }

    [Fact]
    public void Yo_and_ye_are_one_letter()
    {
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Фёдоров Артём Сергеевич", Date("1994-02-03"), phones: ["+79997776655"]),
            PersonRecord.FromRaw("Федоров Артем Сергеевич", Date("1994-02-03"), phones: ["+79997776655"]));

        Assert.Equal(MatchDecision.AutoMerge, result.Decision);
        Assert.DoesNotContain(result.Reasons, r => r.Kind is MatchReasonKind.DifferentSurname or MatchReasonKind.DifferentFirstName);
    }

    [Fact]
    public void Hyphenated_surname_against_one_of_its_parts_is_a_partial_match()
    {
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Петрова-Водкина Елена Андреевна", Date("1988"), "Самара"),
            PersonRecord.FromRaw("Елена Петрова", Date("1988"), "Самара"));

        Assert.Equal(MatchDecision.Suggest, result.Decision);
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.NamePartial);
        Assert.DoesNotContain(result.Reasons, r => r.Kind == MatchReasonKind.DifferentSurname);
    }

    [Fact]
    public void Hyphenated_surname_in_latin_matches_its_cyrillic_form()
    {
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Римский-Корсаков Николай", city: "Санкт-Петербург", emails: ["nrk@yandex.ru"]),
            PersonRecord.FromRaw("Nikolay Rimsky-Korsakov", city: "St. Petersburg", emails: ["NRK@yandex.ru"]));

        Assert.Equal(MatchDecision.AutoMerge, result.Decision);
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.NameTransliterated);
    }

    [Fact]
    public void Woman_who_changed_surname_is_suggested_not_merged()
    {
        var before = PersonRecord.FromRaw("Соколова Анна Викторовна", Date("1991-04-12"), "Пермь",
            phones: ["+79125550011"], emails: ["anna.v@mail.ru"]);
        var after = PersonRecord.FromRaw("Кузнецова Анна Викторовна", Date("1991-04-12"), "Пермь",
            phones: ["8 912 555 00 11"], emails: ["anna.v@mail.ru"]);

        var result = DuplicateScorer.Score(before, after);

        Assert.Equal(MatchDecision.Suggest, result.Decision);
        var surname = Assert.Single(result.Reasons, r => r.Kind == MatchReasonKind.DifferentSurname);
        Assert.True(surname.BlocksAutoMerge);
    }

    [Fact]
    public void Same_external_id_merges_even_with_a_typo_in_the_name()
    {
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Кузнецов Дмитрий", externalIds: [new ExternalId(SourceSite.Hh, "0F3c9a")]),
            PersonRecord.FromRaw("Кузнецов Дмитрйи", externalIds: [new ExternalId(SourceSite.Hh, "0f3C9A")]));

        Assert.Equal(MatchDecision.AutoMerge, result.Decision);
        Assert.Equal(MatchReasonKind.ExternalId, result.Reasons[0].Kind);
        Assert.Equal("same hh.ru résumé id 0F3c9a", result.Reasons[0].Text);
    }

    [Fact]
    public void Same_id_on_two_different_sites_is_no_evidence()
    {
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Орлов Игорь", externalIds: [new ExternalId(SourceSite.Hh, "12345")]),
            PersonRecord.FromRaw("Волков Олег", externalIds: [new ExternalId(SourceSite.Superjob, "12345")]));

        Assert.Equal(MatchDecision.Different, result.Decision);
        Assert.DoesNotContain(result.Reasons, r => r.Kind == MatchReasonKind.ExternalId);
    }

    [Fact]
    public void Surname_and_first_name_swapped_between_fields_are_recognised_as_reordered()
    {
        var proper = new PersonRecord { Surname = "Лебедев", FirstName = "Глеб", Phones = ["+79001112233"] };
        var swapped = new PersonRecord { Surname = "Глеб", FirstName = "Лебедев", Phones = ["+79001112233"] };

        var result = DuplicateScorer.Score(proper, swapped);

        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.NameReordered);
        Assert.DoesNotContain(result.Reasons, r => r.Kind == MatchReasonKind.DifferentFirstName);
        Assert.NotEqual(MatchDecision.Different, result.Decision);
    }

    [Fact]
    public void Different_city_is_weak_evidence_against_and_does_not_block_a_merge()
    {
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Морозов Алексей", Date("1980"), "Казань", phones: ["+79271234567"], emails: ["morozov@bk.ru"]),
            PersonRecord.FromRaw("Лёша Морозов", Date("1980"), "Москва", phones: ["+79271234567"], emails: ["morozov@bk.ru"]));

        var city = Assert.Single(result.Reasons, r => r.Kind == MatchReasonKind.DifferentCity);
        Assert.Equal("different city (Казань / Москва)", city.Text);
        Assert.False(city.BlocksAutoMerge);
        Assert.Equal(MatchDecision.AutoMerge, result.Decision);
    }

    [Fact]
    public void Shared_phone_with_a_typo_in_the_first_name_is_suggested_not_merged()
    {
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Волкова Мария Ильинична", Date("1984"), phones: ["+79005554433"]),
            PersonRecord.FromRaw("Волкова Мрия Ильинична", Date("1984"), phones: ["+79005554433"]));

        Assert.Equal(MatchDecision.Suggest, result.Decision);
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.NameSimilar && r.BlocksAutoMerge);
    }

    [Fact]
    public void Sisters_whose_names_are_one_letter_apart_are_not_taken_for_a_typo()
    {
        // Мария and Марина are both real names: one letter apart, two people sharing the family phone.
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Волкова Мария Ильинична", phones: ["+79005554433"]),
            PersonRecord.FromRaw("Волкова Марина Ильинична", phones: ["+79005554433"]));

        Assert.NotEqual(MatchDecision.AutoMerge, result.Decision);
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.DifferentFirstName);
    }

    [Fact]
    public void Typo_in_a_full_first_name_still_meets_its_diminutive()
    {
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Грязовецкий Атон Амирович", city: "Новосибирск"),
            PersonRecord.FromRaw("Тоша Грязовецкий", city: "Новосибирск"));

        Assert.Equal(MatchDecision.Suggest, result.Decision);
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.NameSimilar);
    }

    [Fact]
    public void Typo_hidden_by_transliteration_is_still_one_letter()
    {
        // Гоованов keys as govanov (the doubled о folds); written in Latin it is one letter from Golovanov.
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Гоованов Михаил", city: "Москва"),
            PersonRecord.FromRaw("Mikhail Golovanov", city: "Moscow"));

        Assert.Equal(MatchDecision.Suggest, result.Decision);
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.NameSimilar);
    }

    [Fact]
    public void Two_typos_between_swapped_fields_are_too_many_but_one_is_allowed()
    {
        var proper = PersonRecord.FromRaw("Султанов Константин Максимович", Date("1997"), "Самара");
        var swappedWithTypo = new PersonRecord { Surname = "Констатнин", FirstName = "Султанов", BirthDate = Date("1997"), City = "Самара" };

        var result = DuplicateScorer.Score(proper, swappedWithTypo);

        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.NameReordered);
        Assert.Equal(MatchDecision.Suggest, result.Decision);
    }

    [Fact]
    public void Birth_year_one_apart_is_tolerated_when_it_may_come_from_an_age()
    {
        var result = DuplicateScorer.Score(
            PersonRecord.FromRaw("Зайцев Олег Петрович", Date("1979"), phones: ["+79031231212"]),
            PersonRecord.FromRaw("Зайцев Олег Петрович", Date("1980-10-05"), phones: ["+79031231212"]));

        Assert.Equal(MatchDecision.AutoMerge, result.Decision);
        Assert.Contains(result.Reasons, r => r.Kind == MatchReasonKind.DifferentBirthDate && !r.BlocksAutoMerge);
    }

    [Fact]
    public void Same_resume_file_is_near_certain()
    {
        const string hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        var result = DuplicateScorer.Score(
            new PersonRecord { Surname = "Белова", FirstName = "Ольга", FileHashes = [hash] },
            new PersonRecord { FirstName = "Olga", FileHashes = [hash.ToUpperInvariant()] });

        Assert.Equal(MatchDecision.AutoMerge, result.Decision);
        Assert.Equal("same résumé file (SHA-256 9f86d081884c…)", result.Reasons[0].Text);
    }

    [Fact]
    public void Thresholds_come_from_configuration()
    {
        var strict = new MatchThresholds { AutoMerge = 100, Suggest = 50 };

        Assert.Equal(MatchDecision.AutoMerge, DuplicateScorer.Score(FromHh, FromSuperJob).Decision);
        Assert.Equal(MatchDecision.Different, DuplicateScorer.Score(FromHh, FromSuperJob, strict).Decision);
    }

    [Fact]
    public void Score_is_symmetric_in_value_and_decision()
    {
        var records = new[] { FromHh, FromSuperJob, FromLinkedIn, FromExcel };
        foreach (var a in records)
        {
            foreach (var b in records)
            {
                var ab = DuplicateScorer.Score(a, b);
                var ba = DuplicateScorer.Score(b, a);
                Assert.Equal(ab.Score, ba.Score);
                Assert.Equal(ab.Decision, ba.Decision);
            }
        }
    }
}
