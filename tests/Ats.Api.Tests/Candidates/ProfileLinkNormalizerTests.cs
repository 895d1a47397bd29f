using Ats.Api.Candidates;

namespace Ats.Api.Tests.Candidates;

public class ProfileLinkNormalizerTests
{
    private static NormalizedLink Normalized(string raw)
    {
        Assert.True(ProfileLinkNormalizer.TryNormalize(raw, out var link), $"'{raw}' was rejected.");
        Assert.NotNull(link);
        return link;
    }

    [Theory]
    [InlineData("https://hh.ru/resume/0a1b2c3d4e5f")]
    [InlineData("https://www.hh.ru/resume/0a1b2c3d4e5f")]
    [InlineData("https://spb.hh.ru/resume/0a1b2c3d4e5f")]
    [InlineData("https://hh.ru/resume/0a1b2c3d4e5f?hhtmFrom=resume_search_result&query=java")]
    [InlineData("https://hh.ru/resume/0a1b2c3d4e5f/")]
    [InlineData("hh.ru/resume/0a1b2c3d4e5f")]
    [InlineData("www.hh.ru/resume/0a1b2c3d4e5f")]
    [InlineData("http://hh.ru/resume/0a1b2c3d4e5f")]
    [InlineData("https://hh.ru/resume/0A1B2C3D4E5F")]
    [InlineData("https://hh.ru/resume/0a1b2c3d4e5f#contacts")]
    [InlineData("http://headhunter.ru/resume/0a1b2c3d4e5f")]
    [InlineData("  https://ekaterinburg.hh.ru/resume/0a1b2c3d4e5f  ")]
    public void Hh_resume_link_in_any_form_becomes_canonical_hh_ru_resume(string raw)
    {
        var link = Normalized(raw);

        Assert.Equal(LinkSite.Hh, link.Site);
        Assert.Equal("https://hh.ru/resume/0a1b2c3d4e5f", link.Canonical);
    }

    [Fact]
    public void Hh_link_that_is_not_a_resume_is_kept_as_other_site()
    {
        var link = Normalized("https://hh.ru/vacancy/123456");

        Assert.Equal(LinkSite.Other, link.Site);
        Assert.Equal("https://hh.ru/vacancy/123456", link.Canonical);
    }

    [Theory]
    [InlineData("https://ru.linkedin.com/in/Ivan-Ivanov/")]
    [InlineData("https://www.linkedin.com/in/ivan-ivanov")]
    [InlineData("linkedin.com/in/ivan-ivanov?trk=public_profile")]
    [InlineData("http://linkedin.com/in/IVAN-IVANOV/details/experience/")]
    public void Linkedin_profile_becomes_canonical_www_linkedin_in_slug(string raw)
    {
        var link = Normalized(raw);

        Assert.Equal(LinkSite.Linkedin, link.Site);
        Assert.Equal("https://www.linkedin.com/in/ivan-ivanov", link.Canonical);
    }

    [Fact]
    public void Percent_encoded_linkedin_slug_is_decoded()
    {
        var link = Normalized("https://www.linkedin.com/in/%D0%98%D0%B2%D0%B0%D0%BD/");

        Assert.Equal(LinkSite.Linkedin, link.Site);
        Assert.Equal("https://www.linkedin.com/in/иван", link.Canonical);
    }

    [Theory]
    [InlineData("@handle")]
    [InlineData("@Handle")]
    [InlineData("  @HANDLE  ")]
    [InlineData("t.me/Handle")]
    [InlineData("https://t.me/handle")]
    [InlineData("https://telegram.me/handle")]
    [InlineData("https://www.t.me/handle/")]
    [InlineData("https://t.me/handle?start=cv")]
    public void Telegram_handle_or_link_becomes_canonical_t_me_link(string raw)
    {
        var link = Normalized(raw);

        Assert.Equal(LinkSite.Telegram, link.Site);
        Assert.Equal("https://t.me/handle", link.Canonical);
    }

    [Fact]
    public void Telegram_handle_may_contain_underscores_and_digits()
    {
        var link = Normalized("@Ivan_Petrov_1990");

        Assert.Equal(LinkSite.Telegram, link.Site);
        Assert.Equal("https://t.me/ivan_petrov_1990", link.Canonical);
    }

    [Theory]
    [InlineData("https://github.com/User/repo")]
    [InlineData("https://github.com/user")]
    [InlineData("github.com/USER/")]
    [InlineData("https://www.github.com/User/repo/tree/main/src")]
    [InlineData("https://github.com/User?tab=repositories")]
    public void Github_link_becomes_canonical_user_profile(string raw)
    {
        var link = Normalized(raw);

        Assert.Equal(LinkSite.Github, link.Site);
        Assert.Equal("https://github.com/user", link.Canonical);
    }

    [Fact]
    public void Superjob_link_is_canonical_www_superjob_lower_case_path()
    {
        var link = Normalized("https://spb.superjob.ru/resume/Ivan-Petrov-123.html?from=search");

        Assert.Equal(LinkSite.Superjob, link.Site);
        Assert.Equal("https://www.superjob.ru/resume/ivan-petrov-123.html", link.Canonical);
    }

    [Theory]
    [InlineData("https://Example.com/Path/Page/?a=1", "https://example.com/Path/Page?a=1")]
    [InlineData("https://www.example.com/portfolio", "https://example.com/portfolio")]
    [InlineData("http://example.com:8080/cv/", "http://example.com:8080/cv")]
    [InlineData("https://example.com:443/cv", "https://example.com/cv")]
    [InlineData("https://example.com", "https://example.com")]
    [InlineData("https://example.com/a#fragment", "https://example.com/a")]
    [InlineData("habr.com/ru/users/ivan", "https://habr.com/ru/users/ivan")]
    [InlineData("https://пример.рф/cv", "https://xn--e1afmkfd.xn--p1ai/cv")]
    public void Other_site_keeps_scheme_path_and_query_with_lower_case_host(string raw, string canonical)
    {
        var link = Normalized(raw);

        Assert.Equal(LinkSite.Other, link.Site);
        Assert.Equal(canonical, link.Canonical);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a url")]
    [InlineData("ftp://x.y")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://localhost/cv")]
    [InlineData("@")]
    [InlineData("@bad-handle")]
    [InlineData("@ handle")]
    [InlineData("ivan@example.com")]
    [InlineData("mailto:ivan@example.com")]
    [InlineData("https://user:secret@example.com/cv")]
    public void Garbage_is_rejected_with_no_link(string? raw)
    {
        Assert.False(ProfileLinkNormalizer.TryNormalize(raw, out var link));
        Assert.Null(link);
    }

    [Fact]
    public void Text_longer_than_2000_characters_is_rejected()
    {
        var raw = "https://example.com/" + new string('a', 2000);

        Assert.False(ProfileLinkNormalizer.TryNormalize(raw, out var link));
        Assert.Null(link);
    }

    [Theory]
    [InlineData("HTTPS://WWW.HH.RU/RESUME/ABC123", "https://hh.ru/resume/abc123")]
    [InlineData("https://www.linkedin.com/IN/Ivan-Ivanov", "https://www.linkedin.com/in/ivan-ivanov")]
    public void Upper_case_paths_are_recognised_as_site_profiles(string raw, string expected)
    {
        Assert.True(ProfileLinkNormalizer.TryNormalize(raw, out var link));
        Assert.Equal(expected, link!.Canonical);
    }
}
