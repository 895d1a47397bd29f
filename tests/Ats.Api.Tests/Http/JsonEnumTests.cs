using System.Text.RegularExpressions;
using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.Http;
using Ats.Api.Vacancies;

namespace Ats.Api.Tests.Http;

public class JsonEnumTests
{
    [Fact]
    public void Single_word_value_is_lower_case_text()
    {
        Assert.Equal("recruiter", JsonEnum.ToText(Role.Recruiter));
        Assert.Equal("admin", JsonEnum.ToText(Role.Admin));
        Assert.Equal("hh", JsonEnum.ToText(SourceSite.Hh));
    }

    [Fact]
    public void Multi_word_value_is_snake_case_lower_text()
    {
        Assert.Equal("stage_changed", JsonEnum.ToText(ApplicationEventKind.StageChanged));
        Assert.Equal("outcome_set", JsonEnum.ToText(ApplicationEventKind.OutcomeSet));
        Assert.Equal("job_ru", JsonEnum.ToText(SourceSite.JobRu));
    }

    [Theory]
    [InlineData("stage_changed")]
    [InlineData("STAGE_CHANGED")]
    [InlineData("Stage_Changed")]
    [InlineData("  stage_changed  ")]
    public void Parsing_is_case_insensitive_and_ignores_surrounding_whitespace(string text)
    {
        Assert.True(JsonEnum.TryParse<ApplicationEventKind>(text, out var value));
        Assert.Equal(ApplicationEventKind.StageChanged, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("superuser")]
    [InlineData("0")]
    [InlineData("2")]
    [InlineData("admin,recruiter")]
    [InlineData("admi")]
    public void Unknown_text_is_rejected_and_gives_the_default_value(string? text)
    {
        Assert.False(JsonEnum.TryParse<Role>(text, out var value));
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData("StageChanged")]
    [InlineData("stagechanged")]
    [InlineData("stage-changed")]
    [InlineData("stage changed")]
    public void Only_the_snake_case_spelling_is_accepted_for_multi_word_values(string text)
    {
        Assert.False(JsonEnum.TryParse<ApplicationEventKind>(text, out _));
    }

    [Fact]
    public void Allowed_lists_every_value_text_comma_separated()
    {
        var allowed = JsonEnum.Allowed<ApplicationEventKind>().Split(", ");

        Assert.Equal(["created", "outcome_set", "reopened", "stage_changed"], allowed.Order());
    }

    [Fact]
    public void Every_enum_in_the_api_round_trips_through_its_text()
    {
        AssertRoundTrips<Role>();
        AssertRoundTrips<CandidateStatus>();
        AssertRoundTrips<Gender>();
        AssertRoundTrips<ContactKind>();
        AssertRoundTrips<SourceSite>();
        AssertRoundTrips<NoteKind>();
        AssertRoundTrips<LinkSite>();
        AssertRoundTrips<DatePrecision>();
        AssertRoundTrips<VacancyStatus>();
        AssertRoundTrips<ApplicationStage>();
        AssertRoundTrips<ApplicationOutcome>();
        AssertRoundTrips<ApplicationEventKind>();
    }

    private static void AssertRoundTrips<T>() where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var texts = values.Select(JsonEnum.ToText).ToList();

        Assert.Equal(values.Length, texts.Distinct().Count());
        Assert.All(texts, t => Assert.Matches(SnakeCase(), t));
        foreach (var value in values)
        {
            Assert.True(JsonEnum.TryParse<T>(JsonEnum.ToText(value), out var parsed));
            Assert.Equal(value, parsed);
            Assert.True(JsonEnum.TryParse<T>(JsonEnum.ToText(value).ToUpperInvariant(), out var upper));
            Assert.Equal(value, upper);
        }
        Assert.Equal(texts.Order(), JsonEnum.Allowed<T>().Split(", ").Order());
    }

    private static Regex SnakeCase() => new("^[a-z][a-z0-9]*(_[a-z0-9]+)*$");
}
