using Ats.Api.Deduplication.Names;

namespace Ats.Api.Tests.Deduplication.Names;

public class DiminutivesTests
{
    [Theory]
    [InlineData("Саша", "Александр", "Александра")]
    [InlineData("Шура", "Александр", "Александра")]
    [InlineData("Женя", "Евгений", "Евгения")]
    [InlineData("Валя", "Валентин", "Валентина")]
    [InlineData("Наташа", "Наталья", "Наталия")]
    public void Short_form_of_two_names_gives_both(string shortForm, string first, string second)
    {
        var full = Diminutives.FullNamesFor(shortForm);
        Assert.Contains(first, full);
        Assert.Contains(second, full);
    }

    [Theory]
    [InlineData("Вася", "Василий")]
    [InlineData("Васёк", "Василий")]
    [InlineData("Василёк", "Василий")]
    [InlineData("Лёша", "Алексей")]
    [InlineData("Алёша", "Алексей")]
    [InlineData("Леша", "Алексей")]
    [InlineData("Дима", "Дмитрий")]
    [InlineData("Миша", "Михаил")]
    [InlineData("Коля", "Николай")]
    [InlineData("Ваня", "Иван")]
    [InlineData("Петя", "Пётр")]
    [InlineData("Серёжа", "Сергей")]
    [InlineData("Таня", "Татьяна")]
    [InlineData("Катя", "Екатерина")]
    [InlineData("Маша", "Мария")]
    [InlineData("Оля", "Ольга")]
    [InlineData("Лена", "Елена")]
    [InlineData("Юля", "Юлия")]
    [InlineData("Настя", "Анастасия")]
    [InlineData("Вова", "Владимир")]
    [InlineData("Володя", "Владимир")]
    [InlineData("Sasha", "Александр")]
    [InlineData("Vanya", "Иван")]
    [InlineData("Dima", "Дмитрий")]
    [InlineData("Seryozha", "Сергей")]
    [InlineData("Serezha", "Сергей")]
    [InlineData("Zhenya", "Евгений")]
    [InlineData("Eugene", "Евгений")]
    [InlineData("Michael", "Михаил")]
    public void Short_latin_and_foreign_forms_lead_to_the_full_name(string name, string fullName)
    {
        Assert.Contains(fullName, Diminutives.FullNamesFor(name));
    }

    [Fact]
    public void Slava_can_be_any_of_the_slav_names()
    {
        var full = Diminutives.FullNamesFor("Слава");
        Assert.Superset(new HashSet<string> { "Вячеслав", "Ярослав", "Святослав", "Станислав" }, full.ToHashSet());
    }

    [Fact]
    public void Full_name_stands_for_itself_and_unknown_name_for_nothing()
    {
        Assert.Equal(new[] { "Иван" }, Diminutives.FullNamesFor("Ivan"));
        Assert.Empty(Diminutives.FullNamesFor("Ктулху"));
        Assert.Empty(Diminutives.FullNamesFor(null));
    }

    [Theory]
    [InlineData("Иван", "иван", FirstNameAgreement.Exact)]
    [InlineData("Артём", "Артем", FirstNameAgreement.Exact)]
    [InlineData("Юлия", "Iuliia", FirstNameAgreement.Transliterated)]
    [InlineData("Julia", "Yulia", FirstNameAgreement.Transliterated)]
    [InlineData("Наталья", "Наталия", FirstNameAgreement.Transliterated)]
    [InlineData("Ваня", "Иван", FirstNameAgreement.Diminutive)]
    [InlineData("Vanya", "Иван", FirstNameAgreement.Diminutive)]
    [InlineData("Sasha", "Александра", FirstNameAgreement.Diminutive)]
    [InlineData("Саша", "Шура", FirstNameAgreement.Diminutive)]
    [InlineData("Лёша", "Aleksei", FirstNameAgreement.Diminutive)]
    [InlineData("Eugene", "Евгений", FirstNameAgreement.ForeignEquivalent)]
    [InlineData("Александр", "Александра", FirstNameAgreement.None)]
    [InlineData("Иван", "Ян", FirstNameAgreement.None)]
    [InlineData("Дима", "Михаил", FirstNameAgreement.None)]
    [InlineData("Иван", "", FirstNameAgreement.None)]
    public void Agreement_reports_its_kind(string a, string b, FirstNameAgreement expected)
    {
        Assert.Equal(expected, Diminutives.Compare(a, b));
        Assert.Equal(expected, Diminutives.Compare(b, a));
        Assert.Equal(expected != FirstNameAgreement.None, Diminutives.SameFirstName(a, b));
    }

    [Fact]
    public void The_table_is_large_and_every_short_form_leads_back_to_its_full_name()
    {
        var entries = FirstNameTable.Entries;
        Assert.True(entries.Count >= 250, $"{entries.Count} full names");
        Assert.True(entries.Count(e => e.ShortForms.Count > 0) >= 120, "full names with short forms");
        Assert.True(entries.Sum(e => e.ShortForms.Count) >= 200, "short forms");
        foreach (var entry in entries)
        {
            Assert.Contains(entry.FullName, Diminutives.FullNamesFor(entry.FullName));
            foreach (var shortForm in entry.ShortForms)
            {
                Assert.Contains(entry.FullName, Diminutives.FullNamesFor(shortForm));
            }
        }
    }

    [Fact]
    public void No_two_different_full_names_of_the_table_share_a_key_unless_they_are_spelling_variants()
    {
        // Spelling variants of one name listed on purpose: both spellings are in use.
        var variants = new HashSet<string> { "Наталья", "Наталия", "София", "Софья", "Камила", "Камилла" };
        var collisions = FirstNameTable.Entries
            .GroupBy(e => Transliteration.NameKey(e.FullName))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(e => e.FullName))
            .ToList();
        Assert.All(collisions, name => Assert.Contains(name, variants));
    }
}
