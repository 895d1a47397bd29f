using Ats.Api.Search.Analysis;

namespace Ats.Api.Tests.Search;

public class TextAnalyzerTests
{
    private static readonly TextAnalyzer Analyzer = new();

    private static List<string> Tokens(string text) => Search.Tokens.Of(Analyzer, text);

    private static string Single(string text) => Assert.Single(Tokens(text));

    [Theory]
    [InlineData("разработчик")]
    [InlineData("разработчика")]
    [InlineData("разработчику")]
    [InlineData("разработчиками")]
    [InlineData("Разработчиков")]
    public void Russian_word_forms_share_one_stem(string word)
    {
        Assert.Equal("разработчик", Single(word));
    }

    [Theory]
    [InlineData("ёлка", "елка")]
    [InlineData("Ёлки", "елки")]
    [InlineData("актёр", "актер")]
    [InlineData("актёрами", "актерами")]
    [InlineData("Королёв", "Королев")]
    public void Words_with_yo_stem_like_their_spelling_with_ye(string withYo, string withYe)
    {
        Assert.Equal(Single(withYe), Single(withYo));
        Assert.DoesNotContain('ё', Single(withYo));
    }

    [Theory]
    [InlineData("developer", "develop")]
    [InlineData("developers", "develop")]
    [InlineData("Developing", "develop")]
    [InlineData("Kubernetes", "kubernet")]
    [InlineData("companies", "compani")]
    public void English_words_are_stemmed_with_the_english_stemmer(string word, string stem)
    {
        Assert.Equal(stem, Single(word));
    }

    [Fact]
    public void Each_word_of_a_mixed_sentence_is_stemmed_by_its_own_language()
    {
        Assert.Equal(["разработк", "микросервис", "на", "spring", "boot", "и", "kafka"],
            Tokens("Разработка микросервисов на Spring Boot и Kafka"));
    }

    [Theory]
    [InlineData("C#")]
    [InlineData("c#")]
    [InlineData("csharp")]
    [InlineData("CSharp")]
    [InlineData("С#")]
    public void CSharp_in_any_spelling_is_one_token(string spelling)
    {
        Assert.Equal("csharp", Single(spelling));
    }

    [Theory]
    [InlineData("1С", "1c")]
    [InlineData("1с", "1c")]
    [InlineData("1C", "1c")]
    [InlineData("1c", "1c")]
    [InlineData("C++", "cplusplus")]
    [InlineData("с++", "cplusplus")]
    [InlineData(".NET", "dotnet")]
    [InlineData("F#", "fsharp")]
    public void Technology_names_survive_tokenizing(string spelling, string token)
    {
        Assert.Equal(token, Single(spelling));
    }

    [Fact]
    public void Technology_names_inside_text_are_kept_with_their_neighbours()
    {
        Assert.Equal(["c", "cplusplus", "csharp", "dotnet", "asp", "dotnet", "core", "1c", "предприят", "8.3"],
            Tokens("C/C++, C#.NET, ASP.NET Core, 1С:Предприятие 8.3"));
    }

    [Fact]
    public void Stop_words_are_kept_because_IT_and_short_words_are_searched_for()
    {
        Assert.Equal(["it", "рекрутер", "с", "опыт"], Tokens("IT-рекрутер с опытом"));
    }

    [Fact]
    public void Latin_diacritics_are_folded_but_cyrillic_letters_are_not()
    {
        Assert.Equal(["zurich", "resum", "йошкар", "ол"], Tokens("Zürich résumé Йошкар-Ола"));
    }

    [Fact]
    public void Numbers_and_versions_pass_through_unstemmed()
    {
        Assert.Equal(["java", "17", "postgresql", "15.4", "k8s"], Tokens("Java 17, PostgreSQL 15.4, k8s"));
    }
}
