using System.Text;
using Ats.Api.Resumes.TextExtraction;

namespace Ats.Api.Tests.Resumes.TextExtraction;

public sealed class PlainTextExtractorTests
{
    private const string Resume = TextEncodingDetectorTests.Resume;

    private readonly PlainTextExtractor _extractor = new();

    private string Extract(byte[] bytes, ExtractionLimits? limits = null) =>
        _extractor.Extract(new MemoryStream(bytes, writable: false), limits ?? new ExtractionLimits(), CancellationToken.None);

    private static byte[] WithPreamble(Encoding encoding, string text) => [.. encoding.Preamble, .. encoding.GetBytes(text)];

    [Fact]
    public void Reads_tika_cp866_sample_as_russian()
    {
        var text = Extract(File.ReadAllBytes(TestData.HostileAndFormats("tika", "russian.cp866.txt")));

        Assert.StartsWith("Однажды, в студеную зимнюю пору,\nЯ из лесу вышел; был сильный мороз.", text);
        Assert.Contains("Лошадку ведет под уздцы мужичок", text);
    }

    [Theory]
    [InlineData("utf-8 with BOM")]
    [InlineData("utf-8")]
    [InlineData("utf-16LE with BOM")]
    [InlineData("utf-16BE with BOM")]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32LE with BOM")]
    public void Resume_in_a_unicode_encoding_comes_back_unchanged(string form)
    {
        var bytes = form switch
        {
            "utf-8 with BOM" => WithPreamble(Encoding.UTF8, Resume),
            "utf-8" => Encoding.UTF8.GetBytes(Resume),
            "utf-16LE with BOM" => WithPreamble(Encoding.Unicode, Resume),
            "utf-16BE with BOM" => WithPreamble(Encoding.BigEndianUnicode, Resume),
            "utf-16LE" => Encoding.Unicode.GetBytes(Resume),
            "utf-16BE" => Encoding.BigEndianUnicode.GetBytes(Resume),
            _ => WithPreamble(Encoding.UTF32, Resume),
        };

        Assert.Equal(Resume, Extract(bytes));
    }

    [Theory]
    [InlineData(1251)]
    [InlineData(20866)]
    [InlineData(866)]
    public void Resume_in_a_cyrillic_code_page_comes_back_unchanged(int codePage)
    {
        var text = TextEncodingDetectorTests.Encodable(Resume, codePage);

        Assert.Equal(text, Extract(TextEncodingDetectorTests.CodePage(codePage).GetBytes(text)));
    }

    [Theory]
    [InlineData(1251)]
    [InlineData(20866)]
    [InlineData(866)]
    public void A_name_alone_comes_back_unchanged_in_each_cyrillic_code_page(int codePage)
    {
        var bytes = TextEncodingDetectorTests.CodePage(codePage).GetBytes(TextEncodingDetectorTests.ShortName);

        Assert.Equal(TextEncodingDetectorTests.ShortName, Extract(bytes));
    }

    [Fact]
    public void English_text_comes_back_unchanged()
    {
        const string text = "John Smith\nSenior .NET Developer, London\nPhone: +44 20 7946 0958";

        Assert.Equal(text, Extract(Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData("Café résumé")]
    [InlineData("Curriculum vitæ — François Müller, Zürich")]
    public void Western_1252_text_with_accents_comes_back_unchanged(string text)
    {
        Assert.Equal(text, Extract(TextEncodingDetectorTests.CodePage(1252).GetBytes(text)));
    }

    [Fact]
    public void Line_endings_become_newlines_and_control_characters_are_dropped()
    {
        var bytes = Encoding.UTF8.GetBytes("\r\n  Иван\r\nПетров\rМосква\u0000\u0007\tC#\u001B\fстр. 2\u0085конец  \r\n\r\n");

        Assert.Equal("Иван\nПетров\nМосква\tC#\nстр. 2\nконец", Extract(bytes));
    }

    [Fact]
    public void Nul_padding_after_the_text_does_not_make_it_binary()
    {
        byte[] bytes = [.. TextEncodingDetectorTests.CodePage(1251).GetBytes(Resume), .. new byte[2048]];

        Assert.Equal(Resume, Extract(bytes));
    }

    [Fact]
    public void Random_bytes_are_rejected_as_not_text()
    {
        var bytes = new byte[16 * 1024];
        new Random(20240601).NextBytes(bytes);

        var error = Assert.Throws<ExtractionException>(() => Extract(bytes));

        Assert.Equal(FailureReason.Unsupported, error.Reason);
        Assert.Contains("not text", error.Message);
    }

    [Fact]
    public void Binary_file_with_scattered_nuls_is_rejected_as_not_text()
    {
        // The start of a PNG: text-like chunk names between length fields and pixel data full of NULs.
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i += 3)
        {
            bytes[i] = 0;
        }
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. bytes];

        var error = Assert.Throws<ExtractionException>(() => Extract(png));

        Assert.Equal(FailureReason.Unsupported, error.Reason);
    }

    [Fact]
    public void Empty_file_has_no_text()
    {
        Assert.Equal("", Extract([]));
    }

    [Fact]
    public void Text_is_cut_at_the_character_limit()
    {
        var text = string.Concat(Enumerable.Repeat("Опыт работы в крупной компании. ", 200));

        var extracted = Extract(Encoding.UTF8.GetBytes(text), new ExtractionLimits { MaxTextChars = 1000 });

        Assert.Equal(text[..1000].TrimEnd(), extracted);
    }

    [Fact]
    public void A_huge_file_is_read_only_as_far_as_the_character_limit_needs()
    {
        var line = Encoding.UTF8.GetBytes("Иванов Иван, разработчик. ");
        var bytes = new byte[20 * 1024 * 1024];
        for (var i = 0; i + line.Length <= bytes.Length; i += line.Length)
        {
            line.CopyTo(bytes, i);
        }
        var stream = new MemoryStream(bytes, writable: false);
        var limits = new ExtractionLimits { MaxTextChars = 100_000 };

        var text = _extractor.Extract(stream, limits, CancellationToken.None);

        Assert.Equal(100_000, text.Length);
        Assert.True(stream.Position <= 3 * 100_000, $"read {stream.Position} bytes");
        Assert.StartsWith("Иванов Иван, разработчик. Иванов", text);
    }
}
