using Ats.Api.Candidates;

namespace Ats.Api.Tests.Candidates;

public class EmailNormalizerTests
{
    private static string Normalized(string raw)
    {
        Assert.True(EmailNormalizer.TryNormalize(raw, out var normalized), $"'{raw}' was rejected.");
        return normalized;
    }

    [Fact]
    public void Address_is_trimmed_and_lower_cased()
    {
        Assert.Equal("ivan.petrov@example.com", Normalized("  Ivan.Petrov@Example.COM \t"));
    }

    [Theory]
    [InlineData("<ivan@example.com>")]
    [InlineData("mailto:ivan@example.com")]
    [InlineData("MAILTO:Ivan@Example.com")]
    [InlineData("<mailto:ivan@example.com>")]
    [InlineData("\"ivan@example.com\"")]
    [InlineData("'ivan@example.com'")]
    [InlineData(" < ivan@example.com > ")]
    public void Angle_brackets_quotes_and_mailto_prefix_are_stripped(string raw)
    {
        Assert.Equal("ivan@example.com", Normalized(raw));
    }

    [Fact]
    public void Trailing_dot_of_a_fully_qualified_domain_is_dropped()
    {
        Assert.Equal("ivan@example.com", Normalized("ivan@example.com."));
    }

    [Theory]
    [InlineData("i.v.a.n@gmail.com")]
    [InlineData("ivan+jobs@gmail.com")]
    [InlineData("I.Van+hh.ru@Gmail.com")]
    [InlineData("ivan@googlemail.com")]
    [InlineData("iva.n+tag@GoogleMail.com")]
    public void Gmail_ignores_dots_and_plus_tags_and_googlemail_is_gmail(string raw)
    {
        Assert.Equal("ivan@gmail.com", Normalized(raw));
    }

    [Theory]
    [InlineData("ivan+tag@yandex.ru", "ivan+tag@yandex.ru")]
    [InlineData("Ivan.Petrov@Mail.ru", "ivan.petrov@mail.ru")]
    [InlineData("ivan.petrov+hh@company.com", "ivan.petrov+hh@company.com")]
    [InlineData("ivan@gmail.com.ru", "ivan@gmail.com.ru")]
    public void Other_providers_keep_plus_tags_and_dots(string raw, string expected)
    {
        Assert.Equal(expected, Normalized(raw));
    }

    [Fact]
    public void Cyrillic_domain_becomes_punycode_and_local_part_stays_unicode()
    {
        Assert.Equal("иван@xn--80a1acny.xn--p1ai", Normalized("иван@почта.рф"));
    }

    [Fact]
    public void Upper_case_cyrillic_address_is_lower_cased_before_punycode()
    {
        Assert.Equal("иван@xn--80a1acny.xn--p1ai", Normalized("ИВАН@ПОЧТА.РФ"));
    }

    [Fact]
    public void Latin_idn_domain_becomes_punycode()
    {
        Assert.Equal("ivan@xn--bcher-kva.de", Normalized("ivan@bücher.de"));
    }

    [Fact]
    public void Same_mailbox_written_differently_normalises_to_one_form()
    {
        var forms = new[] { "Ivan.Petrov+hh@googlemail.com", "<ivanpetrov@GMAIL.com>", "mailto:i.van.petrov@gmail.com" }
            .Select(Normalized)
            .Distinct()
            .ToList();

        Assert.Equal(["ivanpetrov@gmail.com"], forms);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ivan")]
    [InlineData("ivan.example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("@example.com")]
    [InlineData("ivan@")]
    [InlineData("iv an@example.com")]
    [InlineData("ivan@exa mple.com")]
    [InlineData("ivan@ example.com")]
    [InlineData("ivan@localhost")]
    [InlineData("ivan@example..com")]
    [InlineData("ivan..petrov@example.com")]
    [InlineData(".ivan@example.com")]
    [InlineData("ivan.@example.com")]
    [InlineData("ivan@1.2.3.4")]
    [InlineData("ivan@example.123")]
    [InlineData("ivan@-example.com")]
    [InlineData("ivan@example-.com")]
    [InlineData("ivan@exa_mple.com")]
    [InlineData("+tag@gmail.com")]
    [InlineData("...@gmail.com")]
    [InlineData("mailto:")]
    public void Garbage_is_rejected_with_empty_output(string? raw)
    {
        Assert.False(EmailNormalizer.TryNormalize(raw, out var normalized));
        Assert.Equal("", normalized);
    }

    [Fact]
    public void Local_part_longer_than_64_characters_is_rejected()
    {
        Assert.True(EmailNormalizer.TryNormalize(new string('a', 64) + "@example.com", out _));
        Assert.False(EmailNormalizer.TryNormalize(new string('a', 65) + "@example.com", out _));
    }

    [Fact]
    public void Domain_label_longer_than_63_characters_is_rejected()
    {
        Assert.True(EmailNormalizer.TryNormalize("ivan@" + new string('a', 63) + ".com", out _));
        Assert.False(EmailNormalizer.TryNormalize("ivan@" + new string('a', 64) + ".com", out _));
    }

    [Fact]
    public void Text_longer_than_320_characters_is_rejected()
    {
        var raw = "ivan@" + string.Join('.', Enumerable.Repeat(new string('a', 60), 6)) + ".com";

        Assert.True(raw.Length > 320);
        Assert.False(EmailNormalizer.TryNormalize(raw, out _));
    }

    [Theory]
    [InlineData("Ivan Petrov <Ivan@Example.com>")]
    [InlineData("\"Петров, Иван\" <ivan@example.com>")]
    public void Display_name_form_yields_the_address_inside_angle_brackets(string raw)
    {
        Assert.True(EmailNormalizer.TryNormalize(raw, out var normalized));
        Assert.Equal("ivan@example.com", normalized);
    }
}
