using Ats.Api.Deduplication.Names;

namespace Ats.Api.Tests.Deduplication.Names;

/// <summary>
/// Transliteration.ToLatin implements each scheme from its published rules; the iuliia sample pairs of the same
/// schemes are an independent check that the rules were read right.
/// </summary>
public class TransliterationSchemeTests
{
    public static TheoryData<TransliterationScheme, string> SchemesWithSamples() => new()
    {
        { TransliterationScheme.Icao9303, "icao_doc_9303" },
        { TransliterationScheme.Mvd310, "mvd_310" },
        { TransliterationScheme.Mvd782, "mvd_782" },
        { TransliterationScheme.BgnPcgn, "bgn_pcgn" },
        { TransliterationScheme.Gost779A, "gost_779" },
        { TransliterationScheme.Gost779B, "gost_779_alt" },
        { TransliterationScheme.Wikipedia, "wikipedia" },
        { TransliterationScheme.YandexMaps, "yandex_maps" },
        { TransliterationScheme.YandexMoney, "yandex_money" },
        { TransliterationScheme.Telegram, "telegram" },
    };

    [Theory]
    [MemberData(nameof(SchemesWithSamples))]
    public void Scheme_reproduces_every_published_sample(TransliterationScheme scheme, string samplesFile)
    {
        var samples = TranslitSamples.Of(samplesFile).ToList();
        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            // iuliia writes ё with the Cyrillic letter where the standards print the Latin ë.
            var expected = sample.Latin.Replace('ё', 'ë');
            Assert.Equal(expected, Transliteration.ToLatin(sample.Cyrillic, scheme));
        }
    }

    [Theory]
    [InlineData(TransliterationScheme.Icao9303, "Iuliia Shcheglova")]
    [InlineData(TransliterationScheme.Mvd310, "Yuliya Shcheglova")]
    [InlineData(TransliterationScheme.YandexMoney, "Yuliya Scheglova")]
    [InlineData(TransliterationScheme.Telegram, "Iuliia Sceglova")]
    [InlineData(TransliterationScheme.Gost779A, "Ûliâ Ŝeglova")]
    [InlineData(TransliterationScheme.Gost779B, "Yuliya Shheglova")]
    [InlineData(TransliterationScheme.Informal, "Yulia Shcheglova")]
    public void One_name_is_written_differently_by_each_scheme(TransliterationScheme scheme, string expected)
    {
        Assert.Equal(expected, Transliteration.ToLatin("Юлия Щеглова", scheme));
    }

    [Fact]
    public void Passport_capitals_stay_capitals()
    {
        Assert.Equal("SHCHEGLOVA IULIIA", Transliteration.ToLatin("ЩЕГЛОВА ЮЛИЯ", TransliterationScheme.Icao9303));
    }

    [Fact]
    public void Text_that_is_not_cyrillic_is_kept_as_it_is()
    {
        Assert.Equal("Ivanov-Petrov, 1990 (Kazan)", Transliteration.ToLatin("Иванов-Petrov, 1990 (Kazan)", TransliterationScheme.Icao9303));
    }

    [Theory]
    [InlineData("Александр", "Alexandr")]
    [InlineData("Ксения", "Xenia")]
    [InlineData("Максим", "Maxim")]
    [InlineData("Мария", "Maria")]
    [InlineData("Артём", "Artyom")]
    public void Informal_spelling_is_what_people_type_for_themselves(string cyrillic, string expected)
    {
        Assert.Equal(expected, Transliteration.ToLatin(cyrillic, TransliterationScheme.Informal));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Nothing_transliterates_to_nothing(string? text)
    {
        Assert.Equal("", Transliteration.ToLatin(text, TransliterationScheme.Icao9303));
    }
}
