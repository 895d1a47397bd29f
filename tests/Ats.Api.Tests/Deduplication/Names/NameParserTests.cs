using Ats.Api.Deduplication.Names;

namespace Ats.Api.Tests.Deduplication.Names;

public class NameParserTests
{
    [Theory]
    [InlineData("Иванов Иван Иванович", NameOrder.SurnameFirst)]
    [InlineData("Иван Иванович Иванов", NameOrder.SurnameLast)]
    [InlineData("  иванов   ИВАН  иванович ", NameOrder.SurnameFirst)]
    public void Full_name_is_recognised_in_both_orders(string text, NameOrder order)
    {
        var name = NameParser.Parse(text);
        Assert.Equal(new PersonName("Иванов", "Иван", "Иванович") { Order = order }, name);
    }

    [Theory]
    [InlineData("Иван Иванов", "Иванов", "Иван", NameOrder.SurnameLast)]
    [InlineData("Иванов Иван", "Иванов", "Иван", NameOrder.SurnameFirst)]
    [InlineData("Ivanov Ivan", "Ivanov", "Ivan", NameOrder.SurnameFirst)]
    [InlineData("Ivan Ivanov", "Ivanov", "Ivan", NameOrder.SurnameLast)]
    [InlineData("IVANOV, Ivan", "Ivanov", "Ivan", NameOrder.SurnameFirst)]
    [InlineData("Ваня Иванов", "Иванов", "Ваня", NameOrder.SurnameLast)]
    [InlineData("SHCHEGLOVA IULIIA", "Shcheglova", "Iuliia", NameOrder.SurnameFirst)]
    [InlineData("Ткач Антон", "Ткач", "Антон", NameOrder.SurnameFirst)]
    public void Surname_and_first_name_are_told_apart_in_any_order_and_script(string text, string surname, string firstName, NameOrder order)
    {
        var name = NameParser.Parse(text);
        Assert.Equal(surname, name.Surname);
        Assert.Equal(firstName, name.FirstName);
        Assert.Null(name.Patronymic);
        Assert.Equal(order, name.Order);
    }

    [Fact]
    public void A_comma_puts_the_surname_before_it_even_when_it_looks_like_a_first_name()
    {
        var name = NameParser.Parse("Roman, Ivan");
        Assert.Equal("Roman", name.Surname);
        Assert.Equal("Ivan", name.FirstName);
    }

    [Theory]
    [InlineData("Иван Иванович", "Иван", "Иванович")]
    [InlineData("Мария Ивановна", "Мария", "Ивановна")]
    [InlineData("Ivan Ivanovich", "Ivan", "Ivanovich")]
    public void First_name_and_patronymic_without_surname(string text, string firstName, string patronymic)
    {
        var name = NameParser.Parse(text);
        Assert.Null(name.Surname);
        Assert.Equal(firstName, name.FirstName);
        Assert.Equal(patronymic, name.Patronymic);
        Assert.Equal(NameOrder.Unknown, name.Order);
    }

    [Fact]
    public void Hyphenated_surname_stays_one_surname()
    {
        var name = NameParser.Parse("Римский-Корсаков Николай Андреевич");
        Assert.Equal(new PersonName("Римский-Корсаков", "Николай", "Андреевич") { Order = NameOrder.SurnameFirst }, name);
        Assert.Equal("Кузнецова-Петрова", NameParser.Parse("Ольга Кузнецова-Петрова").Surname);
    }

    [Fact]
    public void Hyphenated_first_name_is_a_first_name()
    {
        var name = NameParser.Parse("Анна-Мария Иванова");
        Assert.Equal("Анна-Мария", name.FirstName);
        Assert.Equal("Иванова", name.Surname);
    }

    [Theory]
    [InlineData("Иванов И.И.", NameOrder.SurnameFirst)]
    [InlineData("Иванов И. И.", NameOrder.SurnameFirst)]
    [InlineData("И.И. Иванов", NameOrder.SurnameLast)]
    [InlineData("И.И.Иванов", NameOrder.SurnameLast)]
    public void Initials_are_first_name_and_patronymic_initials(string text, NameOrder order)
    {
        var name = NameParser.Parse(text);
        Assert.Equal("Иванов", name.Surname);
        Assert.Null(name.FirstName);
        Assert.Equal('И', name.FirstInitial);
        Assert.Equal('И', name.PatronymicInitial);
        Assert.Equal(order, name.Order);
        Assert.Equal("Иванов И. И.", name.ToString());
    }

    [Fact]
    public void A_single_initial_after_a_first_name_is_a_hidden_surname()
    {
        var name = NameParser.Parse("Иван П.");
        Assert.Equal("Иван", name.FirstName);
        Assert.Equal('П', name.SurnameInitial);
        Assert.Null(name.Surname);
    }

    [Theory]
    [InlineData("Шостакович Дмитрий Дмитриевич", "Шостакович", "Дмитрий", "Дмитриевич")]
    [InlineData("Бонч-Бруевич Виктор Леопольдович", "Бонч-Бруевич", "Виктор", "Леопольдович")]
    [InlineData("Абрамович Роман", "Абрамович", "Роман", null)]
    [InlineData("Ленин Владимир Ильич", "Ленин", "Владимир", "Ильич")]
    [InlineData("Толстой Лев Николаевич", "Толстой", "Лев", "Николаевич")]
    [InlineData("Petrova, Olga Sergeevna", "Petrova", "Olga", "Sergeevna")]
    public void Surnames_that_end_like_patronymics_and_old_patronymics_are_placed_by_the_other_words(
        string text, string surname, string firstName, string? patronymic)
    {
        Assert.Equal(new PersonName(surname, firstName, patronymic), NameParser.Parse(text) with { Order = NameOrder.Unknown });
    }

    [Theory]
    [InlineData("Алиев Рашид Гусейн оглы", "Гусейн оглы")]
    [InlineData("Мамедова Айгюн Мухаммад-кызы", "Мухаммад-кызы")]
    public void Turkic_patronymic_with_ogly_or_kyzy_is_one_patronymic(string text, string patronymic)
    {
        var name = NameParser.Parse(text);
        Assert.Equal(patronymic, name.Patronymic);
        Assert.NotNull(name.Surname);
        Assert.NotNull(name.FirstName);
    }

    [Theory]
    [InlineData("Петрова", "Петрова", null, null)]
    [InlineData("Сергеевна", null, null, "Сергеевна")]
    [InlineData("Маша", null, "Маша", null)]
    [InlineData("Vanya", null, "Vanya", null)]
    public void A_single_word_goes_where_its_form_says(string text, string? surname, string? firstName, string? patronymic)
    {
        var name = NameParser.Parse(text);
        Assert.Equal(surname, name.Surname);
        Assert.Equal(firstName, name.FirstName);
        Assert.Equal(patronymic, name.Patronymic);
    }

    [Fact]
    public void Bracketed_nicknames_and_generation_markers_are_not_name_parts()
    {
        Assert.Equal(new PersonName("Иванова", "Мария", null) { Order = NameOrder.SurnameFirst }, NameParser.Parse("Иванова Мария (Маша)"));
        Assert.Equal(new PersonName("Иванов", "Иван", "Иванович") { Order = NameOrder.SurnameFirst }, NameParser.Parse("Иванов Иван Иванович младший"));
    }

    [Fact]
    public void Father_and_son_with_one_name_parse_to_equal_names()
    {
        Assert.Equal(NameParser.Parse("Иванов Иван Иванович"), NameParser.Parse("Иван Иванович Иванов") with { Order = NameOrder.SurnameFirst });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , . - ")]
    public void Nothing_parses_to_an_empty_name(string? text)
    {
        var name = NameParser.Parse(text);
        Assert.True(name.IsEmpty);
        Assert.Equal("", name.ToString());
    }
}
