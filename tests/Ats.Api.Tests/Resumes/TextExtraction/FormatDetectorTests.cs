using System.IO.Compression;
using System.Text;
using Ats.Api.Resumes.TextExtraction;

namespace Ats.Api.Tests.Resumes.TextExtraction;

public sealed class FormatDetectorTests
{
    private static readonly string[] SampleFolders = ["tika", "pdfpig"];

    /// <summary>Every sample file of the shared folders and the format its bytes say it is.</summary>
    public static TheoryData<string, string, FileFormat> Samples => new()
    {
        { "tika", "testPDF.pdf", FileFormat.Pdf },
        { "tika", "testOverlappingText.pdf", FileFormat.Pdf },
        { "tika", "testPDF_bad_page_303226.pdf", FileFormat.Pdf },
        { "tika", "testPDF_malformedXFA.pdf", FileFormat.Pdf },
        { "tika", "testPDF_no_extract_no_accessibility_owner_empty.pdf", FileFormat.Pdf },
        { "tika", "testPDF_protected.pdf", FileFormat.Pdf },
        { "tika", "testPassword4Spaces.pdf", FileFormat.Pdf },
        { "tika", "testUnicodePassword.pdf", FileFormat.Pdf },
        { "pdfpig", "EmptyPdf.pdf", FileFormat.Pdf },
        { "pdfpig", "encrypted-password-is-password.pdf", FileFormat.Pdf },
        { "pdfpig", "GHOSTSCRIPT-691770-0.pdf", FileFormat.Pdf },
        { "pdfpig", "Hang.pdf", FileFormat.Pdf },
        { "pdfpig", "invalid-operator.pdf", FileFormat.Pdf },
        { "pdfpig", "invalid-xref-loop.pdf", FileFormat.Pdf },
        { "pdfpig", "issue_671.pdf", FileFormat.Pdf },
        { "pdfpig", "pages-indirect-to-null.pdf", FileFormat.Pdf },
        { "pdfpig", "pages-kids-not-page.pdf", FileFormat.Pdf },
        { "pdfpig", "r4_aes_empty_string.pdf", FileFormat.Pdf },
        { "pdfpig", "r4_aesv2_no_length.pdf", FileFormat.Pdf },
        { "pdfpig", "repro_cmap_deep_array_so.pdf", FileFormat.Pdf },
        { "pdfpig", "Single Page Broken Offsets - from google drive.pdf", FileFormat.Pdf },
        { "pdfpig", "SpookyPass.pdf", FileFormat.Pdf },
        { "pdfpig", "StackOverflow_Issue_1122.pdf", FileFormat.Pdf },
        { "pdfpig", "string_encryption_key.pdf", FileFormat.Pdf },
        { "pdfpig", "test-bom-encrypted.pdf", FileFormat.Pdf },
        { "pdfpig", "xref-with-no-whitespace.pdf", FileFormat.Pdf },
        // Named .pdf but holds no "%PDF-" at all: 157 KB of "<<<…[[[" lines (PdfPig's stack-depth bait). By its
        // bytes it is plain ASCII text, and the detector never trusts a name.
        { "pdfpig", "stackoverflow_error.pdf", FileFormat.Txt },
        { "tika", "testWORD.doc", FileFormat.Doc },
        { "tika", "test.doc", FileFormat.Doc },
        { "tika", "testException1.doc", FileFormat.Doc },
        { "tika", "testException2.doc", FileFormat.Doc },
        { "tika", "testWORD_various.doc", FileFormat.Doc },
        { "tika", "testWORD_protected_passtika.doc", FileFormat.Doc },
        { "tika", "testWORD_protected_drm.doc", FileFormat.Doc },
        { "tika", "testWORD.docx", FileFormat.Docx },
        { "tika", "testWORD_various.docx", FileFormat.Docx },
        // Encrypted OOXML: an OLE container with EncryptionInfo + EncryptedPackage, accepted as Word so its status says "encrypted".
        { "tika", "testWORD_protected_passtika.docx", FileFormat.Docx },
        // Not a readable zip (no central directory), but its first entry is [Content_Types].xml: the DOCX reader reports the damage.
        { "tika", "testWORD_truncated.docx", FileFormat.Docx },
        { "tika", "testOpenOffice2.odt", FileFormat.Odt },
        // A readable zip whose "mimetype" entry is stored uncompressed; only content.xml and the rest are encrypted.
        { "tika", "testODTEncrypted.odt", FileFormat.Odt },
        { "tika", "testODTnotaZipFile.odt", FileFormat.Txt },
        { "tika", "testZIP_corrupted_oom.zip", FileFormat.OtherZip },
        { "tika", "testRTF.rtf", FileFormat.Rtf },
        { "tika", "testRTFCorruptListOverride.rtf", FileFormat.Rtf },
        { "tika", "testRTFInvalidUnicode.rtf", FileFormat.Rtf },
        { "tika", "testRTFVarious.rtf", FileFormat.Rtf },
        { "tika", "testRTFWindowsCodepage1250.rtf", FileFormat.Rtf },
        { "tika", "testRTFWord2010CzechCharacters.rtf", FileFormat.Rtf },
        { "tika", "russian.cp866.txt", FileFormat.Txt },
    };

    private static FileFormat Detect(byte[] bytes) => FormatDetector.Detect(new MemoryStream(bytes, writable: false));

    private static byte[] Padded(byte[] head, int length = 64)
    {
        var bytes = new byte[Math.Max(length, head.Length)];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(0x80 + (i % 50));
        }
        return bytes;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Zip(params (string Name, string Content)[] entries) => Zip(CompressionLevel.Optimal, entries);

    private static byte[] Zip(CompressionLevel level, params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_file_is_detected_by_its_bytes(string folder, string file, FileFormat expected)
    {
        using var stream = File.OpenRead(TestData.HostileAndFormats(folder, file));

        Assert.Equal(expected, FormatDetector.Detect(stream));
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Every_sample_file_in_the_shared_folders_has_an_expected_format()
    {
        var listed = Samples.Select(row => ((string)row[0], (string)row[1])).ToHashSet();
        var onDisk = SampleFolders
            .SelectMany(folder => Directory.GetFiles(TestData.Get("hostile-and-formats", folder)).Select(path => (folder, Path.GetFileName(path))))
            .Where(f => !f.Item2.StartsWith("LICENSE", StringComparison.Ordinal) && !f.Item2.StartsWith("README", StringComparison.Ordinal)
                && !f.Item2.StartsWith("NOTICE", StringComparison.Ordinal))
            .ToHashSet();

        Assert.Empty(onDisk.Except(listed));
        Assert.Empty(listed.Except(onDisk));
    }

    public static TheoryData<byte[], FileFormat> MagicNumbers => new()
    {
        { Padded([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00]), FileFormat.Jpeg },
        { Padded([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R']), FileFormat.Png },
        { Padded(Ascii("GIF89a")), FileFormat.Gif },
        { Padded(Ascii("GIF87a")), FileFormat.Gif },
        { Padded([.. Ascii("RIFF"), 0x24, 0x00, 0x00, 0x00, .. Ascii("WEBPVP8 ")]), FileFormat.Webp },
        { Padded([.. Ascii("BM"), 0x46, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x36, 0x00, 0x00, 0x00, 0x28, 0x00, 0x00, 0x00]), FileFormat.Bmp },
        { Padded([.. Ascii("II*"), 0x00, 0x08, 0x00, 0x00, 0x00]), FileFormat.Tiff },
        { Padded([.. Ascii("MM"), 0x00, (byte)'*', 0x00, 0x00, 0x00, 0x08]), FileFormat.Tiff },
        { Padded([0x00, 0x00, 0x00, 0x18, .. Ascii("ftypheic"), 0x00, 0x00, 0x00, 0x00, .. Ascii("mif1heic")]), FileFormat.Heic },
        { Padded([0x00, 0x00, 0x00, 0x1C, .. Ascii("ftypmif1"), 0x00, 0x00, 0x00, 0x00, .. Ascii("mif1heic")]), FileFormat.Heic },
        { Padded([0x00, 0x00, 0x00, 0x20, .. Ascii("ftypisom"), 0x00, 0x00, 0x02, 0x00, .. Ascii("isomiso2avc1mp41")]), FileFormat.Mp4 },
        { Padded([0x00, 0x00, 0x00, 0x14, .. Ascii("ftypqt  "), 0x00, 0x00, 0x02, 0x00, .. Ascii("qt  ")]), FileFormat.Mov },
        { Padded([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0x82, 0x84, .. Ascii("webm")]), FileFormat.Webm },
        { Padded([.. Ascii("RIFF"), 0x24, 0x00, 0x00, 0x00, .. Ascii("AVI LIST")]), FileFormat.Avi },
    };

    [Theory]
    [MemberData(nameof(MagicNumbers))]
    public void Image_and_video_magic_numbers_are_recognised(byte[] bytes, FileFormat expected)
    {
        Assert.Equal(expected, Detect(bytes));
    }

    [Fact]
    public void Xlsx_like_zip_is_another_zip()
    {
        var xlsx = Zip(
            ("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"""),
            ("xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>"""));

        Assert.Equal(FileFormat.OtherZip, Detect(xlsx));
    }

    [Fact]
    public void Plain_zip_archive_is_another_zip()
    {
        Assert.Equal(FileFormat.OtherZip, Detect(Zip(("cv.txt", "Иванов Иван"), ("photos/me.jpg", "not really a photo"))));
    }

    [Fact]
    public void Empty_zip_archive_is_another_zip()
    {
        Assert.Equal(FileFormat.OtherZip, Detect(Zip()));
    }

    [Fact]
    public void Zip_with_word_parts_but_no_document_xml_is_still_docx()
    {
        var docx = Zip(("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<w:styles/>"));

        Assert.Equal(FileFormat.Docx, Detect(docx));
    }

    [Fact]
    public void Zip_with_an_odt_mimetype_entry_is_odt_and_another_opendocument_type_is_not()
    {
        var odt = Zip(CompressionLevel.NoCompression, ("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));
        var ods = Zip(CompressionLevel.NoCompression, ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>"));

        Assert.Equal(FileFormat.Odt, Detect(odt));
        Assert.Equal(FileFormat.OtherZip, Detect(ods));
    }

    [Fact]
    public void Zip_that_stores_a_pdf_uncompressed_near_its_start_is_a_zip_not_a_pdf()
    {
        var zip = Zip(CompressionLevel.NoCompression, ("cv.pdf", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"));

        Assert.Equal(FileFormat.OtherZip, Detect(zip));
    }

    [Fact]
    public void Broken_zip_without_word_parts_is_another_zip()
    {
        var truncated = Zip(CompressionLevel.NoCompression, ("notes/readme.txt", new string('x', 4000)))[..200];

        Assert.Equal(FileFormat.OtherZip, Detect(truncated));
    }

    [Fact]
    public void Ole_file_with_a_WordDocument_stream_is_doc()
    {
        var doc = new CompoundFileWriter().AddStream("WordDocument", new byte[600]).AddStream("1Table", new byte[100]).Build();

        Assert.Equal(FileFormat.Doc, Detect(doc));
    }

    [Fact]
    public void Ole_container_of_an_encrypted_ooxml_package_is_docx()
    {
        var encrypted = new CompoundFileWriter().AddStream("EncryptionInfo", new byte[200]).AddStream("EncryptedPackage", new byte[5000]).Build();

        Assert.Equal(FileFormat.Docx, Detect(encrypted));
    }

    [Fact]
    public void Ole_file_that_is_not_a_Word_document_is_another_compound_file()
    {
        var workbook = new CompoundFileWriter().AddStream("Workbook", new byte[5000]).AddStream("\u0005SummaryInformation", new byte[200]).Build();

        Assert.Equal(FileFormat.OtherCompound, Detect(workbook));
    }

    [Fact]
    public void Damaged_ole_file_is_left_to_the_doc_reader_to_report()
    {
        var damaged = Padded([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 1024);

        Assert.Equal(FileFormat.Doc, Detect(damaged));
    }

    [Theory]
    [InlineData("\uFEFF  \r\n\t<html><head><title>Резюме</title></head><body>Иванов</body></html>")]
    [InlineData("<!DOCTYPE html>\n<html><body>CV</body></html>")]
    [InlineData("<!doctype HTML><title>CV</title>")]
    [InlineData("<html lang=\"ru\"><body>Иванов Иван</body></html>")]
    [InlineData("<body><p>Резюме</p></body>")]
    [InlineData("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>CV</body></html>")]
    public void Html_is_recognised_after_a_bom_and_leading_whitespace(string html)
    {
        Assert.Equal(FileFormat.Html, Detect(Encoding.UTF8.GetBytes(html)));
    }

    [Fact]
    public void Utf8_russian_text_is_text()
    {
        var text = "Иванов Иван Иванович\nТелефон: +7 (999) 123-45-67\nОпыт работы: 2019 - 2023, ООО «Ромашка»\n";

        Assert.Equal(FileFormat.Txt, Detect(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Windows_1251_russian_text_is_text()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1251).GetBytes("Иванов Иван Иванович\r\nРазработчик C#, опыт 5 лет.\r\n");

        Assert.Contains(bytes, b => b >= 0xC0);
        Assert.Equal(FileFormat.Txt, Detect(bytes));
    }

    [Fact]
    public void Utf16_little_endian_text_with_a_bom_is_text()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Иванов Иван Иванович, разработчик")).ToArray();

        Assert.Equal(FileFormat.Txt, Detect(bytes));
    }

    [Fact]
    public void Utf16_little_endian_latin_text_without_a_bom_is_text()
    {
        var bytes = Encoding.Unicode.GetBytes("John Smith, software engineer. Phone: +44 20 7946 0958");

        Assert.NotEqual(0xFF, bytes[0]);
        Assert.Equal(FileFormat.Txt, Detect(bytes));
    }

    [Fact]
    public void Random_binary_with_nul_bytes_is_unknown()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0x00;
        bytes[1] = 0x07;

        Assert.Equal(FileFormat.Unknown, Detect(bytes));
    }

    [Fact]
    public void Empty_stream_is_unknown()
    {
        Assert.Equal(FileFormat.Unknown, Detect([]));
    }

    [Fact]
    public void Pdf_header_after_a_few_junk_bytes_is_pdf()
    {
        Assert.Equal(FileFormat.Pdf, Detect([0x0D, 0x0A, 0x00, 0x1B, .. Ascii("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")]));
    }

    [Fact]
    public void Rtf_with_a_utf8_bom_is_rtf()
    {
        Assert.Equal(FileFormat.Rtf, Detect([0xEF, 0xBB, 0xBF, .. Ascii(@"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}}\f0 Hello}")]));
    }

    [Fact]
    public void Detection_leaves_the_stream_at_its_start_even_when_it_was_elsewhere()
    {
        var docx = File.ReadAllBytes(TestData.HostileAndFormats("tika", "testWORD.docx"));
        using var stream = new MemoryStream(docx, writable: false) { Position = 1234 };

        Assert.Equal(FileFormat.Docx, FormatDetector.Detect(stream));
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Detection_leaves_a_broken_zip_stream_at_its_start()
    {
        using var stream = File.OpenRead(TestData.HostileAndFormats("tika", "testWORD_truncated.docx"));
        stream.Position = 100;

        Assert.Equal(FileFormat.Docx, FormatDetector.Detect(stream));
        Assert.Equal(0, stream.Position);
    }
}
