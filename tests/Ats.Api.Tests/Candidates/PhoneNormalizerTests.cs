using Ats.Api.Candidates;

namespace Ats.Api.Tests.Candidates;

public class PhoneNormalizerTests
{
    private readonly PhoneNormalizer _ru = new("RU");

    private static NormalizedPhone Normalized(PhoneNormalizer normalizer, string raw)
    {
        Assert.True(normalizer.TryNormalize(raw, out var phone), $"'{raw}' was rejected.");
        Assert.NotNull(phone);
        return phone;
    }

    [Fact]
    public void Russian_number_with_leading_8_normalises_to_plus_7()
    {
        var phone = Normalized(_ru, "8 999 123-45-67");

        Assert.Equal("+79991234567", phone.E164);
        Assert.Null(phone.Extension);
    }

    [Theory]
    [InlineData("+7 (999) 123-45-67")]
    [InlineData("79991234567")]
    [InlineData("9991234567")]
    [InlineData("8(999)1234567")]
    [InlineData("+7 999 123 45 67")]
    [InlineData("+79991234567")]
    [InlineData("7 (999) 123-45-67")]
    [InlineData("  8 999 123 45 67  ")]
    public void Russian_mobile_written_any_common_way_normalises_to_the_same_E164(string raw)
    {
        var phone = Normalized(_ru, raw);

        Assert.Equal("+79991234567", phone.E164);
        Assert.Null(phone.Extension);
    }

    [Theory]
    [InlineData("8\u00A0999\u00A0123\u201045\u201367")] // no-break spaces, hyphen, en dash
    [InlineData("+7\u202F999\u2014123\u221245\u221267")] // narrow no-break space, em dash, minus sign
    [InlineData("8\u2007999\u2007123\u201145\u201267")] // figure spaces, non-breaking hyphen, figure dash
    [InlineData("8\t999\t123-45-67")]
    [InlineData("\uFF0B7 999 123 45 67")] // fullwidth plus
    public void Typographic_spaces_dashes_and_plus_pasted_from_documents_are_understood(string raw)
    {
        Assert.Equal("+79991234567", Normalized(_ru, raw).E164);
    }

    [Theory]
    [InlineData("тел.: 8-999-123-45-67")]
    [InlineData("тел. 8 999 123 45 67")]
    [InlineData("Tel: +7 999 123 45 67")]
    public void Leading_label_text_before_the_number_is_ignored(string raw)
    {
        Assert.Equal("+79991234567", Normalized(_ru, raw).E164);
    }

    [Fact]
    public void Moscow_landline_with_leading_8_normalises_to_plus_7_495()
    {
        Assert.Equal("+74951234567", Normalized(_ru, "8 (495) 123-45-67").E164);
    }

    [Fact]
    public void Moscow_landline_without_trunk_prefix_is_read_as_russian_national_number()
    {
        Assert.Equal("+74951234567", Normalized(_ru, "495 123 45 67").E164);
    }

    [Fact]
    public void Russian_toll_free_8_800_number_normalises_to_plus_7_800()
    {
        Assert.Equal("+78005553535", Normalized(_ru, "8 800 555-35-35").E164);
    }

    [Theory]
    [InlineData("+7 (999) 123-45-67 доб. 12", "12")]
    [InlineData("8 999 123 45 67 доб 12", "12")]
    [InlineData("+7 999 123-45-67, доб. 1234", "1234")]
    [InlineData("8 999 123 45 67 ext. 345", "345")]
    [InlineData("8 999 123 45 67 x12", "12")]
    [InlineData("8 999 123 45 67 #12", "12")]
    [InlineData("8 999 123 45 67#12", "12")]
    [InlineData("8 999 123-45-67 12#", "12")]
    public void Extension_is_captured_apart_from_the_E164_number(string raw, string extension)
    {
        var phone = Normalized(_ru, raw);

        Assert.Equal("+79991234567", phone.E164);
        Assert.Equal(extension, phone.Extension);
    }

    [Theory]
    [InlineData("+1 650 253 0000", "+16502530000")] // USA
    [InlineData("+44 20 7946 0958", "+442079460958")] // United Kingdom
    [InlineData("+49 30 123456", "+4930123456")] // Germany
    [InlineData("+375 29 123-45-67", "+375291234567")] // Belarus
    [InlineData("+380 44 123 4567", "+380441234567")] // Ukraine
    [InlineData("+86 138 0013 8000", "+8613800138000")] // China
    public void Foreign_number_with_plus_keeps_its_own_country_code(string raw, string e164)
    {
        Assert.Equal(e164, Normalized(_ru, raw).E164);
    }

    [Fact]
    public void Kazakhstan_number_shares_country_code_7_and_stays_plus_7()
    {
        Assert.Equal("+77271234567", Normalized(_ru, "+7 727 123 4567").E164);
    }

    [Fact]
    public void Foreign_number_written_without_plus_is_read_as_international_when_not_possible_as_russian()
    {
        Assert.Equal("+375291234567", Normalized(_ru, "375 29 123-45-67").E164);
    }

    [Fact]
    public void German_default_region_reads_national_trunk_prefix_0()
    {
        var de = new PhoneNormalizer("DE");

        Assert.Equal("+4930123456", Normalized(de, "030 123456").E164);
        Assert.Equal("+4915123456789", Normalized(de, "0151 23456789").E164);
    }

    [Fact]
    public void German_default_region_still_reads_explicit_russian_international_number()
    {
        Assert.Equal("+79991234567", Normalized(new PhoneNormalizer("DE"), "+7 999 123 45 67").E164);
    }

    [Fact]
    public void Default_region_is_russia_and_exposed()
    {
        var normalizer = new PhoneNormalizer();

        Assert.Equal("RU", normalizer.DefaultRegion);
        Assert.Equal("+79991234567", Normalized(normalizer, "8 999 123-45-67").E164);
        Assert.Equal("DE", new PhoneNormalizer("DE").DefaultRegion);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("12")]
    [InlineData("123-45")]
    [InlineData("++++")]
    [InlineData("1234567890123456789012345678901234567890")]
    [InlineData("not a phone")]
    [InlineData("ivan.petrov@example.com")]
    [InlineData("+7 999 123")]
    [InlineData("8 999 123-45-678")]
    [InlineData("+0 123 456 7890")]
    [InlineData("+7 999 123 45 67 +7 999 000 00 00")]
    [InlineData("8-999-123-45-67 / 8-999-765-43-21")]
    public void Garbage_is_rejected_with_no_phone(string? raw)
    {
        Assert.False(_ru.TryNormalize(raw, out var phone));
        Assert.Null(phone);
    }

    [Theory]
    [InlineData("123-45-67")]
    [InlineData("1234567")]
    [InlineData("12345678")]
    public void Local_number_without_area_code_is_rejected_rather_than_given_a_wrong_E164(string raw)
    {
        Assert.False(_ru.TryNormalize(raw, out var phone));
        Assert.Null(phone);
    }

    [Fact]
    public void Text_longer_than_64_characters_is_rejected_even_with_a_number_inside()
    {
        var padded = new string(' ', 30) + "+7 999 123 45 67" + new string(' ', 30);

        Assert.True(_ru.TryNormalize(padded.Trim(), out _));
        Assert.False(_ru.TryNormalize(padded, out var phone));
        Assert.Null(phone);
    }
}
