using System.IO.Compression;
using System.Text;
using Ats.Api.Resumes.TextExtraction;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Ats.Api.Tests.Resumes.TextExtraction;

public sealed class DocxTextExtractorTests
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

    private const string PackageRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";

    private const string TextBoxParagraph =
        """
        <w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
             xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
             xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
             xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
             xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
             xmlns:v="urn:schemas-microsoft-com:vml">
          <w:r>
            <mc:AlternateContent>
              <mc:Choice Requires="wps">
                <w:drawing><wp:anchor><wp:positionH relativeFrom="column"><wp:posOffset>3089910</wp:posOffset></wp:positionH>
                  <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>
                    <w:txbxContent><w:p><w:r><w:t>Навыки: C#, PostgreSQL</w:t></w:r></w:p></w:txbxContent>
                  </wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>
              </mc:Choice>
              <mc:Fallback>
                <w:pict><v:rect><v:textbox><w:txbxContent><w:p><w:r><w:t>Навыки: C#, PostgreSQL</w:t></w:r></w:p></w:txbxContent></v:textbox></v:rect></w:pict>
              </mc:Fallback>
            </mc:AlternateContent>
          </w:r>
          <w:r><w:t>После рамки</w:t></w:r>
        </w:p>
        """;

    private readonly DocxTextExtractor _extractor = new();

    [Fact]
    public void Reads_tika_sample_body_table_header_and_footer()
    {
        var text = ExtractFile("testWORD.docx");

        Assert.Contains("Sample Word Document Title", text);
        Assert.Contains("This is a sample Microsoft Word Document.", text);
        Assert.Contains("This document includes text that is BOLD and ITALIC.", text);
        Assert.Contains("This is a table", text);
        Assert.Contains("Nested table", text);
        Assert.Contains("This is the header for our document", text);
        Assert.Contains("This is the footer for our document", text);
        Assert.True(text.IndexOf("This is a sample Microsoft", StringComparison.Ordinal) < text.IndexOf("This is the header", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_tika_various_sample_with_text_box_once_lists_table_and_notes()
    {
        var text = ExtractFile("testWORD_various.docx");

        Assert.Equal(1, Occurrences(text, "Here is a text box"));
        Assert.Contains("• Bullet 1\n• Bullet 2\n• Bullet 3", text);
        Assert.Contains("1) Number bullet 1\n2) Number bullet 2\n3) Number bullet 3", text);
        Assert.Contains("Row 1 Col 1\tRow 1 Col 2\tRow 1 Col 3\nRow 2 Col 1\tRow 2 Col 2\tRow 2 Col 3", text);
        Assert.Contains("ゾルゲと尾崎、淡々と最期", text);
        Assert.Contains("𐌲𐌿𐍄𐌹𐍃𐌺", text);
        Assert.Contains("Figure 1 This is a caption for Figure 1", text);
        Assert.DoesNotContain("SEQ Figure", text);
        Assert.DoesNotContain("3089910", text);
        Assert.Contains("This is a footnote.", text);
        Assert.Contains("This is the header text.", text);
        Assert.Contains("This is the footer text.", text);
    }

    [Fact]
    public void Truncated_tika_docx_is_corrupt()
    {
        var e = Assert.Throws<ExtractionException>(() => ExtractFile("testWORD_truncated.docx"));

        Assert.Equal(FailureReason.Corrupt, e.Reason);
    }

    [Fact]
    public void Password_protected_tika_docx_is_encrypted()
    {
        var e = Assert.Throws<ExtractionException>(() => ExtractFile("testWORD_protected_passtika.docx"));

        Assert.Equal(FailureReason.Encrypted, e.Reason);
    }

    [Fact]
    public void Reads_cyrillic_body_with_yo()
    {
        var text = Extract(RichResume());

        Assert.StartsWith("Иванов Иван Иванович\nСемён Ёлкин, ведущий инженер", text);
    }

    [Fact]
    public void Table_cells_are_tab_separated_and_rows_are_lines()
    {
        var text = Extract(RichResume());

        Assert.Contains("Компания\tДолжность\nООО «Ромашка»\tРазработчик\n", text);
    }

    [Fact]
    public void Header_and_footer_follow_the_body_once_each_although_two_sections_repeat_them()
    {
        var text = Extract(RichResume());

        Assert.Equal(1, Occurrences(text, "ivanov@example.com"));
        Assert.Equal(1, Occurrences(text, "+7 999 123-45-67"));
        Assert.True(text.IndexOf("ivanov@example.com", StringComparison.Ordinal) > text.IndexOf("Разработчик", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_box_with_choice_and_fallback_appears_once()
    {
        var text = Extract(RichResume());

        Assert.Equal(1, Occurrences(text, "Навыки: C#, PostgreSQL"));
        Assert.Contains("После рамки", text);
        Assert.DoesNotContain("3089910", text);
    }

    [Fact]
    public void Legacy_vml_text_box_is_read()
    {
        var body = "<w:p xmlns:v=\"urn:schemas-microsoft-com:vml\"><w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
            + "<w:p><w:r><w:t>Английский: B2</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>";

        var text = Extract(MinimalDocx(Document(body)));

        Assert.Equal("Английский: B2", text);
    }

    [Fact]
    public void List_paragraphs_get_bullets_and_numbers()
    {
        var text = Extract(RichResume());

        Assert.Contains("• Python\n• Kotlin\n", text);
        Assert.Contains("1. Первое место работы\n2. Второе место работы\n", text);
    }

    [Fact]
    public void Deleted_revision_is_skipped_and_inserted_revision_kept()
    {
        var text = Extract(RichResume());

        Assert.DoesNotContain("удалённый текст", text);
        Assert.Contains("Опыт: 5 лет", text);
    }

    [Fact]
    public void Field_code_is_skipped_and_field_result_kept()
    {
        var text = Extract(RichResume());

        Assert.DoesNotContain("HYPERLINK", text);
        Assert.Contains("Портфолио: https://example.com/ivanov", text);
    }

    [Fact]
    public void Tabs_breaks_and_special_hyphens_become_plain_characters()
    {
        var text = Extract(RichResume());

        Assert.Contains("Телефон:\t+7-999\nГород: Санкт-Петербург", text);
        Assert.DoesNotContain('\u00AD', text);
        Assert.DoesNotContain('\uF02A', text);
    }

    [Fact]
    public void Strict_open_xml_reads_like_transitional()
    {
        var strict = Rewrite(RichResume(), (_, xml) => xml
            .Replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships/", "http://purl.oclc.org/ooxml/officeDocument/relationships/", StringComparison.Ordinal)
            .Replace(W, "http://purl.oclc.org/ooxml/wordprocessingml/main", StringComparison.Ordinal));

        var text = Extract(strict);

        Assert.Contains("Иванов Иван Иванович", text);
        Assert.Contains("Компания\tДолжность", text);
        Assert.Contains("ivanov@example.com", text);
        Assert.Contains("1. Первое место работы", text);
    }

    [Fact]
    public void Text_is_cut_at_the_character_limit()
    {
        var body = string.Concat(Enumerable.Range(0, 200).Select(i => $"<w:p><w:r><w:t>Строка номер {i} с текстом резюме</w:t></w:r></w:p>"));

        var text = _extractor.Extract(new MemoryStream(MinimalDocx(Document(body))), new ExtractionLimits { MaxTextChars = 1_000 }, CancellationToken.None);

        Assert.Equal(1_000, text.Length);
        Assert.StartsWith("Строка номер 0 с текстом резюме\n", text);
    }

    [Fact]
    public void Zip_without_a_word_document_is_corrupt()
    {
        var e = Assert.Throws<ExtractionException>(() => Extract(ZipGuardTests.Zip(("[Content_Types].xml", ContentTypes), ("readme.txt", "hello"))));

        Assert.Equal(FailureReason.Corrupt, e.Reason);
    }

    [Fact]
    public void Zip_bomb_document_is_too_large()
    {
        var bomb = MinimalDocx(stream =>
        {
            stream.Write(Encoding.UTF8.GetBytes($"<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>"));
            var chunk = Encoding.ASCII.GetBytes(new string('A', 1 << 20));
            for (var i = 0; i < 1024; i++)
            {
                stream.Write(chunk);
            }
            stream.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
        }, CompressionLevel.SmallestSize);
        Assert.True(bomb.Length < 5 * 1024 * 1024);

        var e = Assert.Throws<ExtractionException>(() => Extract(bomb));

        Assert.Equal(FailureReason.TooLarge, e.Reason);
    }

    [Fact]
    public void Document_whose_header_understates_its_size_is_refused_not_inflated()
    {
        var body = string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>Повторяющийся текст резюме</w:t></w:r></w:p>", 5_000));
        var docx = MinimalDocx(Document(body));
        ZipGuardTests.PatchDeclaredSize(docx, "word/document.xml", 1_000);

        var e = Assert.Throws<ExtractionException>(() => Extract(docx));

        // Only the declared 1,000 bytes are ever unpacked, so the XML ends mid-way.
        Assert.Contains(e.Reason, new[] { FailureReason.Corrupt, FailureReason.TooLarge });
    }

    [Theory]
    [InlineData("word/document.xml")]
    [InlineData("[Content_Types].xml")]
    [InlineData("_rels/.rels")]
    public void External_entity_is_never_resolved(string part)
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET-PASSWD-LINE");
        try
        {
            const string doctype = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\"><!ENTITY s SYSTEM \"{0}\">]>";
            var declaration = string.Format(System.Globalization.CultureInfo.InvariantCulture, doctype, new Uri(secret).AbsoluteUri);
            var docx = Rewrite(MinimalDocx(Document("<w:p><w:r><w:t>Иванов</w:t></w:r></w:p>")), (name, xml) => name != part
                ? xml
                : xml.Replace("standalone=\"yes\"?>", "standalone=\"yes\"?>" + declaration, StringComparison.Ordinal)
                    .Replace("Иванов", "&e;&s;", StringComparison.Ordinal));
            using (var archive = new ZipArchive(new MemoryStream(docx)))
            using (var reader = new StreamReader(archive.GetEntry(part)!.Open()))
            {
                Assert.Contains("<!DOCTYPE", reader.ReadToEnd());
            }

            var e = Assert.Throws<ExtractionException>(() => Extract(docx));

            Assert.Equal(FailureReason.Corrupt, e.Reason);
            Assert.DoesNotContain("root:", e.ToString());
            Assert.DoesNotContain("TOP-SECRET", e.ToString());
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Billion_laughs_is_corrupt()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }
        var document = $"<?xml version=\"1.0\"?><!DOCTYPE w:document [{entities}]><w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";

        var e = Assert.Throws<ExtractionException>(() => Extract(MinimalDocx(document)));

        Assert.Equal(FailureReason.Corrupt, e.Reason);
    }

    [Fact]
    public void Hundred_thousand_nested_elements_are_too_large()
    {
        const int depth = 100_000;
        var docx = MinimalDocx(stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write($"<w:document xmlns:w=\"{W}\"><w:body>");
            for (var i = 0; i < depth; i++)
            {
                writer.Write("<w:sdt>");
            }
            for (var i = 0; i < depth; i++)
            {
                writer.Write("</w:sdt>");
            }
            writer.Write("</w:body></w:document>");
        }, CompressionLevel.NoCompression);

        var e = Assert.Throws<ExtractionException>(() => Extract(docx));

        Assert.Equal(FailureReason.TooLarge, e.Reason);
        Assert.Contains("nested", e.Message);
    }

    [Fact]
    public void Twenty_thousand_zip_entries_are_too_large()
    {
        var output = new MemoryStream();
        output.Write(MinimalDocx(Document("<w:p><w:r><w:t>x</w:t></w:r></w:p>")));
        using (var archive = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < 20_000; i++)
            {
                archive.CreateEntry($"customXml/item{i}.xml", CompressionLevel.NoCompression);
            }
        }

        var e = Assert.Throws<ExtractionException>(() =>
            _extractor.Extract(new MemoryStream(output.ToArray()), new ExtractionLimits { MaxZipEntries = 10_000 }, CancellationToken.None));

        Assert.Equal(FailureReason.TooLarge, e.Reason);
    }

    [Fact]
    public void Random_bit_flips_fail_only_with_extraction_exceptions()
    {
        var original = RichResume();
        var random = new Random(20240611);
        var outcomes = new Dictionary<string, int>();
        for (var round = 0; round < 300; round++)
        {
            var damaged = (byte[])original.Clone();
            for (var flips = random.Next(1, 9); flips > 0; flips--)
            {
                damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
            }

            var error = Record.Exception(() => Extract(damaged));

            Assert.True(error is null or ExtractionException, $"round {round}: {error}");
            var outcome = error is ExtractionException failure ? failure.Reason.ToString() : "text";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        Assert.True(outcomes.Count > 1, string.Join(", ", outcomes));
    }

    [Fact]
    public void Cancelled_token_stops_extraction()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => _extractor.Extract(new MemoryStream(RichResume()), new ExtractionLimits(), cancelled.Token));
    }

    private string Extract(byte[] docx) => _extractor.Extract(new MemoryStream(docx), new ExtractionLimits(), CancellationToken.None);

    private string ExtractFile(string name)
    {
        using var file = File.OpenRead(TestData.HostileAndFormats("tika", name));
        return _extractor.Extract(file, new ExtractionLimits(), CancellationToken.None);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static string Document(string bodyXml) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{W}\"><w:body>{bodyXml}</w:body></w:document>";

    private static byte[] MinimalDocx(string documentXml) =>
        MinimalDocx(stream => stream.Write(new UTF8Encoding(false).GetBytes(documentXml)), CompressionLevel.Optimal);

    /// <summary>The three parts a Word document needs, with word/document.xml streamed in so a huge one costs little memory.</summary>
    private static byte[] MinimalDocx(Action<Stream> writeDocument, CompressionLevel level)
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[] { ("[Content_Types].xml", ContentTypes), ("_rels/.rels", PackageRelationships) })
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
            using var document = archive.CreateEntry("word/document.xml", level).Open();
            writeDocument(document);
        }
        return output.ToArray();
    }

    private static byte[] Rewrite(byte[] zip, Func<string, string, string> rewrite)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                string xml;
                using (var reader = new StreamReader(entry.Open()))
                {
                    xml = reader.ReadToEnd();
                }
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(rewrite(entry.FullName, xml));
            }
        }
        return output.ToArray();
    }

    /// <summary>A two-section résumé built with the Open XML SDK, using the features the extractor must handle.</summary>
    private static byte[] RichResume()
    {
        var output = new MemoryStream();
        using (var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document, autoSave: true))
        {
            var main = package.AddMainDocumentPart();
            var headers = Enumerable.Range(0, 2).Select(_ =>
            {
                var part = main.AddNewPart<HeaderPart>();
                part.Header = new Header(Paragraph("ivanov@example.com"));
                return main.GetIdOfPart(part);
            }).ToArray();
            var footers = Enumerable.Range(0, 2).Select(_ =>
            {
                var part = main.AddNewPart<FooterPart>();
                part.Footer = new Footer(Paragraph("+7 999 123-45-67"));
                return main.GetIdOfPart(part);
            }).ToArray();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "\uF0B7" }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new AbstractNum(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 }) { AbstractNumberId = 2 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 });

            main.Document = new Document(new Body(
                Paragraph("Иванов Иван Иванович"),
                Paragraph("Семён Ёлкин, ведущий инженер"),
                new Paragraph(
                    new Run(new Text("Телефон:"), new TabChar(), new Text("+7"), new NoBreakHyphen(), new Text("999"), new Break(), new Text("Город: Санкт"), new SoftHyphen()),
                    new Run(new Text("-Петербург"), new SymbolChar { Font = "Wingdings", Char = "F02A" })),
                new Table(
                    new TableRow(Cell("Компания"), Cell("Должность")),
                    new TableRow(Cell("ООО «Ромашка»"), Cell("Разработчик"))),
                new Paragraph(TextBoxParagraph),
                ListItem(1, "Python"),
                ListItem(1, "Kotlin"),
                ListItem(2, "Первое место работы"),
                ListItem(2, "Второе место работы"),
                new Paragraph(
                    new Run(new Text("Опыт: ")),
                    new DeletedRun(new Run(new DeletedText("удалённый текст"))) { Id = "1", Author = "HR" },
                    new InsertedRun(new Run(new Text("5 лет"))) { Id = "2", Author = "HR" }),
                new Paragraph(
                    new Run(new Text("Портфолио: ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode(" HYPERLINK \"https://example.com/ivanov\" ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                    new Run(new Text("https://example.com/ivanov")),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.End })),
                new Paragraph(new ParagraphProperties(new SectionProperties(
                    new HeaderReference { Type = HeaderFooterValues.Default, Id = headers[0] },
                    new FooterReference { Type = HeaderFooterValues.Default, Id = footers[0] }))),
                Paragraph("Вторая секция"),
                new SectionProperties(
                    new HeaderReference { Type = HeaderFooterValues.Default, Id = headers[1] },
                    new FooterReference { Type = HeaderFooterValues.Default, Id = footers[1] })));
        }
        return output.ToArray();

        static Paragraph Paragraph(string text) => new(new Run(new Text(text)));

        static TableCell Cell(string text) => new(Paragraph(text));

        static Paragraph ListItem(int numberingId, string text) => new(
            new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numberingId })),
            new Run(new Text(text)));
    }
}
