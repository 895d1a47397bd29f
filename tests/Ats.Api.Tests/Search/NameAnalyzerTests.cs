using Ats.Api.Search.Analysis;

namespace Ats.Api.Tests.Search;

public class NameAnalyzerTests
{
    private static readonly NameAnalyzer Surnames = new(surnameForms: true);
    private static readonly NameAnalyzer GivenNames = new(surnameForms: false);

    [Theory]
    [InlineData("Петров", "петров")]
    [InlineData("ПЕТРОВА", "петров")]
    [InlineData("Петровым", "петров")]
    [InlineData("Ковалёва", "ковалев")]
    [InlineData("Королёв", "королев")]
    [InlineData("Достоевская", "достоевский")]
    public void Surname_field_folds_case_gender_and_yo(string surname, string key)
    {
        Assert.Equal([key], Tokens.Of(Surnames, surname));
    }

    [Theory]
    [InlineData("Разработчиков", "разработчиков")]
    [InlineData("Иванов", "иванов")]
    [InlineData("Иван", "иван")]
    public void Names_are_never_stemmed(string surname, string key)
    {
        Assert.Equal([key], Tokens.Of(Surnames, surname));
    }

    [Theory]
    [InlineData("Пётр", "петр")]
    [InlineData("Марина", "марина")]
    [InlineData("Ирина", "ирина")]
    [InlineData("Сергеевна", "сергеевна")]
    public void Given_name_fields_only_lower_case_and_fold_yo(string name, string token)
    {
        Assert.Equal([token], Tokens.Of(GivenNames, name));
    }

    [Fact]
    public void Double_barrelled_surnames_are_found_by_either_part()
    {
        Assert.Equal(["римский", "корсаков"], Tokens.Of(Surnames, "Римский-Корсакова"));
    }

    [Fact]
    public void Latin_diacritics_of_transliterated_names_are_folded()
    {
        Assert.Equal(["sceglova"], Tokens.Of(Surnames, "Ščeglova"));
    }
}
