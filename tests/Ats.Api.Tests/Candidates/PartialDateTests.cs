using Ats.Api.Candidates;

namespace Ats.Api.Tests.Candidates;

public class PartialDateTests
{
    private static PartialDate Parsed(string text)
    {
        Assert.True(PartialDate.TryParse(text, out var date, out var error), $"'{text}' was rejected: {error}");
        Assert.Null(error);
        return date;
    }

    [Fact]
    public void Year_alone_has_year_precision_and_first_of_january()
    {
        var date = Parsed("1990");

        Assert.Equal(DatePrecision.Year, date.Precision);
        Assert.Equal(new DateOnly(1990, 1, 1), date.Value);
    }

    [Fact]
    public void Year_and_month_has_month_precision_and_first_of_month()
    {
        var date = Parsed("1990-05");

        Assert.Equal(DatePrecision.Month, date.Precision);
        Assert.Equal(new DateOnly(1990, 5, 1), date.Value);
    }

    [Fact]
    public void Full_date_has_day_precision()
    {
        var date = Parsed("1990-05-17");

        Assert.Equal(DatePrecision.Day, date.Precision);
        Assert.Equal(new DateOnly(1990, 5, 17), date.Value);
    }

    [Theory]
    [InlineData("1990")]
    [InlineData("1990-05")]
    [InlineData("1990-05-17")]
    [InlineData("1900-01-01")]
    [InlineData("2000-02-29")]
    [InlineData("1985-12")]
    public void Text_form_round_trips(string text)
    {
        var date = Parsed(text);

        Assert.Equal(text, date.ToString());
        Assert.Equal(date, Parsed(date.ToString()));
    }

    [Fact]
    public void Surrounding_whitespace_is_ignored()
    {
        Assert.Equal(new PartialDate(new DateOnly(1990, 5, 1), DatePrecision.Month), Parsed("  1990-05 "));
    }

    [Fact]
    public void Same_first_day_with_different_precision_is_a_different_date()
    {
        Assert.NotEqual(Parsed("1990"), Parsed("1990-01-01"));
        Assert.Equal("1990", Parsed("1990").ToString());
        Assert.Equal("1990-01-01", Parsed("1990-01-01").ToString());
    }

    [Fact]
    public void Leap_day_is_accepted_only_in_leap_years()
    {
        Assert.True(PartialDate.TryParse("2000-02-29", out _, out _));
        Assert.True(PartialDate.TryParse("1996-02-29", out _, out _));
        Assert.False(PartialDate.TryParse("1900-02-29", out _, out _));
        Assert.False(PartialDate.TryParse("1999-02-29", out _, out _));
    }

    [Theory]
    [InlineData("90")]
    [InlineData("1990/05/17")]
    [InlineData("17.05.1990")]
    [InlineData("abcd")]
    [InlineData("1990-5")]
    [InlineData("1990-05-7")]
    [InlineData("1990-05-17-01")]
    [InlineData("1990-")]
    [InlineData("-1990")]
    [InlineData("1990--05")]
    [InlineData("19900")]
    [InlineData("+1990")]
    [InlineData("1990-05-17T00:00")]
    [InlineData("１９９０")]
    public void Wrong_format_is_rejected_with_format_error(string text)
    {
        Assert.False(PartialDate.TryParse(text, out var date, out var error));
        Assert.Equal(default, date);
        Assert.Equal("Use YYYY, YYYY-MM or YYYY-MM-DD.", error);
    }

    [Theory]
    [InlineData("1990-13")]
    [InlineData("1990-00")]
    [InlineData("1990-02-30")]
    [InlineData("1990-04-31")]
    [InlineData("1990-05-00")]
    [InlineData("1990-05-32")]
    [InlineData("1899")]
    [InlineData("0000")]
    public void Impossible_date_or_year_before_1900_is_rejected_with_date_error(string text)
    {
        Assert.False(PartialDate.TryParse(text, out var date, out var error));
        Assert.Equal(default, date);
        Assert.Equal("Not a real date (year from 1900).", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_is_rejected_as_empty(string? text)
    {
        Assert.False(PartialDate.TryParse(text, out var date, out var error));
        Assert.Equal(default, date);
        Assert.Equal("Empty date.", error);
    }
}
