using System.Text;
using Ats.Api.Auth;
using Ats.Api.IntegrationTests.Infrastructure;
using Ats.Api.Resumes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Ats.Api.IntegrationTests.Resumes;

/// <summary>Russian text made in the test in every format and encoding comes back exactly through upload and extraction.</summary>
[Collection(ApiCollection.Name)]
public sealed class CyrillicRoundTripTests(ApiFixture api)
{
    private const string Line1 = "Иванов Иван Иванович";
    private const string Line2 = "Ведущий разработчик 1С, Казань, опыт 7 лет";
    // Only characters every Russian code page has (KOI8-R and CP866 have no « » or —).
    private const string Line3 = "Ёлкина Алёна, \"Рога и копыта\", щётка, объём";

    private readonly HttpClient _recruiter = api.Client(Role.Recruiter);

    static CyrillicRoundTripTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> Encodings => ["utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "windows-1251", "koi8-r", "cp866"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Txt_in_each_russian_encoding_round_trips(string encoding)
    {
        var text = $"{Line1}\n{Line2}\n{Line3}\n";
        var bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => Encoding.GetEncoding(encoding).GetBytes(text),
        };
        await AssertRoundTrip(bytes, $"cv-{encoding}.txt");
    }

    [Fact]
    public async Task Rtf_with_cp1251_escapes_round_trips() =>
        await AssertRoundTrip(Encoding.ASCII.GetBytes(@"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\fswiss\fcharset204 Arial;}}\f0 "
            + Escape1251(Line1) + @"\par " + Escape1251(Line2) + @"\par " + Escape1251(Line3) + @"\par}"), "hh.rtf");

    [Fact]
    public async Task Rtf_with_unicode_escapes_round_trips() =>
        await AssertRoundTrip(Encoding.ASCII.GetBytes(@"{\rtf1\ansi\ansicpg1252\uc1 " + EscapeUnicode(Line1) + @"\par " + EscapeUnicode(Line2)
            + @"\par " + EscapeUnicode(Line3) + @"\par}"), "unicode.rtf");

    [Fact]
    public async Task Docx_round_trips()
    {
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text(Line1))),
                new Paragraph(new Run(new Text(Line2))),
                new Paragraph(new Run(new Text(Line3) { Space = SpaceProcessingModeValues.Preserve }))));
        }
        await AssertRoundTrip(buffer.ToArray(), "cv.docx");
    }

    [Fact]
    public async Task Pdf_with_an_embedded_cyrillic_font_round_trips()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(await File.ReadAllBytesAsync("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText(Line1, 12, new PdfPoint(50, 780), font);
        page.AddText(Line2, 12, new PdfPoint(50, 760), font);
        page.AddText(Line3, 12, new PdfPoint(50, 740), font);
        await AssertRoundTrip(builder.Build(), "cv.pdf");
    }

    private async Task AssertRoundTrip(byte[] bytes, string name)
    {
        var candidate = await _recruiter.CreateCandidateAsync("Кириллов", name);
        var file = await _recruiter.UploadFileAsync(candidate.Id, bytes, name);
        var done = await _recruiter.WaitForExtractionAsync(candidate.Id, file.Id);
        Assert.True(done.Extraction.Status == ExtractionStatus.Extracted, $"{name}: {done.Extraction.Status} {done.Extraction.Reason} {done.Extraction.Detail}");
        var text = await _recruiter.TextAsync(candidate.Id, file.Id);
        Assert.Contains(Line1, text);
        Assert.Contains(Line2, text);
        Assert.Contains(Line3, text);
        Assert.Equal("ru", done.Extraction.Language);
    }

    private static string Escape1251(string s) =>
        string.Concat(Encoding.GetEncoding(1251).GetBytes(s).Select(b => b < 0x80 ? ((char)b).ToString() : $"\\'{b:x2}"));

    private static string EscapeUnicode(string s) =>
        string.Concat(s.Select(c => c < 0x80 ? c.ToString() : $"\\u{(short)c}?"));
}
