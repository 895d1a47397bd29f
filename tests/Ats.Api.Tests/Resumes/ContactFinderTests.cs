using Ats.Api.Candidates;
using Ats.Api.Resumes;

namespace Ats.Api.Tests.Resumes;

public sealed class ContactFinderTests
{
    private const string RussianResume =
        """
        Иванов Иван Иванович
        Мужчина, 34 года, родился 12 марта 1990
        Москва, готов к переезду

        Телефон: +7 (999) 123-45-67
        8 912 000 11 22 — предпочтительно WhatsApp
        Email: ivan.ivanov@mail.ru
        Telegram: @ivan_dev
        Резюме: https://hh.ru/resume/0123abcd4567ef
        linkedin.com/in/ivan-ivanov
        github.com/ivanov

        Желаемая должность и зарплата
        Ведущий разработчик .NET
        150 000 руб. на руки

        Опыт работы — 8 лет 6 месяцев
        01.2015 – 12.2019 ООО «Ромашка»
        Разработчик C#. ИНН 7701234567, ОГРН 1027700132195.
        2019 - 2023
        ООО «Василёк», КПП 770101001
        Резюме обновлено 2024
        """;

    private readonly ContactFinder _finder = new(new ContactParser(new PhoneNormalizer("RU")));

    [Fact]
    public void Russian_resume_yields_exactly_its_contacts_in_normal_form()
    {
        var found = _finder.Find(RussianResume);

        Assert.Equal(
            [
                (ContactKind.Email, "ivan.ivanov@mail.ru", (LinkSite?)null),
                (ContactKind.Link, "https://hh.ru/resume/0123abcd4567ef", LinkSite.Hh),
                (ContactKind.Link, "https://www.linkedin.com/in/ivan-ivanov", LinkSite.Linkedin),
                (ContactKind.Link, "https://github.com/ivanov", LinkSite.Github),
                (ContactKind.Link, "https://t.me/ivan_dev", LinkSite.Telegram),
                (ContactKind.Phone, "+79991234567", null),
                (ContactKind.Phone, "+79120001122", null),
            ],
            found.Select(c => (c.Kind, c.Normalized, c.Site)));
    }

    [Fact]
    public void Found_contacts_keep_the_text_as_written()
    {
        var found = _finder.Find(RussianResume);

        Assert.Equal(
            ["ivan.ivanov@mail.ru", "https://hh.ru/resume/0123abcd4567ef", "linkedin.com/in/ivan-ivanov", "github.com/ivanov", "@ivan_dev", "+7 (999) 123-45-67", "8 912 000 11 22"],
            found.Select(c => c.Raw));
        Assert.All(found, c => Assert.Null(c.Extension));
    }

    [Fact]
    public void Phones_on_consecutive_lines_are_not_joined_into_one_overlong_number()
    {
        var found = _finder.Find("+7 (999) 123-45-67\n8 912 000 11 22\n2019 - 2023");

        Assert.Equal(["+79991234567", "+79120001122"], found.Select(c => c.Normalized));
    }

    [Fact]
    public void Numbers_after_company_registration_labels_are_not_phones()
    {
        var found = _finder.Find("ИНН 7701234567\nОГРН: 1027700132195\nСНИЛС 112-233-445 95\nБИК 044525225, р/с 40702810900000012345\nКПП 770101001");

        Assert.Empty(found);
    }

    [Theory]
    [InlineData("01.2015 – 12.2019 ООО «Ромашка»")]
    [InlineData("01.2015 - 12.2019 ООО «Ромашка»")]
    [InlineData("2015 - 2019 2019 - 2023")]
    [InlineData("Работал 2019 - 2023, зарплата 150 000 руб., год 2024")]
    public void Date_ranges_salaries_and_years_are_not_phones(string text)
    {
        Assert.Empty(_finder.Find(text));
    }

    [Fact]
    public void Same_contact_written_several_ways_is_reported_once()
    {
        var text = """
            Телефон: +7 (999) 123-45-67, он же 8 999 123 45 67 и 89991234567
            E-mail: Ivan.Ivanov@Mail.ru, ivan.ivanov@mail.ru
            https://github.com/Ivanov и github.com/ivanov
            Telegram: @ivan_dev, https://t.me/ivan_dev
            """;

        var found = _finder.Find(text);

        Assert.Equal(
            [
                (ContactKind.Email, "ivan.ivanov@mail.ru"),
                (ContactKind.Link, "https://github.com/ivanov"),
                (ContactKind.Link, "https://t.me/ivan_dev"),
                (ContactKind.Phone, "+79991234567"),
            ],
            found.Select(c => (c.Kind, c.Normalized)));
        Assert.Equal("Ivan.Ivanov@Mail.ru", found[0].Raw);
        Assert.Equal("+7 (999) 123-45-67", found[3].Raw);
    }

    [Fact]
    public void English_resume_keeps_an_international_number_and_reads_a_bare_national_one_as_russian()
    {
        var found = _finder.Find("John Smith\nPhone: +44 20 7946 0958\nOffice: (650) 253-0000\nE-mail: john.smith@example.co.uk");

        // Without a country code the finder cannot know "(650) 253-0000" is American: the default region (RU) reads
        // its ten digits as a Russian number. It is only a suggestion; a person decides whether to keep it.
        Assert.Equal(
            [
                (ContactKind.Email, "john.smith@example.co.uk", "john.smith@example.co.uk"),
                (ContactKind.Phone, "+44 20 7946 0958", "+442079460958"),
                (ContactKind.Phone, "(650) 253-0000", "+76502530000"),
            ],
            found.Select(c => (c.Kind, c.Raw, c.Normalized)));
    }

    [Theory]
    [InlineData("Резюме: https://hh.ru/resume/4f1e2d3c1234567890abcdef0a1b2c3d")]
    [InlineData("vk.com/id1234567890")]
    [InlineData("https://example.com/portfolio/79991234567")]
    public void Digit_runs_inside_links_are_not_phones(string text)
    {
        Assert.DoesNotContain(_finder.Find(text), c => c.Kind == ContactKind.Phone);
    }

    [Fact]
    public void Digits_in_an_email_address_are_not_a_phone()
    {
        var found = _finder.Find("ivan79991234567@mail.ru");

        var only = Assert.Single(found);
        Assert.Equal((ContactKind.Email, "ivan79991234567@mail.ru"), (only.Kind, only.Normalized));
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("12345678")]
    [InlineData("+7 999 123 45 67 890 12 34")]
    public void Digit_runs_shorter_than_ten_or_longer_than_fifteen_digits_are_not_phones(string text)
    {
        Assert.Empty(_finder.Find(text));
    }

    [Fact]
    public void Telegram_handle_after_a_russian_label_is_a_telegram_link()
    {
        var found = _finder.Find("Телеграм — @Ivan_Dev_2024");

        var only = Assert.Single(found);
        Assert.Equal((ContactKind.Link, "https://t.me/ivan_dev_2024", LinkSite.Telegram), (only.Kind, only.Normalized, only.Site));
    }

    [Fact]
    public void Text_without_contacts_yields_nothing()
    {
        Assert.Empty(_finder.Find("Ведущий разработчик .NET, опыт 8 лет, английский B2."));
        Assert.Empty(_finder.Find(""));
    }

    [Fact]
    public void No_more_than_the_maximum_number_of_findings_is_reported()
    {
        var text = string.Join("\n", Enumerable.Range(0, 500).Select(i => $"user{i}@example.com"));

        var found = _finder.Find(text);

        Assert.Equal(ContactFinder.MaxFindings, found.Count);
        Assert.Equal(Enumerable.Range(0, ContactFinder.MaxFindings).Select(i => $"user{i}@example.com"), found.Select(c => c.Normalized));
    }
}
