using Ats.Api.Resumes.TextExtraction;

namespace Ats.Api.Tests.Resumes.TextExtraction;

public sealed class PdfTextExtractorTests
{
    private static readonly ExtractionLimits Limits = new();
    private readonly PdfTextExtractor _extractor = new();

    private string Extract(byte[] bytes) => _extractor.Extract(new MemoryStream(bytes), Limits, CancellationToken.None);

    private string ExtractFile(string folder, string file)
    {
        using var stream = File.OpenRead(TestData.HostileAndFormats(folder, file));
        return _extractor.Extract(stream, Limits, CancellationToken.None);
    }

    [Fact]
    public void Tika_sample_pdf_yields_its_known_text() =>
        Assert.Contains("Content Analysis Toolkit", ExtractFile("tika", "testPDF.pdf"));

    [Fact]
    public void Pdf_with_embedded_cyrillic_font_round_trips_russian_text()
    {
        var text = Extract(PdfSamples.Cyrillic("Иванов Иван Иванович", "Ведущий разработчик 1С, Казань", "Ёлкин Пётр"));
        Assert.Contains("Иванов Иван Иванович", text);
        Assert.Contains("Ведущий разработчик 1С, Казань", text);
        Assert.Contains("Ёлкин Пётр", text);
    }

    [Fact]
    public void Two_column_resume_reads_one_column_after_the_other()
    {
        string[] left = ["Experience", "Senior developer at Alpha", "Built payment systems", "Led a team of five"];
        string[] right = ["Skills", "Java Kotlin Kafka", "PostgreSQL Redis", "English fluent"];
        var text = Extract(PdfSamples.TwoColumns(left, right));
        var leftEnd = text.IndexOf("Led a team of five", StringComparison.Ordinal);
        var rightStart = text.IndexOf("Skills", StringComparison.Ordinal);
        Assert.True(leftEnd >= 0 && rightStart >= 0, text);
        var inOrder = leftEnd < rightStart || text.IndexOf("English fluent", StringComparison.Ordinal) < text.IndexOf("Experience", StringComparison.Ordinal);
        Assert.True(inOrder, "columns interleaved:\n" + text);
        Assert.DoesNotContain("Senior developer at Alpha Java", text);
    }

    [Fact]
    public void Image_only_pdf_is_reported_as_a_scan()
    {
        var e = Assert.Throws<ExtractionException>(() => Extract(PdfSamples.ImageOnly()));
        Assert.Equal(FailureReason.ScannedImage, e.Reason);
    }

    [Theory]
    [InlineData("pdfpig", "encrypted-password-is-password.pdf")]
    [InlineData("tika", "testPassword4Spaces.pdf")]
    [InlineData("tika", "testUnicodePassword.pdf")]
    public void Password_protected_pdf_is_reported_as_encrypted(string folder, string file)
    {
        var e = Assert.Throws<ExtractionException>(() => ExtractFile(folder, file));
        Assert.Equal(FailureReason.Encrypted, e.Reason);
    }

    [Fact]
    public void Pdf_encrypted_with_an_empty_user_password_is_read()
    {
        // Tika asserts the heading "RETHINKING THE FINANCIAL NETWORK"; its widely spaced words come out in
        // layout blocks ("THE" before "RETHINKING FINANCIAL"), so each word is checked, not the phrase.
        var text = ExtractFile("tika", "testPDF_protected.pdf");
        Assert.All(["RETHINKING", "THE", "FINANCIAL", "NETWORK"], word => Assert.Contains(word, text));
    }

    [Fact]
    public void Not_a_pdf_is_corrupt()
    {
        var e = Assert.Throws<ExtractionException>(() => Extract("%PDF-1.7\nthis is not really a pdf"u8.ToArray()));
        Assert.Equal(FailureReason.Corrupt, e.Reason);
    }

    [Fact]
    public void Text_is_cut_at_the_character_limit()
    {
        var lines = Enumerable.Range(0, 40).Select(i => $"Строка номер {i} с текстом резюме").ToArray();
        var text = _extractor.Extract(new MemoryStream(PdfSamples.Cyrillic(lines)), new ExtractionLimits { MaxTextChars = 1000 }, CancellationToken.None);
        Assert.InRange(text.Length, 1, 1000);
    }
}
