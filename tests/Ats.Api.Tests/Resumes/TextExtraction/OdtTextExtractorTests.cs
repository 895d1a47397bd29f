using System.IO.Compression;
using System.Text;
using Ats.Api.Resumes.TextExtraction;

namespace Ats.Api.Tests.Resumes.TextExtraction;

public sealed class OdtTextExtractorTests
{
    private const string MimeType = "application/vnd.oasis.opendocument.text";

    private const string Namespaces =
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " +
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " +
        "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" " +
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";

    private const string Manifest =
        """<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>""";

    private const string ResumeBody =
        """
        <office:text>
          <text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info><dc:creator>HR</dc:creator></office:change-info><text:p>удалённый абзац</text:p></text:deletion></text:changed-region></text:tracked-changes>
          <text:h text:outline-level="1">Петров Пётр Петрович</text:h>
          <text:p>
            Семён   Ёлкин,
            ведущий инженер
          </text:p>
          <text:p>Телефон:<text:tab/>+7 999 000-00-00<text:line-break/>Код:<text:s text:c="3"/>42</text:p>
          <text:p>Комментарий рядом<office:annotation><dc:creator>HR</dc:creator><text:p>внутренняя заметка</text:p></office:annotation> с текстом</text:p>
          <text:p>Сноска<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Текст сноски</text:p></text:note-body></text:note></text:p>
          <text:list>
            <text:list-item><text:p>Python</text:p></text:list-item>
            <text:list-item><text:p>Kotlin</text:p></text:list-item>
          </text:list>
          <table:table>
            <table:table-column table:number-columns-repeated="2"/>
            <table:table-row><table:table-cell><text:p>Компания</text:p></table:table-cell><table:table-cell><text:p>Должность</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell><text:p>ООО «Ромашка»</text:p></table:table-cell><table:table-cell><text:p>Разработчик</text:p></table:table-cell></table:table-row>
          </table:table>
          <text:p><draw:frame><svg:desc>описание картинки</svg:desc><draw:text-box><text:p>Навыки: C#, SQL</text:p></draw:text-box></draw:frame></text:p>
        </office:text>
        """;

    private readonly OdtTextExtractor _extractor = new();

    [Fact]
    public void Reads_tika_open_office_sample()
    {
        var text = ExtractFile("testOpenOffice2.odt");

        Assert.Equal("This is a sample Open Office document, written in NeoOffice 2.2.1 for the Mac.", text);
    }

    [Fact]
    public void Password_protected_tika_odt_is_encrypted()
    {
        var e = Assert.Throws<ExtractionException>(() => ExtractFile("testODTEncrypted.odt"));

        Assert.Equal(FailureReason.Encrypted, e.Reason);
    }

    [Fact]
    public void Tika_odt_that_is_not_a_zip_is_corrupt()
    {
        var e = Assert.Throws<ExtractionException>(() => ExtractFile("testODTnotaZipFile.odt"));

        Assert.Equal(FailureReason.Corrupt, e.Reason);
    }

    [Fact]
    public void Reads_cyrillic_heading_and_collapses_source_white_space()
    {
        var text = Extract(Odt(Content(ResumeBody)));

        Assert.StartsWith("Петров Пётр Петрович\nСемён Ёлкин, ведущий инженер\n", text);
    }

    [Fact]
    public void Spaces_tabs_and_line_breaks_are_kept()
    {
        var text = Extract(Odt(Content(ResumeBody)));

        Assert.Contains("Телефон:\t+7 999 000-00-00\nКод:   42\n", text);
    }

    [Fact]
    public void Comments_note_numbers_deleted_changes_and_alt_text_are_skipped()
    {
        var text = Extract(Odt(Content(ResumeBody)));

        Assert.Contains("Комментарий рядом с текстом", text);
        Assert.DoesNotContain("внутренняя заметка", text);
        Assert.DoesNotContain("удалённый абзац", text);
        Assert.DoesNotContain("описание картинки", text);
        Assert.Contains("Сноска", text);
        Assert.Contains("Текст сноски", text);
        Assert.DoesNotContain("1Текст", text);
    }

    [Fact]
    public void List_items_get_bullets_and_table_cells_tabs()
    {
        var text = Extract(Odt(Content(ResumeBody)));

        Assert.Contains("• Python\n• Kotlin\n", text);
        Assert.Contains("Компания\tДолжность\nООО «Ромашка»\tРазработчик\n", text);
        Assert.Contains("Навыки: C#, SQL", text);
    }

    [Fact]
    public void Page_header_and_footer_follow_the_body_once()
    {
        var styles = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-styles {Namespaces}><office:master-styles>
              <style:master-page style:name="Standard"><style:header><text:p>petrov@example.ru</text:p></style:header><style:footer><text:p>Стр. 1</text:p></style:footer></style:master-page>
              <style:master-page style:name="Second"><style:header><text:p>petrov@example.ru</text:p></style:header></style:master-page>
            </office:master-styles></office:document-styles>
            """;

        var text = Extract(Odt(Content(ResumeBody), styles: styles));

        Assert.EndsWith("Навыки: C#, SQL\npetrov@example.ru\nСтр. 1", text);
    }

    [Fact]
    public void Text_is_cut_at_the_character_limit()
    {
        var body = string.Concat(Enumerable.Range(0, 200).Select(i => $"<text:p>Строка номер {i} с текстом резюме</text:p>"));

        var text = _extractor.Extract(new MemoryStream(Odt(Content($"<office:text>{body}</office:text>"))), new ExtractionLimits { MaxTextChars = 1_000 }, CancellationToken.None);

        Assert.Equal(1_000, text.Length);
    }

    [Fact]
    public void Missing_content_is_corrupt()
    {
        var e = Assert.Throws<ExtractionException>(() => Extract(ZipGuardTests.Zip(("mimetype", MimeType), ("META-INF/manifest.xml", Manifest))));

        Assert.Equal(FailureReason.Corrupt, e.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/vnd.oasis.opendocument.spreadsheet")]
    public void Missing_or_foreign_mimetype_is_corrupt(string? mimeType)
    {
        var entries = new List<(string, string)> { ("content.xml", Content(ResumeBody)) };
        if (mimeType is not null)
        {
            entries.Insert(0, ("mimetype", mimeType));
        }

        var e = Assert.Throws<ExtractionException>(() => Extract(ZipGuardTests.Zip([.. entries])));

        Assert.Equal(FailureReason.Corrupt, e.Reason);
        Assert.Contains("mimetype", e.Message);
    }

    [Fact]
    public void Manifest_with_encryption_data_is_encrypted()
    {
        var manifest = Manifest.Replace(
            "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>",
            "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"><manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"AAAA\"/></manifest:file-entry>",
            StringComparison.Ordinal);
        Assert.Contains("encryption-data", manifest);

        var e = Assert.Throws<ExtractionException>(() => Extract(Odt("binary ciphertext, not XML", manifest: manifest)));

        Assert.Equal(FailureReason.Encrypted, e.Reason);
    }

    [Fact]
    public void External_entity_is_never_resolved()
    {
        var content = $"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><office:document-content {Namespaces}><office:body><office:text><text:p>&e;</text:p></office:text></office:body></office:document-content>";

        var e = Assert.Throws<ExtractionException>(() => Extract(Odt(content)));

        Assert.Equal(FailureReason.Corrupt, e.Reason);
        Assert.DoesNotContain("root:", e.ToString());
    }

    [Fact]
    public void Deep_nesting_is_too_large()
    {
        var content = Content("<office:text><text:p>" + string.Concat(Enumerable.Repeat("<text:span>", 100_000)) + "x"
            + string.Concat(Enumerable.Repeat("</text:span>", 100_000)) + "</text:p></office:text>");

        var e = Assert.Throws<ExtractionException>(() =>
            _extractor.Extract(new MemoryStream(Odt(content, level: CompressionLevel.NoCompression)), new ExtractionLimits(), CancellationToken.None));

        Assert.Equal(FailureReason.TooLarge, e.Reason);
        Assert.Contains("nested", e.Message);
    }

    [Fact]
    public void Zip_bomb_content_is_too_large()
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var mimetype = archive.CreateEntry("mimetype", CompressionLevel.NoCompression).Open())
            {
                mimetype.Write(Encoding.ASCII.GetBytes(MimeType));
            }
            using var content = archive.CreateEntry("content.xml", CompressionLevel.SmallestSize).Open();
            content.Write(Encoding.UTF8.GetBytes($"<office:document-content {Namespaces}><office:body><office:text><text:p>"));
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 1 << 20));
            for (var i = 0; i < 256; i++)
            {
                content.Write(chunk);
            }
            content.Write("</text:p></office:text></office:body></office:document-content>"u8);
        }

        var e = Assert.Throws<ExtractionException>(() => Extract(output.ToArray()));

        Assert.Equal(FailureReason.TooLarge, e.Reason);
    }

    private string Extract(byte[] odt) => _extractor.Extract(new MemoryStream(odt), new ExtractionLimits(), CancellationToken.None);

    private string ExtractFile(string name)
    {
        using var file = File.OpenRead(TestData.HostileAndFormats("tika", name));
        return _extractor.Extract(file, new ExtractionLimits(), CancellationToken.None);
    }

    private static string Content(string officeText) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content {Namespaces} office:version=\"1.2\"><office:body>{officeText}</office:body></office:document-content>";

    /// <summary>An ODT package as LibreOffice writes it: stored mimetype first, then content, styles and manifest.</summary>
    private static byte[] Odt(string content, string? styles = null, string manifest = Manifest, CompressionLevel level = CompressionLevel.Optimal)
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(archive, "mimetype", MimeType, CompressionLevel.NoCompression);
            Write(archive, "content.xml", content, level);
            if (styles is not null)
            {
                Write(archive, "styles.xml", styles, level);
            }
            Write(archive, "META-INF/manifest.xml", manifest, level);
        }
        return output.ToArray();

        static void Write(ZipArchive archive, string name, string text, CompressionLevel level)
        {
            using var stream = archive.CreateEntry(name, level).Open();
            stream.Write(new UTF8Encoding(false).GetBytes(text));
        }
    }
}
