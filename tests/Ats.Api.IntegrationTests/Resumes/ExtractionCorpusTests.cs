using System.IO.Compression;
using System.Net;
using System.Text;
using Ats.Api.Auth;
using Ats.Api.IntegrationTests.Infrastructure;
using Ats.Api.Resumes;
using Ats.Api.Resumes.TextExtraction;

namespace Ats.Api.IntegrationTests.Resumes;

/// <summary>
/// Every file of ../shared/testdata/hostile-and-formats goes through upload and background extraction and ends
/// in its expected outcome: the text the upstream projects' tests assert, or a failure with the right reason.
/// All are uploaded together, then a good file after them, to show that no bad file stalls the queue.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExtractionCorpusTests(ApiFixture api)
{
    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);

    /// <summary>(folder, file, expected status, text it must contain or the failure reason).</summary>
    public static readonly (string Folder, string File, ExtractionStatus Status, string? Contains, FailureReason? Reason)[] Expectations =
    [
        ("pdfpig", "EmptyPdf.pdf", ExtractionStatus.Empty, null, null),
        ("pdfpig", "GHOSTSCRIPT-691770-0.pdf", ExtractionStatus.Failed, null, FailureReason.Corrupt),
        ("pdfpig", "Hang.pdf", ExtractionStatus.Failed, null, FailureReason.Corrupt),
        ("pdfpig", "Single Page Broken Offsets - from google drive.pdf", ExtractionStatus.Extracted, "document title", null),
        ("pdfpig", "SpookyPass.pdf", ExtractionStatus.Failed, null, FailureReason.Corrupt),
        ("pdfpig", "StackOverflow_Issue_1122.pdf", ExtractionStatus.Failed, null, FailureReason.Corrupt),
        ("pdfpig", "encrypted-password-is-password.pdf", ExtractionStatus.Failed, null, FailureReason.Encrypted),
        ("pdfpig", "invalid-operator.pdf", ExtractionStatus.Extracted, "Text line 1", null),
        ("pdfpig", "invalid-xref-loop.pdf", ExtractionStatus.Empty, null, null),
        ("pdfpig", "issue_671.pdf", ExtractionStatus.Extracted, "Санкт-Петербург", null),
        ("pdfpig", "pages-indirect-to-null.pdf", ExtractionStatus.Empty, null, null),
        ("pdfpig", "pages-kids-not-page.pdf", ExtractionStatus.Empty, null, null),
        ("pdfpig", "r4_aes_empty_string.pdf", ExtractionStatus.Failed, null, FailureReason.Encrypted),
        ("pdfpig", "r4_aesv2_no_length.pdf", ExtractionStatus.Failed, null, FailureReason.ScannedImage),
        ("pdfpig", "repro_cmap_deep_array_so.pdf", ExtractionStatus.Empty, null, null),
        ("pdfpig", "stackoverflow_error.pdf", ExtractionStatus.Empty, null, null),
        ("pdfpig", "string_encryption_key.pdf", ExtractionStatus.Empty, null, null),
        ("pdfpig", "test-bom-encrypted.pdf", ExtractionStatus.Extracted, null, null),
        ("pdfpig", "xref-with-no-whitespace.pdf", ExtractionStatus.Failed, null, FailureReason.ScannedImage),
        ("tika", "russian.cp866.txt", ExtractionStatus.Extracted, "Однажды, в студеную зимнюю пору", null),
        ("tika", "test.doc", ExtractionStatus.Extracted, null, null),
        ("tika", "testException1.doc", ExtractionStatus.Extracted, "total population", null),
        ("tika", "testException2.doc", ExtractionStatus.Extracted, "electric charge", null),
        ("tika", "testODTEncrypted.odt", ExtractionStatus.Failed, null, FailureReason.Encrypted),
        ("tika", "testODTnotaZipFile.odt", ExtractionStatus.Extracted, "This is not a zip file!", null),
        ("tika", "testOpenOffice2.odt", ExtractionStatus.Extracted, "This is a sample Open Office document", null),
        ("tika", "testOverlappingText.pdf", ExtractionStatus.Extracted, null, null),
        ("tika", "testPDF.pdf", ExtractionStatus.Extracted, "Content Analysis Toolkit", null),
        ("tika", "testPDF_bad_page_303226.pdf", ExtractionStatus.Extracted, null, null),
        ("tika", "testPDF_malformedXFA.pdf", ExtractionStatus.Empty, null, null),
        ("tika", "testPDF_no_extract_no_accessibility_owner_empty.pdf", ExtractionStatus.Extracted, null, null),
        ("tika", "testPDF_protected.pdf", ExtractionStatus.Extracted, "FINANCIAL", null),
        ("tika", "testPassword4Spaces.pdf", ExtractionStatus.Failed, null, FailureReason.Encrypted),
        ("tika", "testRTF.rtf", ExtractionStatus.Extracted, "indexation Word", null),
        ("tika", "testRTFCorruptListOverride.rtf", ExtractionStatus.Extracted, "apple", null),
        ("tika", "testRTFInvalidUnicode.rtf", ExtractionStatus.Extracted, "Unpaired hi \ufffd here", null),
        ("tika", "testRTFVarious.rtf", ExtractionStatus.Extracted, null, null),
        ("tika", "testRTFWindowsCodepage1250.rtf", ExtractionStatus.Extracted, "zażółć gęślą jaźń", null),
        ("tika", "testRTFWord2010CzechCharacters.rtf", ExtractionStatus.Extracted, null, null),
        ("tika", "testUnicodePassword.pdf", ExtractionStatus.Failed, null, FailureReason.Encrypted),
        ("tika", "testWORD.doc", ExtractionStatus.Extracted, "Sample Word Document", null),
        ("tika", "testWORD.docx", ExtractionStatus.Extracted, null, null),
        ("tika", "testWORD_protected_drm.doc", ExtractionStatus.Failed, null, FailureReason.Encrypted),
        ("tika", "testWORD_protected_passtika.doc", ExtractionStatus.Failed, null, FailureReason.Encrypted),
        ("tika", "testWORD_protected_passtika.docx", ExtractionStatus.Failed, null, FailureReason.Encrypted),
        ("tika", "testWORD_truncated.docx", ExtractionStatus.Failed, null, FailureReason.Corrupt),
        ("tika", "testWORD_various.doc", ExtractionStatus.Extracted, null, null),
        ("tika", "testWORD_various.docx", ExtractionStatus.Extracted, "Number bullet 1", null),
    ];

    [Fact]
    public void The_expectation_table_covers_every_sample_file()
    {
        var onDisk = Directory.EnumerateFiles(TestFiles.Folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".pdf" or ".doc" or ".docx" or ".rtf" or ".odt" or ".txt"
                && !Path.GetFileName(f).StartsWith("LICENSE", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("NOTICE", StringComparison.Ordinal))
            .Select(f => $"{Path.GetFileName(Path.GetDirectoryName(f))}/{Path.GetFileName(f)}")
            .Order().ToList();
        Assert.Equal(onDisk, Expectations.Select(e => $"{e.Folder}/{e.File}").Order());
    }

    [Fact]
    public async Task Every_sample_and_hostile_file_ends_in_its_expected_outcome_and_the_queue_keeps_going()
    {
        var uploads = new List<(string Name, Guid Candidate, Guid File, ExtractionStatus Status, string? Contains, FailureReason? Reason)>();
        foreach (var e in Expectations)
        {
            var candidate = await _recruiter.CreateCandidateAsync("Корпусов", e.File);
            var bytes = await File.ReadAllBytesAsync(TestFiles.Get(e.Folder, e.File));
            var file = await _recruiter.UploadFileAsync(candidate.Id, bytes, e.File);
            uploads.Add(($"{e.Folder}/{e.File}", candidate.Id, file.Id, e.Status, e.Contains, e.Reason));
        }
        foreach (var (name, bytes, status, contains, reason) in GeneratedHostileFiles())
        {
            var candidate = await _recruiter.CreateCandidateAsync("Враждебный", name);
            var file = await _recruiter.UploadFileAsync(candidate.Id, bytes, name);
            uploads.Add((name, candidate.Id, file.Id, status, contains, reason));
        }
        var after = await _recruiter.CreateCandidateAsync("Последний");
        var good = await _recruiter.UploadFileAsync(after.Id, Encoding.UTF8.GetBytes("Опыт работы: Kafka, PostgreSQL. " + Guid.NewGuid()), "after.txt");

        var failures = new List<string>();
        foreach (var u in uploads)
        {
            var done = await _recruiter.WaitForExtractionAsync(u.Candidate, u.File);
            var text = await _recruiter.TextAsync(u.Candidate, u.File);
            var actual = $"{done.Extraction.Status} {done.Extraction.Reason} ({done.Extraction.Detail}) text[{text?.Length ?? 0}]: {Preview(text)}";
            if (done.Extraction.Status != u.Status || done.Extraction.Reason != u.Reason)
            {
                failures.Add($"{u.Name}: expected {u.Status} {u.Reason}, got {actual}");
            }
            else if (u.Contains is not null && (text is null || !text.Contains(u.Contains, StringComparison.Ordinal)))
            {
                failures.Add($"{u.Name}: text does not contain \"{u.Contains}\": {actual}");
            }
            else if (done.Extraction.Status == ExtractionStatus.Failed && string.IsNullOrWhiteSpace(done.Extraction.ReasonText))
            {
                failures.Add($"{u.Name}: failed without a readable reason");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(ExtractionStatus.Extracted, (await _recruiter.WaitForExtractionAsync(after.Id, good.Id)).Extraction.Status);
    }

    private static string Preview(string? text) =>
        text is null ? "" : new string(text.Take(80).Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    private static IEnumerable<(string Name, byte[] Bytes, ExtractionStatus Status, string? Contains, FailureReason? Reason)> GeneratedHostileFiles()
    {
        yield return ("zip-bomb.docx", ZipBombDocx(), ExtractionStatus.Failed, null, FailureReason.TooLarge);
        yield return ("pdf-renamed.docx", File.ReadAllBytes(TestFiles.Get("tika", "testPDF.pdf")), ExtractionStatus.Extracted, "Content Analysis Toolkit", null);
        yield return ("nested.rtf", Encoding.ASCII.GetBytes(@"{\rtf1 " + new string('{', 200_000) + "deep" + new string('}', 200_000) + "}"),
            ExtractionStatus.Failed, null, FailureReason.TooLarge);
        yield return ("blank.txt", Encoding.UTF8.GetBytes("   \n\n \t \n"), ExtractionStatus.Empty, null, null);
    }

    /// <summary>A well-formed DOCX whose document.xml inflates to 200 MB of spaces: a few hundred KB on the wire.</summary>
    public static byte[] ZipBombDocx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Small(string name, string content)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(content);
            }
            Small("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Small("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            using var doc = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            doc.Write("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>"""u8);
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 200; i++)
            {
                doc.Write(spaces);
            }
            doc.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
        }
        return buffer.ToArray();
    }
}
