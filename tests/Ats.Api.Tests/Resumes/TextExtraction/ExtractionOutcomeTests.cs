using Ats.Api.Resumes;
using Ats.Api.Resumes.TextExtraction;

namespace Ats.Api.Tests.Resumes.TextExtraction;

public sealed class ExtractionOutcomeTests
{
    [Fact]
    public void Clean_composes_decomposed_letters()
    {
        var clean = ExtractionOutcome.Clean("Е\u0308лкин Андреи\u0306");

        Assert.Equal("Ёлкин Андрей", clean);
        Assert.Equal(12, clean.Length);
    }

    [Fact]
    public void Clean_turns_windows_and_old_mac_line_ends_into_newlines()
    {
        Assert.Equal("Иванов\nИван\nИванович", ExtractionOutcome.Clean("Иванов\r\nИван\rИванович"));
    }

    [Fact]
    public void Clean_removes_control_characters_but_keeps_tabs_and_newlines()
    {
        Assert.Equal("Навыки:\tC#\nSQL", ExtractionOutcome.Clean("Нав\u0000ыки:\tC\u0007#\u001B\nS\u007FQ\u0085L\u0001"));
    }

    [Fact]
    public void Clean_keeps_at_most_one_blank_line_in_a_row()
    {
        Assert.Equal("Опыт\n\nОбразование\n\nНавыки", ExtractionOutcome.Clean("Опыт\n\n\n\n\nОбразование\r\n\r\n\r\n\r\nНавыки"));
    }

    [Fact]
    public void Clean_treats_lines_of_spaces_and_control_characters_as_blank()
    {
        Assert.Equal("Опыт\n\nНавыки", ExtractionOutcome.Clean("Опыт\n   \n\t\n \u0000 \nНавыки"));
    }

    [Fact]
    public void Clean_trims_the_leading_spaces_of_every_line_and_the_whole_text()
    {
        Assert.Equal("Иванов Иван\nРазработчик\nМосква", ExtractionOutcome.Clean("\n\n   Иванов Иван\n\t\tРазработчик\n \t Москва  \n\n"));
    }

    [Fact]
    public void Clean_collapses_runs_of_spaces_inside_a_line()
    {
        Assert.Equal("Иванов Иван", ExtractionOutcome.Clean("Иванов      Иван"));
    }

    [Fact]
    public void Clean_drops_invisible_characters_that_would_split_words()
    {
        Assert.Equal("Иванов", ExtractionOutcome.Clean("\uFEFFИва\u200Bнов\u00AD"));
    }

    [Fact]
    public void Clean_replaces_a_lone_surrogate_instead_of_failing()
    {
        Assert.Equal("Иван \uFFFD Иванов \uFFFD", ExtractionOutcome.Clean("Иван \uD83D Иванов \uDE00"));
    }

    [Fact]
    public void Clean_keeps_characters_outside_the_basic_plane()
    {
        Assert.Equal("Готов к переезду \U0001F680", ExtractionOutcome.Clean("Готов к переезду \U0001F680"));
    }

    [Fact]
    public void Clean_of_nothing_but_whitespace_and_controls_is_empty()
    {
        Assert.Equal("", ExtractionOutcome.Clean(" \t\r\n\u0000\n\n  "));
    }

    [Theory]
    [InlineData("Иванов Иван Иванович, ведущий разработчик, Москва", "ru")]
    [InlineData("John Smith, senior software engineer, London", "en")]
    [InlineData("Разработчик C#, опыт работы с PostgreSQL", "ru")]
    [InlineData("Senior .NET developer, английский B2", "en")]
    [InlineData("Київ, Україна", "ru")]
    [InlineData("abc где", "ru")]
    [InlineData("+7 (999) 123-45-67, 2019 - 2023", null)]
    [InlineData("", null)]
    public void DetectLanguage_follows_the_larger_alphabet_and_ties_go_to_russian(string text, string? expected)
    {
        Assert.Equal(expected, ExtractionOutcome.DetectLanguage(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \t\r\n \n\n\t ")]
    [InlineData("\u0000\u0001\n\u000C")]
    public void FromText_of_whitespace_is_empty(string text)
    {
        var outcome = ExtractionOutcome.FromText(text);

        Assert.Equal(ExtractionStatus.Empty, outcome.Status);
        Assert.Equal("", outcome.Text);
        Assert.Null(outcome.Reason);
        Assert.Null(outcome.Detail);
    }

    [Fact]
    public void FromText_of_punctuation_only_is_empty()
    {
        Assert.Equal(ExtractionStatus.Empty, ExtractionOutcome.FromText("-----\n.....\n_____ | ||").Status);
    }

    [Fact]
    public void FromText_with_words_is_extracted_and_cleaned()
    {
        var outcome = ExtractionOutcome.FromText("\r\n   Иванов Иван\r\n\r\n\r\n\tРазработчик\u0000  ");

        Assert.Equal(ExtractionStatus.Extracted, outcome.Status);
        Assert.Equal("Иванов Иван\n\nРазработчик", outcome.Text);
        Assert.Null(outcome.Reason);
    }

    [Fact]
    public void FromText_with_a_lone_surrogate_is_still_extracted()
    {
        var outcome = ExtractionOutcome.FromText("Иванов\uDC00 Иван");

        Assert.Equal(ExtractionStatus.Extracted, outcome.Status);
        Assert.Equal("Иванов\uFFFD Иван", outcome.Text);
    }

    [Fact]
    public void Failed_carries_the_reason_and_no_text()
    {
        var outcome = ExtractionOutcome.Failed(FailureReason.Corrupt, "Damaged compound file.");

        Assert.Equal((ExtractionStatus.Failed, (string?)null, (FailureReason?)FailureReason.Corrupt, "Damaged compound file."), (outcome.Status, outcome.Text, outcome.Reason, outcome.Detail));
    }
}
