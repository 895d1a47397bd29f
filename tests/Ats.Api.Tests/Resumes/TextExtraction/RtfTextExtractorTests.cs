using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Ats.Api.Resumes.TextExtraction;

namespace Ats.Api.Tests.Resumes.TextExtraction;

public class RtfTextExtractorTests
{
    private static readonly string[] TikaFiles =
    [
        "testRTF.rtf",
        "testRTFCorruptListOverride.rtf",
        "testRTFInvalidUnicode.rtf",
        "testRTFVarious.rtf",
        "testRTFWindowsCodepage1250.rtf",
        "testRTFWord2010CzechCharacters.rtf",
    ];

    static RtfTextExtractorTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> TikaFileNames() => new(TikaFiles);

    private static string Extract(byte[] rtf, ExtractionLimits? limits = null) =>
        new RtfTextExtractor().Extract(new MemoryStream(rtf, writable: false), limits ?? new ExtractionLimits(), CancellationToken.None);

    private static string Extract(string rtf, ExtractionLimits? limits = null) => Extract(Encoding.Latin1.GetBytes(rtf), limits);

    private static byte[] TikaBytes(string file) => File.ReadAllBytes(TestData.HostileAndFormats("tika", file));

    private static string Tika(string file) => Extract(TikaBytes(file));

    /// <summary>Writes <paramref name="text"/> the way Word and hh.ru do: every non-ASCII byte of the code page as <c>\'hh</c>.</summary>
    private static string HexEscaped(string text, int codePage)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.GetEncoding(codePage).GetBytes(text))
        {
            sb.Append(b < 0x80 ? ((char)b).ToString() : $"\\'{b:x2}");
        }
        return sb.ToString();
    }

    private static string WhitespaceCollapsed(string text) => Regex.Replace(text, @"\s+", " ");

    private static int Occurrences(string text, string value) => text.Split(value).Length - 1;

    [Fact]
    public void Reads_rtf_format_only()
    {
        Assert.Equal(new[] { FileFormat.Rtf }, new RtfTextExtractor().Formats);
    }

    [Fact]
    public void Word_document_body_is_read_without_info_metadata()
    {
        var text = Tika("testRTF.rtf");

        Assert.Contains("indexation Word", text);
        Assert.Contains("Test d\u2019indexation Word", text);
        Assert.DoesNotContain("Bibliotheque", text);
        Assert.DoesNotContain("Universite Laval", text);
        Assert.DoesNotContain("Times New Roman", text);
    }

    [Fact]
    public void Cp1250_document_decodes_polish_letters()
    {
        var text = Tika("testRTFWindowsCodepage1250.rtf");

        Assert.Contains("zażółć gęślą jaźń", text);
        Assert.Contains("ZAŻÓŁĆ GĘŚLĄ JAŹŃ", text);
    }

    [Fact]
    public void Unpaired_surrogates_become_replacement_characters()
    {
        var text = Tika("testRTFInvalidUnicode.rtf");

        Assert.Contains("Unpaired hi \ufffd here", text);
        Assert.Contains("Unpaired lo \ufffd here", text);
        Assert.Contains("Mismatched pair \ufffd\ufffd here", text);
    }

    [Fact]
    public void Corrupt_list_override_table_does_not_hide_the_body()
    {
        var text = Tika("testRTFCorruptListOverride.rtf");

        Assert.Contains("apple", text);
        Assert.Contains("by George Formby", text);
    }

    [Fact]
    public void Word_2010_czech_text_in_fcharset238_fonts_is_decoded()
    {
        var text = Tika("testRTFWord2010CzechCharacters.rtf");

        Assert.Contains("\u010Cl\u00E1nek t\u00FDdne", text);
        Assert.Contains("starov\u011Bk\u00E9 \u017Eidovsk\u00E9 n\u00E1bo\u017Eensk\u00E9 texty", text);
        Assert.DoesNotContain("\u00C8l\u00E1nek", text);
    }

    [Fact]
    public void Word_headers_footnotes_text_boxes_tables_and_fields_are_read()
    {
        var text = Tika("testRTFVarious.rtf");
        var flat = WhitespaceCollapsed(text);

        Assert.Contains("Footnote appears here", text);
        Assert.Contains("This is a footnote.", text);
        Assert.Contains("This is the header text.", text);
        Assert.Contains("This is the footer text.", text);
        Assert.Equal(1, Occurrences(text, "Here is a text box"));
        Assert.Contains("Bold italic underline superscript subscript", text);
        Assert.Contains("Here is a citation:", text);
        Assert.Contains("(Kramer)", text);
        Assert.Contains("Figure 1 This is a caption for Figure 1", text);
        Assert.Contains("Row 1 Col 1 Row 1 Col 2 Row 1 Col 3 Row 2 Col 1 Row 2 Col 2 Row 2 Col 3", flat);
        Assert.Contains("Row 1 Col 1\tRow 1 Col 2\tRow 1 Col 3\nRow 2 Col 1", text);
        Assert.Contains("Row 1 column 1 Row 2 column 1 Row 1 column 2 Row 2 column 2", flat);
        Assert.Contains("This is a hyperlink", text);
        Assert.Contains("Bullet 3", text);
        Assert.Contains("Number bullet 3", text);
        Assert.Contains("Keyword1 Keyword2", text);
        Assert.Contains("Subject is here", text);
        Assert.Contains("\uff08\uff27\uff28\uff31\uff09", text);
        Assert.Contains("\u30be\u30eb\u30b2\u3068\u5c3e\u5d0e\u3001\u6de1\u3005\u3068\u6700\u671f", text);
        Assert.Contains("\uD800\uDF32\uD800\uDF3f\uD800\uDF44\uD800\uDF39\uD800\uDF43\uD800\uDF3A", text);
        Assert.DoesNotContain("CITATION", text);
        Assert.DoesNotContain("Michael McCandless", text);
    }

    [Theory]
    [MemberData(nameof(TikaFileNames))]
    public void No_rtf_syntax_leaks_from_tika_files(string file)
    {
        var text = Tika(file);

        Assert.NotEmpty(text);
        Assert.DoesNotContain('\\', text);
        Assert.DoesNotContain('{', text);
        Assert.DoesNotContain('}', text);
        Assert.DoesNotContain("\n\n\n", text);
        Assert.Equal(text.Trim(), text);
    }

    [Fact]
    public void Cp1251_escapes_decode_to_cyrillic()
    {
        const string rtf = """
            {\rtf1\ansi\ansicpg1251\deff0\deflang1049{\fonttbl{\f0\fnil Arial;}}
            {\*\generator Msftedit 5.41.21.2510;}\viewkind4\uc1\pard\f0\fs20 \'c8\'e2\'e0\'ed\'ee\'e2 \'c8\'e2\'e0\'ed \'c8\'e2\'e0\'ed\'ee\'e2\'e8\'f7\par
            }
            """;

        Assert.Equal("Иванов Иван Иванович", Extract(rtf));
    }

    [Fact]
    public void Fcharset204_font_selects_cp1251_in_a_cp1252_document()
    {
        const string rtf = """
            {\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\fswiss\fcharset204 Arial Cyr;}}
            \pard\f1 \'c8\'e2\'e0\'ed\'ee\'e2\f0  caf\'e9 {\f1 \'cf\'b8\'f2\'f0} \'e9\par}
            """;

        Assert.Equal("Иванов café Пётр é", Extract(rtf));
    }

    [Fact]
    public void Default_font_charset_applies_until_plain_text_selects_another_font()
    {
        const string rtf = """
            {\rtf1\ansi\ansicpg1252\deff1{\fonttbl{\f0\fcharset0 Arial;}{\f1\fcharset204 Arial Cyr;}}
            \'c8\'e2\'e0\'ed \f0 caf\'e9\plain  \'c8\'e2\'e0\'ed}
            """;

        Assert.Equal("Иван café Иван", Extract(rtf));
    }

    [Fact]
    public void Unicode_escapes_with_question_mark_fallbacks_decode_to_cyrillic()
    {
        const string rtf = """{\rtf1\ansi\uc1\u1048?\u1074?\u1072?\u1085?\u1086?\u1074? \u1048?\u1074?\u1072?\u1085?}""";

        Assert.Equal("Иванов Иван", Extract(rtf));
    }

    [Fact]
    public void Unicode_escapes_under_uc0_have_no_fallback_to_skip()
    {
        const string rtf = """{\rtf1\ansi{\uc0\u1048\u1074\u1072\u1085 X} Y}""";

        Assert.Equal("ИванX Y", Extract(rtf));
    }

    [Fact]
    public void Word_unicode_escapes_with_hex_fallbacks_are_not_doubled()
    {
        const string rtf = """{\rtf1\ansi\ansicpg1251\uc1\u1048\'c8\u1074\'e2\u1072\'e0\u1085\'ed}""";

        Assert.Equal("Иван", Extract(rtf));
    }

    [Fact]
    public void Uc_count_is_scoped_to_its_group()
    {
        const string rtf = """{\rtf1\ansi{\uc2\u24180\'94\'4e} \u1048?}""";

        Assert.Equal("年 И", Extract(rtf));
    }

    [Fact]
    public void Fallback_skipping_stops_at_group_end()
    {
        const string rtf = """{\rtf1\ansi{\uc3\u1048?}abc}""";

        Assert.Equal("Иabc", Extract(rtf));
    }

    [Fact]
    public void Unicode_escape_after_a_missing_fallback_is_not_swallowed()
    {
        // Some generators write \uN without the fallback \uc1 promises; the next \uN must survive.
        const string rtf = """{\rtf1\ansi\u1048\u1074\u1072\u1085}""";

        Assert.Equal("Иван", Extract(rtf));
    }

    [Fact]
    public void Yo_letters_decode_from_cp1251_and_unicode()
    {
        const string rtf = """{\rtf1\ansi\ansicpg1251 \'f1\'e5\'ec\'b8\'ed\'ee\'e2 \'a8\'eb\'ea\'e0 \u1105?\u1025?}""";

        Assert.Equal("семёнов Ёлка ёЁ", Extract(rtf));
    }

    [Fact]
    public void Mixed_english_and_russian_text_is_kept_in_order()
    {
        var rtf = $$"""{\rtf1\ansi\ansicpg1251 Senior .NET {{HexEscaped("разработчик", 1251)}}, {{HexEscaped("опыт 5 лет", 1251)}} (C#, PostgreSQL)\par}""";

        Assert.Equal("Senior .NET разработчик, опыт 5 лет (C#, PostgreSQL)", Extract(rtf));
    }

    [Fact]
    public void Surrogate_pair_written_as_two_unicode_escapes_is_combined()
    {
        const string rtf = """{\rtf1\ansi\uc1 a\u-10179?\u-8704?b}""";

        Assert.Equal("a\U0001F600b", Extract(rtf));
    }

    [Fact]
    public void Shift_jis_escapes_are_decoded_in_pairs()
    {
        const string rtf = """{\rtf1\ansi\ansicpg932 \'82\'b1\'82\'f1\'82\'c9\'82\'bf\'82\'cd}""";

        Assert.Equal("こんにちは", Extract(rtf));
    }

    [Fact]
    public void Shift_jis_trail_byte_written_as_escaped_backslash_joins_its_lead_byte()
    {
        const string rtf = """{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\fcharset0 Arial;}{\f1\fcharset128 MS Mincho;}}\f1 \'83\\\f0  ok}""";

        Assert.Equal("ソ ok", Extract(rtf));
    }

    [Fact]
    public void Table_cells_are_separated_by_tabs_and_rows_by_newlines()
    {
        var rtf = $$$"""
            {\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\fcharset204 Arial;}}
            \trowd\trgaph108\cellx3000\cellx6000\pard\intbl {{{HexEscaped("Компания", 1251)}}}\cell {{{HexEscaped("Должность", 1251)}}}\cell\row
            \trowd\trgaph108\cellx3000\cellx6000\pard\intbl {{{HexEscaped("Яндекс", 1251)}}}\cell {{{HexEscaped("Разработчик", 1251)}}}\cell\row
            \pard after\par}
            """;

        Assert.Equal("Компания\tДолжность\nЯндекс\tРазработчик\nafter", Extract(rtf));
    }

    [Fact]
    public void Header_and_footer_text_is_kept()
    {
        const string rtf = """
            {\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}
            {\header \pard\plain Phone: +7 (999) 123-45-67\par}{\footerr \pard\plain ivan@example.ru\par}
            \pard Body\par}
            """;

        var text = Extract(rtf);

        Assert.Contains("Phone: +7 (999) 123-45-67", text);
        Assert.Contains("ivan@example.ru", text);
        Assert.Contains("Body", text);
    }

    [Fact]
    public void Tables_of_fonts_colors_styles_info_pictures_and_binary_data_are_not_text()
    {
        var head = Encoding.Latin1.GetBytes("""
            {\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0{\*\panose 02020603050405020304}Times New Roman;}}
            {\colortbl;\red0\green0\blue0;\red255\green0\blue0;}
            {\stylesheet{\s0\snext0 Normal;}{\*\cs10 Default Paragraph Font;}}
            {\*\generator Riched20 10.0.19041;}{\info{\title Secret title}{\author Author Name}}
            {\*\themedata 504b030414000600}{\*\latentstyles\lsdstimax376{\lsdlockedexcept Normal;}}
            {\pict\pngblip\picw10\pich10 89504e470d0a1a0a0000000d49484452}
            """.Replace("\n", "\r\n") + "{\\pict\\pngblip\\bin10 ");
        byte[] binary = [(byte)'}', (byte)'{', (byte)'\\', 0x00, 0xFF, (byte)'p', (byte)'a', (byte)'r', (byte)'}', (byte)'X'];
        var tail = Encoding.Latin1.GetBytes("""}\pard Body text\par}""");

        var text = Extract([.. head, .. binary, .. tail]);

        Assert.Equal("Body text", text);
    }

    [Fact]
    public void Hyperlink_field_gives_its_result_once()
    {
        const string rtf = """{\rtf1\ansi E-mail: {\field{\*\fldinst HYPERLINK "mailto:a@b.ru"}{\fldrslt a@b.ru}}\par}""";

        var text = Extract(rtf);

        Assert.Equal("E-mail: a@b.ru", text);
        Assert.Equal(1, Occurrences(text, "a@b.ru"));
    }

    [Fact]
    public void Field_instruction_without_ignorable_mark_is_skipped()
    {
        const string rtf = """{\rtf1\ansi {\field{\fldinst {PAGE}}{\fldrslt {3}}} of 5}""";

        Assert.Equal("3 of 5", Extract(rtf));
    }

    [Fact]
    public void Embedded_object_keeps_its_result_and_drops_its_data()
    {
        const string rtf = """
            {\rtf1\ansi {\object\objemb{\*\objclass Word.Document.8}{\*\objdata 01050000020000000b000000}{\result {\pard Embedded text\par}}}}
            """;

        Assert.Equal("Embedded text", Extract(rtf));
    }

    [Fact]
    public void Upr_group_reads_only_its_unicode_copy()
    {
        const string rtf = """{\rtf1\ansi\ansicpg1251 {\upr{\'c8\'e2\'e0\'ed}{\*\ud{\uc0 \u1048\u1074\u1072\u1085}}} ok}""";

        Assert.Equal("Иван ok", Extract(rtf));
    }

    [Fact]
    public void Text_box_inside_shape_instructions_is_read_once()
    {
        const string rtf = """
            {\rtf1\ansi {\shp{\*\shpinst\shpleft0{\sp{\sn shapeType}{\sv 202}}{\shptxt \pard Box text\par}}{\shprslt{\*\do\dptxbx{\dptxbxtext \pard Box text\par}}}}Body}
            """;

        Assert.Equal("Box text\nBody", Extract(rtf));
    }

    [Fact]
    public void Control_symbols_and_typographic_words_become_plain_characters()
    {
        const string rtf = """{\rtf1\ansi a\~b c\_d hy\-phen \{x\} back\\slash \emdash\endash\bullet \lquote q\rquote  \ldblquote dq\rdblquote\tab end}""";

        Assert.Equal("a b c-d hyphen {x} back\\slash \u2014\u2013\u2022\u2018q\u2019 \u201Cdq\u201D\tend", Extract(rtf));
    }

    [Fact]
    public void Runs_of_blank_lines_collapse_to_one_and_text_is_trimmed()
    {
        const string rtf = """{\rtf1\ansi   \par\par  a  \par\par\page\par\sect\par b\line c   \par\par}""";

        Assert.Equal("a\n\nb\nc", Extract(rtf));
    }

    [Fact]
    public void Backslash_before_a_line_break_is_a_paragraph_break()
    {
        Assert.Equal("one\ntwo", Extract("{\\rtf1\\ansi one\\\ntwo}"));
    }

    [Fact]
    public void Raw_line_breaks_in_the_file_are_not_text()
    {
        Assert.Equal("onetwo", Extract("{\\rtf1\\ansi one\r\ntwo}"));
    }

    [Fact]
    public void Unknown_code_page_falls_back_to_cp1252()
    {
        Assert.Equal("café", Extract("""{\rtf1\ansi\ansicpg99999 caf\'e9}"""));
    }

    [Fact]
    public void Leading_bom_and_whitespace_are_accepted()
    {
        byte[] rtf = [0xEF, 0xBB, 0xBF, .. "\r\n  {\\rtf1\\ansi ok}"u8];

        Assert.Equal("ok", Extract(rtf));
    }

    [Fact]
    public void Text_after_the_document_group_is_ignored()
    {
        Assert.Equal("inside", Extract("""{\rtf1\ansi inside} outside {more}"""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hello, world")]
    [InlineData("%PDF-1.7")]
    [InlineData("PK\u0003\u0004")]
    [InlineData("{\\rtx1 hello}")]
    [InlineData("\\rtf1 hello}")]
    [InlineData("{ \\rtf1 hello}")]
    public void Input_that_is_not_rtf_is_corrupt(string content)
    {
        var error = Assert.Throws<ExtractionException>(() => Extract(content));

        Assert.Equal(FailureReason.Corrupt, error.Reason);
    }

    [Fact]
    public void Deep_group_nesting_is_rejected_as_too_large()
    {
        var rtf = "{\\rtf1" + new string('{', 100_000) + "x" + new string('}', 100_001);

        var error = Assert.Throws<ExtractionException>(() => Extract(rtf));

        Assert.Equal(FailureReason.TooLarge, error.Reason);
        Assert.Contains("nesting", error.Message);
    }

    [Fact]
    public void Nesting_within_the_limit_is_read()
    {
        var rtf = "{\\rtf1" + new string('{', 400) + "deep" + new string('}', 400) + " end}";

        Assert.Equal("deep end", Extract(rtf, new ExtractionLimits { MaxNestingDepth = 512 }));
    }

    [Fact]
    public void Truncated_file_returns_the_text_read_so_far()
    {
        var bytes = TikaBytes("testRTFWindowsCodepage1250.rtf");
        const string endOfFirstLine = "ja\\'9f\\'f1\\par";
        var cut = Encoding.Latin1.GetString(bytes).IndexOf(endOfFirstLine, StringComparison.Ordinal) + endOfFirstLine.Length;

        var text = Extract(bytes[..cut]);

        Assert.Equal("zażółć gęślą jaźń", text);
    }

    [Fact]
    public void Unbalanced_braces_at_end_of_file_keep_the_text()
    {
        Assert.Equal("Hello world", Extract("""{\rtf1\ansi Hello {\b world"""));
    }

    [Fact]
    public void Text_over_max_text_chars_is_cut_at_the_limit()
    {
        var body = string.Concat(Enumerable.Repeat("word ", 40_000));
        var limits = new ExtractionLimits { MaxTextChars = 1_000 };

        var text = Extract("{\\rtf1\\ansi " + body + "}", limits);

        Assert.InRange(text.Length, 990, 1_000);
        Assert.StartsWith("word word ", text);
    }

    [Fact]
    public void Binary_length_past_end_of_file_ends_the_text()
    {
        Assert.Equal("before", Extract("""{\rtf1\ansi before{\pict\bin2000000000 xyz}after}"""));
    }

    [Fact]
    public void Large_picture_data_is_skipped()
    {
        var hex = new StringBuilder(20_000_000);
        for (var i = 0; i < 250_000; i++)
        {
            hex.Append("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\r\n");
        }
        var rtf = "{\\rtf1\\ansi before{\\*\\shppict{\\pict\\pngblip " + hex + "}} after}";

        Assert.Equal("before after", Extract(rtf));
    }

    [Fact]
    public void Cancelled_token_stops_extraction()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("{\\rtf1\\ansi text}"));

        Assert.ThrowsAny<OperationCanceledException>(() => new RtfTextExtractor().Extract(stream, new ExtractionLimits(), cancelled.Token));
    }

    [Fact]
    public void Random_bytes_after_the_header_throw_only_extraction_exceptions()
    {
        // Fragments that reach the tokenizer's edge cases more often than uniform noise would.
        string[] fragments =
        [
            "{", "}", "\\", "\\'", "\\'8", "\\'c8", "\\'zz", "\\u", "\\u-", "\\u-10240", "\\u-9216", "\\u55357", "\\u99999999999",
            "\\uc", "\\uc2", "\\uc-5", "\\uc99999", "\\bin", "\\bin5 ", "\\bin-3 ", "\\bin2147483647", "\\*", "\\*\\shpinst", "\\shptxt",
            "\\upr", "\\ud", "\\f1", "\\f-1", "\\fcharset128", "\\fcharset204", "\\fonttbl", "\\cpg65001", "\\ansicpg932",
            "\\ansicpg0", "\\ansicpg1200", "\\deff1", "\\plain", "\\par", "\\cell", "\\pict", "\\fldinst", "\\fldrslt", "?", " ",
            "\r\n", "\\~", "\\_", "\\-", "\\\n", "abc", "\u00e9", "\\aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "0000000000000000",
        ];
        var random = new Random(20_250_601);
        var limits = new ExtractionLimits { MaxNestingDepth = 16, MaxTextChars = 1_000 };
        var outcomes = new Dictionary<string, int>();

        for (var i = 0; i < 400; i++)
        {
            var bytes = new List<byte>(Encoding.ASCII.GetBytes("{\\rtf1"));
            var length = random.Next(1, 400);
            for (var j = 0; j < length; j++)
            {
                if (random.Next(3) == 0)
                {
                    bytes.Add((byte)random.Next(256));
                }
                else
                {
                    bytes.AddRange(Encoding.Latin1.GetBytes(fragments[random.Next(fragments.Length)]));
                }
            }

            var outcome = Outcome(bytes.ToArray(), limits, i);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.True(outcomes.GetValueOrDefault("text") > 0, string.Join(", ", outcomes));
    }

    [Fact]
    public void Mutated_tika_files_throw_only_extraction_exceptions()
    {
        var random = new Random(7_919);
        var outcomes = new Dictionary<string, int>();

        for (var i = 0; i < 300; i++)
        {
            var bytes = TikaBytes(TikaFiles[i % TikaFiles.Length]);
            var flips = random.Next(1, 40);
            for (var j = 0; j < flips; j++)
            {
                bytes[random.Next(6, bytes.Length)] = (byte)random.Next(256);
            }
            var cut = random.Next(6, bytes.Length + 1);

            var outcome = Outcome(bytes[..cut], new ExtractionLimits(), i);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.True(outcomes.GetValueOrDefault("text") > 0, string.Join(", ", outcomes));
    }

    /// <summary>Runs one fuzz case; any exception other than <see cref="ExtractionException"/> fails the test with the case number.</summary>
    private static string Outcome(byte[] bytes, ExtractionLimits limits, int caseNumber)
    {
        try
        {
            var text = Extract(bytes, limits);
            Assert.True(text.Length <= limits.MaxTextChars, $"Case {caseNumber}: {text.Length} chars over the limit.");
            return text.Length > 0 ? "text" : "empty";
        }
        catch (ExtractionException e)
        {
            return e.Reason.ToString();
        }
        catch (Exception e)
        {
            Assert.Fail($"Case {caseNumber} threw {e}");
            throw;
        }
    }
}
