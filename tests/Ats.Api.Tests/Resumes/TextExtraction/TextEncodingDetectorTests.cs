using System.Text;
using Ats.Api.Resumes.TextExtraction;

namespace Ats.Api.Tests.Resumes.TextExtraction;

public sealed class TextEncodingDetectorTests
{
    /// <summary>A résumé header with ё, capitals, digits, Latin words and Russian typography.</summary>
    internal const string Resume =
        """
        Иванов Иван Иванович
        Ведущий разработчик 1С, Казань
        Телефон: 8 (999) 123-45-67, e-mail: ivanov@example.ru
        Опыт работы: ООО «Ромашка» — 2015–2024, ещё раньше — ЗАО «Вектор».
        Навыки: 1С:Предприятие 8.3, SQL, Git; объём базы — 200 ГБ, чёткие сроки.
        """;

    internal const string ShortName = "Пётр Иванов";

    internal static Encoding CodePage(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    /// <summary>KOI8-R, CP866 and ISO-8859-5 have no guillemets or dashes, so text meant for them uses ASCII punctuation.</summary>
    internal static string Encodable(string text, int codePage) => codePage is 20866 or 866 or 28595
        ? text.Replace('«', '"').Replace('»', '"').Replace('—', '-').Replace('–', '-')
        : text;

    private static string DetectAndDecode(byte[] bytes)
    {
        var encoding = TextEncodingDetector.Detect(bytes);
        var preamble = bytes.AsSpan().StartsWith(encoding.Preamble) ? encoding.Preamble.Length : 0;
        return encoding.GetString(bytes, preamble, bytes.Length - preamble);
    }

    [Fact]
    public void Tika_cp866_sample_is_detected_as_cp866_and_reads_as_the_poem()
    {
        var bytes = File.ReadAllBytes(TestData.HostileAndFormats("tika", "russian.cp866.txt"));

        var encoding = TextEncodingDetector.Detect(bytes, out var confidence);
        var text = encoding.GetString(bytes);

        Assert.Equal(866, encoding.CodePage);
        Assert.True(confidence > 0.99, $"confidence {confidence}");
        Assert.Contains("Однажды, в студеную зимнюю пору,", text);
        Assert.Contains("Лошадка, везущая хворосту воз.", text);
        Assert.Contains("Лошадку ведет под уздцы мужичок", text);
    }

    [Theory]
    [InlineData(1251)]
    [InlineData(20866)]
    [InlineData(866)]
    [InlineData(28595)]
    [InlineData(10007)]
    public void Resume_in_a_single_byte_cyrillic_code_page_is_detected(int codePage)
    {
        var text = Encodable(Resume, codePage);
        var bytes = CodePage(codePage).GetBytes(text);

        Assert.Equal(codePage, TextEncodingDetector.Detect(bytes).CodePage);
        Assert.Equal(text, DetectAndDecode(bytes));
    }

    [Theory]
    [InlineData(1251)]
    [InlineData(20866)]
    [InlineData(866)]
    public void A_name_alone_is_enough_to_tell_the_cyrillic_code_pages_apart(int codePage)
    {
        var bytes = CodePage(codePage).GetBytes(ShortName);

        Assert.Equal(codePage, TextEncodingDetector.Detect(bytes).CodePage);
        Assert.Equal(ShortName, DetectAndDecode(bytes));
    }

    [Theory]
    [InlineData("ОПЫТ РАБОТЫ", 1251)]
    [InlineData("ОПЫТ РАБОТЫ", 20866)]
    [InlineData("опыт работы ведущим программистом", 1251)]
    [InlineData("опыт работы ведущим программистом", 20866)]
    [InlineData("Мария Петрова, тел. 8 916 000-00-00", 1251)]
    [InlineData("Мария Петрова, тел. 8 916 000-00-00", 20866)]
    [InlineData("Мария Петрова, тел. 8 916 000-00-00", 866)]
    public void All_caps_and_all_lowercase_text_does_not_fall_into_the_koi8_1251_case_swap(string text, int codePage)
    {
        var bytes = CodePage(codePage).GetBytes(text);

        Assert.Equal(text, DetectAndDecode(bytes));
    }

    [Fact]
    public void Ukrainian_text_in_1251_is_read_as_1251()
    {
        const string text = "Я працюю програмістом у Києві; їжак, ґанок, Євген.";

        Assert.Equal(1251, TextEncodingDetector.Detect(CodePage(1251).GetBytes(text)).CodePage);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32LE")]
    [InlineData("utf-32BE")]
    public void Byte_order_mark_decides_the_encoding(string name)
    {
        var encoding = name switch
        {
            "utf-8" => Encoding.UTF8,
            "utf-16LE" => Encoding.Unicode,
            "utf-16BE" => Encoding.BigEndianUnicode,
            "utf-32LE" => Encoding.UTF32,
            _ => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
        };
        byte[] bytes = [.. encoding.Preamble, .. encoding.GetBytes(Resume)];

        var detected = TextEncodingDetector.Detect(bytes, out var confidence);

        Assert.Equal(encoding.CodePage, detected.CodePage);
        Assert.Equal(1.0, confidence);
        Assert.Equal(Resume, DetectAndDecode(bytes));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_without_byte_order_mark_is_recognised_by_its_zero_bytes(bool bigEndian)
    {
        var encoding = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
        var bytes = encoding.GetBytes(Resume);

        Assert.Equal(encoding.CodePage, TextEncodingDetector.Detect(bytes).CodePage);
        Assert.Equal(Resume, DetectAndDecode(bytes));
    }

    [Fact]
    public void A_short_utf16_name_without_byte_order_mark_is_recognised()
    {
        var bytes = Encoding.Unicode.GetBytes(ShortName);

        Assert.Equal(Encoding.Unicode.CodePage, TextEncodingDetector.Detect(bytes).CodePage);
    }

    [Fact]
    public void Utf8_without_byte_order_mark_is_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(ShortName);

        Assert.Equal(Encoding.UTF8.CodePage, TextEncodingDetector.Detect(bytes).CodePage);
    }

    [Fact]
    public void Utf8_sample_cut_in_the_middle_of_a_letter_is_still_utf8()
    {
        // "x" first, so that the two-byte letters straddle the end of the sample.
        var bytes = Encoding.UTF8.GetBytes("x" + string.Concat(Enumerable.Repeat(Resume, 200)));
        var sample = bytes.AsSpan(0, TextEncodingDetector.SampleSize);

        Assert.False(System.Text.Unicode.Utf8.IsValid(sample));
        Assert.Equal(Encoding.UTF8.CodePage, TextEncodingDetector.Detect(sample).CodePage);
    }

    [Theory]
    [InlineData("самыми")]
    [InlineData("февраль")]
    public void Cp866_word_that_happens_to_be_valid_utf8_is_read_as_cp866(string word)
    {
        var bytes = CodePage(866).GetBytes(word);

        Assert.Equal(word, DetectAndDecode(bytes));
    }

    [Fact]
    public void Short_cjk_utf8_text_stays_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("王伟，软件工程师");

        Assert.Equal(Encoding.UTF8.CodePage, TextEncodingDetector.Detect(bytes).CodePage);
    }

    [Fact]
    public void Ascii_text_is_reported_as_utf8()
    {
        var bytes = Encoding.ASCII.GetBytes("John Smith, Senior .NET developer, +1 555 010 0199");

        Assert.Equal(Encoding.UTF8.CodePage, TextEncodingDetector.Detect(bytes, out var confidence).CodePage);
        Assert.Equal(1.0, confidence);
    }

    [Theory]
    [InlineData("Café résumé")]
    [InlineData("Café résumé, très à la mode; garçon, déjà vu — naïve “quotes”")]
    [InlineData("Sehr geehrte Damen und Herren, ich heiße Jürgen Müller aus Köln, Straße")]
    public void Western_european_1252_text_is_not_mistaken_for_cyrillic(string text)
    {
        var bytes = CodePage(1252).GetBytes(text);

        Assert.Equal(text, DetectAndDecode(bytes));
    }

    [Theory]
    [InlineData("Εργάστηκα ως μηχανικός λογισμικού στην Αθήνα για πέντε χρόνια. Γνώσεις: Java, Python")]
    [InlineData("Μηχανικός λογισμικού, Αθήνα")]
    public void Greek_text_is_not_mistaken_for_cyrillic(string text)
    {
        var bytes = CodePage(1253).GetBytes(text);

        Assert.Equal(text, DetectAndDecode(bytes));
    }

    [Theory]
    [InlineData("windows-1251", 1251)]
    [InlineData(" \"CP1251\" ", 1251)]
    [InlineData("KOI8-R", 20866)]
    [InlineData("cp866", 866)]
    [InlineData("ibm866", 866)]
    [InlineData("iso-8859-1", 1252)]
    [InlineData("us-ascii", 1252)]
    [InlineData("utf8", 65001)]
    [InlineData("UTF-8", 65001)]
    [InlineData("iso-8859-5", 28595)]
    public void Charset_labels_resolve_like_browsers_resolve_them(string label, int codePage)
    {
        Assert.Equal(codePage, TextEncodingDetector.FromLabel(label)?.CodePage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-such-charset")]
    [InlineData("x<script>")]
    public void Unknown_charset_labels_resolve_to_nothing(string label)
    {
        Assert.Null(TextEncodingDetector.FromLabel(label));
    }
}
