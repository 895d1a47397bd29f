using Ats.Api.Deduplication.Matching;

namespace Ats.Api.Tests.Deduplication.Matching;

public class CityKeyTests
{
    [Theory]
    [InlineData("Москва", "Moscow")]
    [InlineData("г. Москва", "МОСКВА")]
    [InlineData("Москва, Россия", "Moscow, Russia")]
    [InlineData("Санкт-Петербург", "СПб")]
    [InlineData("Санкт-Петербург", "St. Petersburg")]
    [InlineData("Казань", "Kazan")]
    [InlineData("Нижний Новгород", "Nizhny Novgorod")]
    [InlineData("Ростов-на-Дону", "Rostov-on-Don")]
    [InlineData("Орёл", "Орел")]
    public void Spellings_of_one_city_meet(string a, string b)
    {
        Assert.True(CityKey.Same(a, b), $"{CityKey.For(a)} / {CityKey.For(b)}");
    }

    [Fact]
    public void Different_cities_and_missing_ones_do_not()
    {
        Assert.False(CityKey.Same("Казань", "Москва"));
        Assert.False(CityKey.Same(null, null));
        Assert.Null(CityKey.For("  "));
    }
}
