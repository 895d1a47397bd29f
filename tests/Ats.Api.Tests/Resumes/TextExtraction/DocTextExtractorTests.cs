using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using Ats.Api.Resumes.TextExtraction;

namespace Ats.Api.Tests.Resumes.TextExtraction;

public class DocTextExtractorTests
{
    private readonly DocTextExtractor _extractor = new();

    private string Extract(byte[] bytes, ExtractionLimits? limits = null, CancellationToken ct = default) =>
        _extractor.Extract(new MemoryStream(bytes, writable: false), limits ?? new ExtractionLimits(), ct);

    private string ExtractFile(string name) => Extract(File.ReadAllBytes(TestData.HostileAndFormats("tika", name)));

    private FailureReason FailureOf(byte[] bytes, ExtractionLimits? limits = null) =>
        Assert.Throws<ExtractionException>(() => Extract(bytes, limits)).Reason;

    private static string Spaced(string text) => Regex.Replace(text, @"\s+", " ");

    /// <summary>What every successful extraction must look like, however damaged the input.</summary>
    private static bool IsCleanText(string text, int maxChars)
    {
        if (text.Length > maxChars || text.Contains("\n\n\n", StringComparison.Ordinal) || text != text.Trim())
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < ' ' && c is not ('\t' or '\n')) || (c >= '\u007F' && c <= '\u009F'))
            {
                return false;
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }

    [Fact]
    public void Handles_only_the_doc_format()
    {
        Assert.Equal(new[] { FileFormat.Doc }, _extractor.Formats);
    }

    [Fact]
    public void Tika_sample_document_yields_body_header_and_footer_without_field_codes()
    {
        var text = ExtractFile("testWORD.doc");

        Assert.StartsWith("Sample Word Document", text);
        Assert.Contains("This is a sample Microsoft Word Document.", text);
        Assert.Contains("This document includes text that is BOLD and ITALIC.", text);
        Assert.Contains("This is the header for our document", text);
        Assert.Contains("This is the footer for our document", text);
        // Hyperlink fields keep their visible result and lose their instruction.
        Assert.Contains("Apache Tika", text);
        Assert.DoesNotContain("HYPERLINK", text);
        Assert.True(IsCleanText(text, int.MaxValue));
    }

    [Theory]
    [InlineData("testException1.doc", "total population")]
    [InlineData("testException2.doc", "electric charge")]
    [InlineData("testException2.doc", "FORCE ON A CURRENT IN A MAGNETIC FIELD")]
    public void Documents_that_broke_other_parsers_yield_their_text(string file, string expected)
    {
        Assert.Contains(expected, ExtractFile(file));
    }

    [Fact]
    public void Minimal_document_yields_exactly_its_word()
    {
        Assert.Equal("test", ExtractFile("test.doc"));
    }

    [Fact]
    public void Various_features_document_yields_what_Tika_asserts()
    {
        // Expectations from Apache Tika's WordParserTest.testVarious for the same file.
        var text = ExtractFile("testWORD_various.doc");

        Assert.Contains("Footnote appears here", text);
        Assert.Contains("This is a footnote.", text);
        Assert.Contains("This is the header text.", text);
        Assert.Contains("This is the footer text.", text);
        Assert.Contains("Here is a text box", text);
        Assert.Contains("Bold", text);
        Assert.Contains("italic", text);
        Assert.Contains("underline", text);
        Assert.Contains("superscript", text);
        Assert.Contains("subscript", text);
        Assert.Contains("Here is a citation:", text);
        Assert.Contains("Figure 1 This is a caption for Figure 1", text);
        Assert.Contains("(Kramer)", text);
        Assert.Contains("Row 1 Col 1 Row 1 Col 2 Row 1 Col 3 Row 2 Col 1 Row 2 Col 2 Row 2 Col 3", Spaced(text));
        Assert.Contains("Row 1 column 1 Row 2 column 1 Row 1 column 2 Row 2 column 2", Spaced(text));
        Assert.Contains("This is a hyperlink", text);
        Assert.Contains("Here is a list:", text);
        Assert.Contains("Bullet 3", text);
        Assert.Contains("Here is a numbered list:", text);
        Assert.Contains("Number bullet 3", text);
        Assert.Contains("Keyword1 Keyword2", text);
        Assert.Contains("Subject is here", text);
        Assert.Contains("Suddenly some Japanese text:", text);
        Assert.Contains("\uff08\uff27\uff28\uff31\uff09", text);
        Assert.Contains("\u30be\u30eb\u30b2\u3068\u5c3e\u5d0e\u3001\u6de1\u3005\u3068\u6700\u671f", text);
        Assert.Contains("And then some Gothic text:", text);
        Assert.Contains("\uD800\uDF32\uD800\uDF3f\uD800\uDF44\uD800\uDF39\uD800\uDF43\uD800\uDF3A", text);
        Assert.DoesNotContain("SEQ", text);
        Assert.DoesNotContain("HYPERLINK", text);
    }

    [Fact]
    public void Table_rows_become_lines_with_tab_separated_cells()
    {
        var text = ExtractFile("testWORD_various.doc");

        Assert.Contains("Row 1 Col 1\tRow 1 Col 2\tRow 1 Col 3\nRow 2 Col 1\tRow 2 Col 2\tRow 2 Col 3", text);
    }

    [Theory]
    [InlineData("testWORD_protected_passtika.doc")] // RC4 CryptoAPI password ("tika")
    [InlineData("testWORD_protected_drm.doc")] // IRM: WordDocument only holds a "Permission … is restricted" placeholder
    [InlineData("testWORD_protected_passtika.docx")] // encrypted OOXML inside a compound file
    public void Protected_documents_are_reported_as_encrypted(string file)
    {
        Assert.Equal(FailureReason.Encrypted, FailureOf(File.ReadAllBytes(TestData.HostileAndFormats("tika", file))));
    }

    [Fact]
    public void Zip_file_is_corrupt()
    {
        Assert.Equal(FailureReason.Corrupt, FailureOf(File.ReadAllBytes(TestData.HostileAndFormats("tika", "testWORD.docx"))));
    }

    [Fact]
    public void Random_bytes_are_corrupt()
    {
        var bytes = new byte[4096];
        new Random(1).NextBytes(bytes);

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Fact]
    public async Task Truncated_copies_fail_cleanly_and_quickly()
    {
        var original = File.ReadAllBytes(TestData.HostileAndFormats("tika", "testWORD.doc"));
        int[] lengths = [0, 1, 7, 8, 100, 511, 512, 513, 1000, 1024, 2048, 4096, 5000, 8192, 12_000, 16_384, 20_000, 24_576, 30_000, original.Length - 1];

        var outcomes = await Task.Run(() => lengths.Select(length => Record.Exception(() => Extract(original[..length]))).ToList())
            .WaitAsync(TimeSpan.FromMinutes(1));

        Assert.All(outcomes, error => Assert.True(error is null or ExtractionException, error?.ToString()));
        Assert.All(outcomes.Take(6), error => Assert.Equal(FailureReason.Corrupt, Assert.IsType<ExtractionException>(error).Reason));
    }

    [Fact]
    public async Task Bit_flipped_copies_never_throw_anything_but_extraction_errors_and_never_hang()
    {
        var limits = new ExtractionLimits { MaxTextChars = 20_000 };
        var originals = new[] { "testWORD.doc", "testWORD_various.doc", "testException2.doc" }
            .Select(name => File.ReadAllBytes(TestData.HostileAndFormats("tika", name)))
            .ToArray();
        var random = new Random(20261125);
        var variants = new List<byte[]>();
        for (var i = 0; i < 450; i++)
        {
            var copy = (byte[])originals[i % originals.Length].Clone();
            // Half of the damage lands in the CFB header, first FAT/directory sectors and the FIB, where it matters most.
            var region = i % 2 == 0 ? Math.Min(copy.Length, 4096) : copy.Length;
            for (var flips = random.Next(1, 9); flips > 0; flips--)
            {
                var at = random.Next(region);
                copy[at] = random.Next(4) switch
                {
                    0 => 0xFF,
                    1 => 0x00,
                    2 => (byte)random.Next(256),
                    _ => (byte)(copy[at] ^ (1 << random.Next(8))),
                };
            }
            variants.Add(copy);
        }

        var outcomes = await Task.Run(() => variants.Select(bytes =>
        {
            try
            {
                return (Text: Extract(bytes, limits), Error: (Exception?)null);
            }
            catch (Exception error)
            {
                return (Text: (string?)null, Error: error);
            }
        }).ToList()).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.All(outcomes, outcome => Assert.True(outcome.Error is null or ExtractionException, outcome.Error?.ToString()));
        Assert.All(outcomes.Where(o => o.Text is not null), outcome => Assert.True(IsCleanText(outcome.Text!, limits.MaxTextChars)));
        // Most damage hits bytes that do not matter; a reader that rejected everything would be useless.
        Assert.True(outcomes.Count(o => o.Text is not null) > variants.Count / 4);
    }

    [Fact]
    public void Cyrillic_unicode_piece_and_compressed_cp1252_piece_are_both_decoded()
    {
        var bytes = new WordDocumentBuilder()
            .Text("Иванов Иван\r")
            .Text("Resume \u2013 \u201Cquoted\u201D caf\u00E9 \u2122\r", compressed: true)
            .Text("Опыт работы: 2005\u20132010\r")
            .Build();

        Assert.Equal("Иванов Иван\nResume \u2013 \u201Cquoted\u201D caf\u00E9 \u2122\nОпыт работы: 2005\u20132010", Extract(bytes));
    }

    [Fact]
    public void Word_stream_in_regular_sectors_of_a_version_4_file_is_read()
    {
        var bytes = new WordDocumentBuilder { PadWordDocumentTo = 10_000, SectorShift = 12 }
            .Text("Петров Пётр\r")
            .Build();

        Assert.Equal("Петров Пётр", Extract(bytes));
    }

    [Fact]
    public void Word_stream_described_by_FAT_sectors_listed_in_the_DIFAT_is_read()
    {
        var writer = new CompoundFileWriter().AddStream("Data", new byte[7_500_000]);
        var bytes = new WordDocumentBuilder { PadWordDocumentTo = 6_000 }
            .Text("Сидоров Сидор\r")
            .Build(writer);

        Assert.True(writer.DifatSectorCount > 0);
        Assert.True(writer.StartSector("WordDocument") > 109 * 128);
        Assert.Equal("Сидоров Сидор", Extract(bytes));
    }

    [Fact]
    public void Field_instructions_are_dropped_and_results_kept()
    {
        var bytes = new WordDocumentBuilder()
            .Text("E-mail: \u0013 HYPERLINK \"mailto:ivanov@example.ru\" \u0014ivanov@example.ru\u0015\r")
            .Text("Page \u0013 PAGE \u00141\u0015 of \u0013 NUMPAGES \u0014\u0013 QUOTE 2 \u00142\u0015\u0015\r")
            .Text("Hidden\u0013 TOC \\o \"1-3\" \u0015 gone\r")
            .Build();

        Assert.Equal("E-mail: ivanov@example.ru\nPage 1 of 2\nHidden gone", Extract(bytes));
    }

    [Fact]
    public void Stray_field_separators_and_ends_are_ignored()
    {
        var bytes = new WordDocumentBuilder().Text("a\u0014b\u0015c\r").Build();

        Assert.Equal("abc", Extract(bytes));
    }

    [Fact]
    public void Fields_nested_deeper_than_the_limit_are_too_large()
    {
        var bytes = new WordDocumentBuilder().Text(new string('\u0013', 20) + "x\r").Build();

        Assert.Equal(FailureReason.TooLarge, FailureOf(bytes, new ExtractionLimits { MaxNestingDepth = 8 }));
    }

    [Fact]
    public void Table_cells_are_separated_by_tabs_and_rows_by_lines()
    {
        var bytes = new WordDocumentBuilder()
            .Text("Опыт\r")
            .Text("2005\u20132010\u0007ООО «Ромашка»\u0007\u0007")
            .Text("2010\u20132015\u0007АО «Лютик»\u0007\u0007")
            .Text("Образование\r")
            .Build();

        Assert.Equal("Опыт\n2005\u20132010\tООО «Ромашка»\n2010\u20132015\tАО «Лютик»\nОбразование", Extract(bytes));
    }

    [Fact]
    public void Special_characters_are_mapped_to_plain_text()
    {
        var bytes = new WordDocumentBuilder()
            .Text("co\u001Eoperate hy\u001Fphen a\u00A0b x\u0001\u0008y\r")
            .Text("line\u000Bbreak page\u000Cbreak col\u000Ebreak\r")
            .Text("tab\there\u0002\u0005\u0003\u0004\r")
            .Build();

        Assert.Equal("co-operate hyphen a b xy\nline\nbreak page\nbreak col\nbreak\ntab\there", Extract(bytes));
    }

    [Fact]
    public void Runs_of_blank_lines_collapse_to_one_and_edges_are_trimmed()
    {
        var bytes = new WordDocumentBuilder().Text("\r\r  Иван\r\r\r\r\rПётр\r\r\r").Build();

        Assert.Equal("Иван\n\nПётр", Extract(bytes));
    }

    [Fact]
    public void Headers_footnotes_endnotes_and_text_boxes_follow_the_main_text_but_comments_do_not()
    {
        var bytes = new WordDocumentBuilder()
            .Text("Main\r")
            .Story(WordDocumentBuilder.Footnotes, "\u0002Note\r")
            .Story(WordDocumentBuilder.Headers, "Header\r")
            .Story(WordDocumentBuilder.Comments, "\u0005Comment by reviewer\r")
            .Story(WordDocumentBuilder.Endnotes, "End\r")
            .Story(WordDocumentBuilder.TextBoxes, "Box\r")
            .Story(WordDocumentBuilder.HeaderTextBoxes, "Header box\r")
            .Build();

        Assert.Equal("Main\n\nNote\n\nHeader\n\nEnd\n\nBox\n\nHeader box", Extract(bytes));
    }

    [Fact]
    public void Text_over_the_limit_is_truncated()
    {
        var bytes = new WordDocumentBuilder().Text(new string('я', 3000) + "\r").Text(new string('z', 3000), compressed: true).Build();

        var text = Extract(bytes, new ExtractionLimits { MaxTextChars = 1000 });

        Assert.Equal(new string('я', 1000), text);
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        var bytes = new WordDocumentBuilder().Text(new string('a', 999) + "\uD800\uDF32 more").Build();

        var text = Extract(bytes, new ExtractionLimits { MaxTextChars = 1000 });

        Assert.Equal(new string('a', 999), text);
    }

    [Fact]
    public void Unpaired_surrogate_in_the_file_becomes_a_replacement_character()
    {
        var bytes = new WordDocumentBuilder
        {
            // "aXb" is the first piece, at offset 1024 of the WordDocument stream; X becomes a lone high surrogate.
            EditWordDocument = wd => BinaryPrimitives.WriteUInt16LittleEndian(wd.AsSpan(1026), 0xD800),
        }.Text("aXb").Build();

        Assert.Equal("a\uFFFDb", Extract(bytes));
    }

    [Fact]
    public void Property_modifiers_before_the_piece_table_are_skipped()
    {
        var bytes = new WordDocumentBuilder { PrcCount = 3 }.Text("Резюме\r").Build();

        Assert.Equal("Резюме", Extract(bytes));
    }

    [Fact]
    public void Document_using_the_0Table_stream_is_read()
    {
        var bytes = new WordDocumentBuilder { TableStreamName = "0Table" }.Text("Резюме\r").Build();

        Assert.Equal("Резюме", Extract(bytes));
    }

    [Fact]
    public void Missing_table_stream_is_corrupt()
    {
        var bytes = new WordDocumentBuilder { TableStreamName = "0Table", WriteTableAs = "1Table" }.Text("x\r").Build();

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Theory]
    [InlineData(WordDocumentBuilder.FlagEncrypted)]
    [InlineData(WordDocumentBuilder.FlagObfuscated)]
    [InlineData(WordDocumentBuilder.FlagEncrypted | WordDocumentBuilder.FlagObfuscated)]
    public void Encrypted_or_obfuscated_document_is_encrypted(int flags)
    {
        var bytes = new WordDocumentBuilder { ExtraFlags = (ushort)flags }.Text("secret\r").Build();

        Assert.Equal(FailureReason.Encrypted, FailureOf(bytes));
    }

    [Fact]
    public void Rights_managed_document_is_encrypted_even_though_its_placeholder_is_readable()
    {
        var bytes = new WordDocumentBuilder { ExtraStreams = { ["\u0009DRMContent"] = new byte[64] } }
            .Text("Permission for this document is currently restricted.\r")
            .Build();

        Assert.Equal(FailureReason.Encrypted, FailureOf(bytes));
    }

    [Theory]
    [InlineData(101)] // Word 6.0
    [InlineData(104)] // Word 95
    [InlineData(105)]
    public void Word_6_and_95_documents_are_unsupported(int nFib)
    {
        var bytes = new WordDocumentBuilder { Nfib = (ushort)nFib }.Text("old\r").Build();

        var error = Assert.Throws<ExtractionException>(() => Extract(bytes));

        Assert.Equal(FailureReason.Unsupported, error.Reason);
        Assert.Contains("Word 6.0/95", error.Message);
    }

    [Fact]
    public void Compound_file_without_a_Word_stream_is_unsupported()
    {
        var bytes = new CompoundFileWriter().AddStream("Workbook", new byte[5000]).AddStream("\u0005SummaryInformation", new byte[200]).Build();

        Assert.Equal(FailureReason.Unsupported, FailureOf(bytes));
    }

    [Fact]
    public void Compound_file_holding_an_encrypted_package_is_encrypted()
    {
        var bytes = new CompoundFileWriter().AddStream("EncryptionInfo", new byte[248]).AddStream("EncryptedPackage", new byte[10_000]).Build();

        Assert.Equal(FailureReason.Encrypted, FailureOf(bytes));
    }

    [Fact]
    public void Looping_FAT_chain_of_the_Word_stream_is_corrupt()
    {
        var writer = new CompoundFileWriter();
        var bytes = new WordDocumentBuilder { PadWordDocumentTo = 10_000 }.Text("x\r").Build(writer);
        var start = writer.StartSector("WordDocument");
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(writer.FatEntryOffset(start + 5)), start + 2);

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Fact]
    public void Piece_outside_the_Word_stream_is_corrupt()
    {
        var bytes = new WordDocumentBuilder
        {
            EditTable = table => BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(WordDocumentBuilder.FirstPcdFcOffset), 0x00100000),
        }.Text("x\r").Build();

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Fact]
    public void Piece_table_outside_the_table_stream_is_corrupt()
    {
        var bytes = new WordDocumentBuilder
        {
            EditWordDocument = wd => BinaryPrimitives.WriteUInt32LittleEndian(wd.AsSpan(WordDocumentBuilder.LcbClxOffset), 0x7FFFFFFF),
        }.Text("x\r").Build();

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Fact]
    public void Piece_table_out_of_order_is_corrupt()
    {
        var bytes = new WordDocumentBuilder
        {
            // The second CP (end of piece 0) becomes smaller than the first.
            EditTable = table => BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(WordDocumentBuilder.FirstCpOffset), 50),
        }.Text("abc\r").Text("def\r").Build();

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Theory]
    [InlineData(0x00, 0x1234)] // wIdent
    [InlineData(0x3E, 2)] // cslw too small to hold ccpHdrTxbx
    [InlineData(0x98, 10)] // cbRgFcLcb too small to hold fcClx
    public void Damaged_FIB_is_corrupt(int offset, int value)
    {
        var bytes = new WordDocumentBuilder
        {
            EditWordDocument = wd => BinaryPrimitives.WriteUInt16LittleEndian(wd.AsSpan(offset), (ushort)value),
        }.Text("x\r").Build();

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Fact]
    public void Negative_text_length_is_corrupt()
    {
        var bytes = new WordDocumentBuilder
        {
            EditWordDocument = wd => BinaryPrimitives.WriteInt32LittleEndian(wd.AsSpan(WordDocumentBuilder.CcpTextOffset), -5),
        }.Text("x\r").Build();

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Fact]
    public void Text_length_beyond_the_piece_table_yields_what_the_pieces_hold()
    {
        var bytes = new WordDocumentBuilder
        {
            EditWordDocument = wd => BinaryPrimitives.WriteInt32LittleEndian(wd.AsSpan(WordDocumentBuilder.CcpTextOffset), int.MaxValue),
        }.Text("Иван\r").Build();

        Assert.Equal("Иван", Extract(bytes));
    }

    [Fact]
    public void Piece_table_reading_the_same_bytes_over_and_over_stops_early()
    {
        var bytes = new WordDocumentBuilder { PieceTableRepeats = 100_000 }.Text("ab").Build();

        var text = Extract(bytes);

        Assert.StartsWith("abababab", text);
        Assert.True(text.Length < 100_000, $"{text.Length} characters read from a 4-byte piece.");
    }

    [Fact]
    public void Cancelled_extraction_stops()
    {
        var bytes = new WordDocumentBuilder().Text("x\r").Build();

        Assert.ThrowsAny<OperationCanceledException>(() => Extract(bytes, ct: new CancellationToken(canceled: true)));
    }
}

/// <summary>
/// Writes minimal Word 97 documents ([MS-DOC]) for tests: a FIB with the Word 97 array sizes, text pieces stored
/// either as UTF-16 or compressed 8-bit (code page 1252), one piece per call, and a Clx in the table stream.
/// </summary>
internal sealed class WordDocumentBuilder
{
    public const ushort FlagEncrypted = 0x0100;
    public const ushort FlagObfuscated = 0x8000;
    public const int Footnotes = 1, Headers = 2, Comments = 4, Endnotes = 5, TextBoxes = 6, HeaderTextBoxes = 7;

    public const int CcpTextOffset = 0x4C;
    public const int FcClxOffset = 0x1A2;
    public const int LcbClxOffset = 0x1A6;
    private const int FibSize = 0x384;
    private const int TextStart = 1024;
    private const int ClxStart = 16;

    /// <summary>Offset in the table stream of aCP[1] when there are no Prc entries.</summary>
    public const int FirstCpOffset = ClxStart + 5 + 4;

    private readonly List<(int Story, string Text, bool Compressed)> _pieces = [];

    static WordDocumentBuilder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public ushort Nfib { get; init; } = 0x00C1;

    public ushort ExtraFlags { get; init; }

    public string TableStreamName { get; init; } = "1Table";

    /// <summary>Name the table stream is written under, to simulate a FIB that points at the wrong one.</summary>
    public string? WriteTableAs { get; init; }

    public int PrcCount { get; init; }

    public int PadWordDocumentTo { get; init; }

    /// <summary>Lists the pieces this many times, every copy pointing at the same bytes (a hostile piece table).</summary>
    public int PieceTableRepeats { get; init; } = 1;

    public int SectorShift { get; init; } = 9;

    public Dictionary<string, byte[]> ExtraStreams { get; } = [];

    public Action<byte[]>? EditWordDocument { get; init; }

    public Action<byte[]>? EditTable { get; init; }

    /// <summary>Offset in the table stream of the first Pcd's FcCompressed, valid for a document with one piece and no Prc.</summary>
    public static int FirstPcdFcOffset => ClxStart + 5 + (4 * 2) + 2;

    public WordDocumentBuilder Text(string text, bool compressed = false) => Story(0, text, compressed);

    public WordDocumentBuilder Story(int story, string text, bool compressed = false)
    {
        _pieces.Add((story, text, compressed));
        return this;
    }

    public byte[] Build(CompoundFileWriter? writer = null)
    {
        var ordered = _pieces.OrderBy(p => p.Story).ToList();
        if (ordered.Any(p => p.Story > 0))
        {
            // [MS-DOC] 2.8.35: with any story besides the main one, one more paragraph mark ends the text.
            ordered.Add((8, "\r", false));
        }

        var wordDocument = new MemoryStream();
        wordDocument.Write(new byte[TextStart]);
        var cps = new List<uint> { 0 };
        var fcs = new List<uint>();
        var ccp = new int[8];
        foreach (var (story, text, compressed) in ordered)
        {
            var offset = (uint)wordDocument.Length;
            if (compressed)
            {
                wordDocument.Write(Encoding.GetEncoding(1252).GetBytes(text));
                fcs.Add((offset * 2) | 0x40000000);
            }
            else
            {
                wordDocument.Write(Encoding.Unicode.GetBytes(text));
                fcs.Add(offset);
            }
            cps.Add(cps[^1] + (uint)text.Length);
            if (story < ccp.Length)
            {
                ccp[story] += text.Length;
            }
        }
        var pieceCount = fcs.Count;
        for (var copy = 1; copy < PieceTableRepeats; copy++)
        {
            for (var i = 0; i < pieceCount; i++)
            {
                var length = cps[i + 1] - cps[i];
                cps.Add(cps[^1] + length);
                fcs.Add(fcs[i]);
                ccp[ordered[i].Story] += (int)length;
            }
        }
        if (wordDocument.Length < PadWordDocumentTo)
        {
            wordDocument.Write(new byte[PadWordDocumentTo - wordDocument.Length]);
        }
        var wd = wordDocument.ToArray();

        var table = new MemoryStream();
        table.Write(new byte[ClxStart]);
        for (var i = 0; i < PrcCount; i++)
        {
            table.Write([0x01, 0x03, 0x00, 0x12, 0x34, 0x56]);
        }
        var plcPcd = new byte[(cps.Count * 4) + (fcs.Count * 8)];
        for (var i = 0; i < cps.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(plcPcd.AsSpan(4 * i), cps[i]);
        }
        for (var i = 0; i < fcs.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(plcPcd.AsSpan((cps.Count * 4) + (8 * i) + 2), fcs[i]);
        }
        table.WriteByte(0x02);
        table.Write(BitConverter.GetBytes((uint)plcPcd.Length));
        table.Write(plcPcd);
        var tableBytes = table.ToArray();

        WriteFib(wd, ccp, (uint)ClxStart, (uint)(tableBytes.Length - ClxStart));
        EditWordDocument?.Invoke(wd);
        EditTable?.Invoke(tableBytes);

        writer ??= new CompoundFileWriter(SectorShift);
        writer.AddStream("WordDocument", wd).AddStream(WriteTableAs ?? TableStreamName, tableBytes);
        foreach (var (name, data) in ExtraStreams)
        {
            writer.AddStream(name, data);
        }
        return writer.Build();
    }

    private void WriteFib(byte[] wd, int[] ccp, uint fcClx, uint lcbClx)
    {
        var fib = wd.AsSpan(0, FibSize);
        // [MS-DOC] 2.5.2 FibBase.
        BinaryPrimitives.WriteUInt16LittleEndian(fib, 0xA5EC);
        BinaryPrimitives.WriteUInt16LittleEndian(fib[0x02..], Nfib);
        BinaryPrimitives.WriteUInt16LittleEndian(fib[0x06..], 0x0419);
        BinaryPrimitives.WriteUInt16LittleEndian(fib[0x0A..], (ushort)((TableStreamName == "1Table" ? 0x0200 : 0) | ExtraFlags));
        // csw = 14, cslw = 22, cbRgFcLcb = 0x5D: the Word 97 sizes ([MS-DOC] 2.5.1).
        BinaryPrimitives.WriteUInt16LittleEndian(fib[0x20..], 14);
        BinaryPrimitives.WriteUInt16LittleEndian(fib[0x3E..], 22);
        BinaryPrimitives.WriteInt32LittleEndian(fib[0x40..], wd.Length);
        for (var i = 0; i < ccp.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(fib[(CcpTextOffset + (4 * i))..], ccp[i]);
        }
        BinaryPrimitives.WriteUInt16LittleEndian(fib[0x98..], 0x5D);
        BinaryPrimitives.WriteUInt32LittleEndian(fib[FcClxOffset..], fcClx);
        BinaryPrimitives.WriteUInt32LittleEndian(fib[LcbClxOffset..], lcbClx);
    }
}
