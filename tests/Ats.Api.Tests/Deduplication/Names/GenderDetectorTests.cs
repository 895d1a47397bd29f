using Ats.Api.Deduplication.Names;

namespace Ats.Api.Tests.Deduplication.Names;

public class GenderDetectorTests
{
    [Theory]
    [InlineData("Иванович", Gender.Male)]
    [InlineData("Сергеевич", Gender.Male)]
    [InlineData("Ильич", Gender.Male)]
    [InlineData("Ивановна", Gender.Female)]
    [InlineData("Сергеевна", Gender.Female)]
    [InlineData("Ильинична", Gender.Female)]
    [InlineData("Кузьминична", Gender.Female)]
    [InlineData("Ivanovich", Gender.Male)]
    [InlineData("Ivanovitch", Gender.Male)]
    [InlineData("Iwanowitsch", Gender.Male)]
    [InlineData("Ivanovna", Gender.Female)]
    [InlineData("Гусейн оглы", Gender.Male)]
    [InlineData("Мухаммад-кызы", Gender.Female)]
    [InlineData("Hasan qizi", Gender.Female)]
    [InlineData("Абракадабра", Gender.Unknown)]
    [InlineData(null, Gender.Unknown)]
    public void Patronymic_tells_gender_by_its_ending(string? patronymic, Gender expected)
    {
        Assert.Equal(expected, GenderDetector.FromPatronymic(patronymic));
    }

    [Theory]
    [InlineData("Иванов", Gender.Male)]
    [InlineData("Иванова", Gender.Female)]
    [InlineData("Соловьёв", Gender.Male)]
    [InlineData("Ильина", Gender.Female)]
    [InlineData("Чайковский", Gender.Male)]
    [InlineData("Чайковская", Gender.Female)]
    [InlineData("Троцкий", Gender.Male)]
    [InlineData("Толстой", Gender.Male)]
    [InlineData("Толстая", Gender.Female)]
    [InlineData("Римская-Корсакова", Gender.Female)]
    [InlineData("Ivanova", Gender.Female)]
    [InlineData("Chaikovsky", Gender.Male)]
    [InlineData("Shcheglova", Gender.Female)]
    [InlineData("Шевченко", Gender.Unknown)]
    [InlineData("Андрейчук", Gender.Unknown)]
    [InlineData("Черных", Gender.Unknown)]
    [InlineData("Бонч-Бруевич", Gender.Unknown)]
    [InlineData("Мкртчян", Gender.Unknown)]
    [InlineData("Ткач", Gender.Unknown)]
    public void Surname_tells_gender_only_when_it_declines(string surname, Gender expected)
    {
        Assert.Equal(expected, GenderDetector.FromSurname(surname));
    }

    [Theory]
    [InlineData("Иван", Gender.Male)]
    [InlineData("Ivan", Gender.Male)]
    [InlineData("Мария", Gender.Female)]
    [InlineData("Iuliia", Gender.Female)]
    [InlineData("Никита", Gender.Male)]
    [InlineData("Илья", Gender.Male)]
    [InlineData("Любовь", Gender.Female)]
    [InlineData("Саша", Gender.Unknown)]
    [InlineData("Женя", Gender.Unknown)]
    [InlineData("Ваня", Gender.Male)]
    [InlineData("Шарлотта", Gender.Female)]
    [InlineData("Гульнур", Gender.Female)]
    [InlineData("Абдулла", Gender.Male)]
    [InlineData("Вахтанг", Gender.Male)]
    public void First_name_tells_gender_by_the_table_then_by_its_ending(string firstName, Gender expected)
    {
        Assert.Equal(expected, GenderDetector.FromFirstName(firstName));
    }

    [Fact]
    public void Patronymic_decides_before_first_name_and_surname()
    {
        Assert.Equal(new GenderGuess(Gender.Male, GenderEvidence.Patronymic), GenderDetector.Detect("Андрейчук Саша Олегович"));
        Assert.Equal(new GenderGuess(Gender.Female, GenderEvidence.FirstName), GenderDetector.Detect("Склифасовская Александра"));
        Assert.Equal(new GenderGuess(Gender.Male, GenderEvidence.Surname), GenderDetector.Detect("Иванов Саша"));
        Assert.Equal(new GenderGuess(Gender.Female, GenderEvidence.FirstNameEnding), GenderDetector.Detect(new PersonName("Дюбуа", "Шарлотта", null)));
        Assert.Equal(GenderGuess.Unknown, GenderDetector.Detect("Андрейчук Саша"));
        Assert.Equal(GenderGuess.Unknown, GenderDetector.Detect(""));
    }

    [Fact]
    public void Contradicting_parts_are_reported()
    {
        var guess = GenderDetector.Detect(new PersonName("Иванова", "Иван", "Петрович"));
        Assert.Equal(Gender.Male, guess.Gender);
        Assert.Equal(GenderEvidence.Patronymic, guess.Evidence);
        Assert.True(guess.Conflicting);
        Assert.False(GenderDetector.Detect("Иванова Мария Петровна").Conflicting);
    }

    [Theory]
    [InlineData("Иванов", "Иванова", SurnameAgreement.GenderForms)]
    [InlineData("Петров", "Петрова", SurnameAgreement.GenderForms)]
    [InlineData("Ivanov", "Ivanova", SurnameAgreement.GenderForms)]
    [InlineData("Petrov", "Петрова", SurnameAgreement.GenderForms)]
    [InlineData("Соловьёв", "Solovyova", SurnameAgreement.GenderForms)]
    [InlineData("Чайковский", "Чайковская", SurnameAgreement.GenderForms)]
    [InlineData("Chaikovsky", "Chaikovskaya", SurnameAgreement.GenderForms)]
    [InlineData("Толстой", "Толстая", SurnameAgreement.GenderForms)]
    [InlineData("Римский-Корсаков", "Римская-Корсакова", SurnameAgreement.GenderForms)]
    [InlineData("Иванов", "ИВАНОВ", SurnameAgreement.Exact)]
    [InlineData("Фёдоров", "Федоров", SurnameAgreement.Exact)]
    [InlineData("Щеглова", "Shcheglova", SurnameAgreement.Transliterated)]
    [InlineData("Шевченко", "Shevchenko", SurnameAgreement.Transliterated)]
    [InlineData("Иванов", "Петров", SurnameAgreement.Different)]
    [InlineData("Петров", "Петровский", SurnameAgreement.Different)]
    [InlineData("Иванов", "Иваново", SurnameAgreement.Different)]
    [InlineData("Иванова", "Ивановская", SurnameAgreement.Different)]
    [InlineData("Иванов", "", SurnameAgreement.Different)]
    public void Surnames_agree_as_the_same_name_or_its_other_gender_form(string a, string b, SurnameAgreement expected)
    {
        Assert.Equal(expected, GenderDetector.CompareSurnames(a, b));
        Assert.Equal(expected, GenderDetector.CompareSurnames(b, a));
        Assert.Equal(expected != SurnameAgreement.Different, GenderDetector.SurnamesCompatible(a, b));
    }
}
