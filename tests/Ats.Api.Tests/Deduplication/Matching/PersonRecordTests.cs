using Ats.Api.Deduplication.Matching;

namespace Ats.Api.Tests.Deduplication.Matching;

public class PersonRecordTests
{
    [Fact]
    public void Raw_record_is_parsed_and_normalised_and_what_cannot_be_normalised_is_left_out()
    {
        var record = PersonRecord.FromRaw("  ИВАНОВ Иван Иванович ",
            phones: ["8 (999) 123-45-67", "+7 999 123 45 67", "123"],
            emails: ["Ivan.Ivanov+hh@GoogleMail.com", "not an e-mail"],
            links: ["linkedin.com/in/Ivan-Ivanov/", "@ivan_tg"]);

        Assert.Equal(("Иванов", "Иван", "Иванович"), (record.Surname, record.FirstName, record.Patronymic));
        Assert.Equal("ИВАНОВ Иван Иванович", record.NameText);
        Assert.Equal(["+79991234567"], record.Phones);
        Assert.Equal(["ivanivanov@gmail.com"], record.Emails);
        Assert.Equal(["https://www.linkedin.com/in/ivan-ivanov", "https://t.me/ivan_tg"], record.ProfileLinks);
    }

    [Fact]
    public void Name_text_is_composed_from_the_parts_when_nothing_was_shown()
    {
        var record = new PersonRecord { Surname = "Петрова", FirstName = "Анна" };

        Assert.Equal("Петрова Анна", record.NameText);
    }
}
