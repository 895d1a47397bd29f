using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Ats.Api.Resumes.TextExtraction;

namespace Ats.Api.Tests.Resumes.TextExtraction;

public sealed class HtmlTextExtractorTests
{
    private readonly HtmlTextExtractor _extractor = new();

    private string Extract(byte[] bytes, ExtractionLimits? limits = null) =>
        _extractor.Extract(new MemoryStream(bytes, writable: false), limits ?? new ExtractionLimits(), CancellationToken.None);

    private string Extract(string html, ExtractionLimits? limits = null) => Extract(Encoding.UTF8.GetBytes(html), limits);

    [Fact]
    public void Scripts_styles_and_other_invisible_parts_are_dropped()
    {
        const string html =
            """
            <html><head><meta charset="utf-8"><style>body { color: red }</style>
            <script>var secret = "токен";</script></head>
            <body><noscript>Включите JavaScript</noscript><template><p>шаблон</p></template>
            <svg><text>график</text></svg><p hidden>скрыто</p><div style="display: none">тоже скрыто</div>
            <p>Иванов Иван</p><script>document.write("ещё скрипт")</script></body></html>
            """;

        Assert.Equal("Иванов Иван", Extract(html));
    }

    [Fact]
    public void Title_comes_first_as_its_own_line()
    {
        const string html = "<html><head><title>Резюме: Иванов   Иван</title></head><body><p>Разработчик</p></body></html>";

        Assert.Equal("Резюме: Иванов Иван\nРазработчик", Extract(html));
    }

    [Fact]
    public void Entities_are_decoded_and_no_break_spaces_become_spaces()
    {
        const string html = "<p>Иван&nbsp;Иванов, ООО&nbsp;&laquo;Ромашка&raquo; &amp; АО &#171;Вектор&#187; &mdash; &#x2116;&nbsp;1</p>";

        Assert.Equal("Иван Иванов, ООО «Ромашка» & АО «Вектор» — № 1", Extract(html));
    }

    [Fact]
    public void Paragraphs_and_line_breaks_become_lines_and_spaces_collapse()
    {
        const string html =
            """
            <body>
              <h1>Иванов   Иван</h1>
              <p>Москва,
                 м.   Сокол</p>
              <div>Тел.: 8 999 123-45-67<br>E-mail: ivan@example.ru<br><br><br>Опыт работы</div>
              <ul><li>C#</li><li>SQL</li></ul>
            </body>
            """;

        Assert.Equal("Иванов Иван\nМосква, м. Сокол\nТел.: 8 999 123-45-67\nE-mail: ivan@example.ru\n\nОпыт работы\nC#\nSQL", Extract(html));
    }

    [Fact]
    public void Table_cells_are_separated_by_tabs_and_rows_by_lines_keeping_empty_columns()
    {
        const string html =
            """
            <table>
              <tr><th>Период</th><th>Компания</th><th>Должность</th></tr>
              <tr><td>2019–2024</td><td>ООО «Ромашка»</td><td>Ведущий разработчик</td></tr>
              <tr><td>2015–2019</td><td></td><td>Программист</td></tr>
            </table>
            """;

        Assert.Equal("Период\tКомпания\tДолжность\n2019–2024\tООО «Ромашка»\tВедущий разработчик\n2015–2019\t\tПрограммист", Extract(html));
    }

    [Fact]
    public void Preformatted_text_keeps_its_line_breaks()
    {
        Assert.Equal("Навыки:\nC#\nSQL", Extract("<pre>Навыки:\n  C#\n  SQL</pre>"));
    }

    [Theory]
    [InlineData("<meta charset=\"windows-1251\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">")]
    [InlineData("<META HTTP-EQUIV=Content-Type CONTENT='text/html;charset=cp1251'>")]
    public void Page_declaring_windows_1251_is_decoded_as_1251(string meta)
    {
        var html = $"<html><head>{meta}<title>Резюме</title></head><body><p>{TextEncodingDetectorTests.ShortName}</p></body></html>";

        var text = Extract(TextEncodingDetectorTests.CodePage(1251).GetBytes(html));

        Assert.Equal("Резюме\n" + TextEncodingDetectorTests.ShortName, text);
    }

    [Fact]
    public void Declared_charset_decides_where_the_text_is_too_short_to_detect()
    {
        var html = "<html><head><meta charset=\"cp866\"></head><body>Ёж</body></html>";

        Assert.Equal("Ёж", Extract(TextEncodingDetectorTests.CodePage(866).GetBytes(html)));
    }

    [Fact]
    public void Page_without_charset_in_koi8_r_is_detected()
    {
        var html = $"<html><body><h2>{TextEncodingDetectorTests.ShortName}</h2><p>Ведущий разработчик, Казань</p></body></html>";

        var text = Extract(TextEncodingDetectorTests.CodePage(20866).GetBytes(html));

        Assert.Equal(TextEncodingDetectorTests.ShortName + "\nВедущий разработчик, Казань", text);
    }

    [Fact]
    public void Utf8_bytes_win_over_a_stale_single_byte_meta_tag()
    {
        var html = "<html><head><meta charset=\"windows-1251\"></head><body>Жёлтый Иван</body></html>";

        Assert.Equal("Жёлтый Иван", Extract(Encoding.UTF8.GetBytes(html)));
    }

    [Fact]
    public void Utf16_page_with_byte_order_mark_is_decoded()
    {
        var html = "<html><head><meta charset=\"utf-16\"></head><body><p>Иванов Иван</p></body></html>";
        byte[] bytes = [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(html)];

        Assert.Equal("Иванов Иван", Extract(bytes));
    }

    [Fact]
    public void Mailto_and_tel_links_keep_their_text_and_add_contacts_not_shown()
    {
        const string html =
            """
            <p><a href="mailto:ivan.ivanov@example.ru?subject=%D0%92%D0%B0%D0%BA%D0%B0%D0%BD%D1%81%D0%B8%D1%8F">Написать мне</a></p>
            <p><a href="mailto:petr@example.ru">petr@example.ru</a></p>
            <p><a href="tel:+79991234567">Позвонить</a></p>
            <p><a href="tel:+79161112233">8 (916) 111-22-33</a></p>
            <p><a href="https://example.ru/cv">Портфолио</a></p>
            """;

        Assert.Equal(
            "Написать мне (ivan.ivanov@example.ru)\npetr@example.ru\nПозвонить (+79991234567)\n8 (916) 111-22-33\nПортфолио",
            Extract(html));
    }

    [Fact]
    public void Deeply_nested_divs_do_not_crash_or_hang_and_keep_their_text()
    {
        var html = new StringBuilder("<html><body>");
        html.Insert(html.Length, "<div>", 200_000).Append("Иванов Иван");
        html.Insert(html.Length, "</div>", 200_000).Append("<p>Конец</p></body></html>");
        var stopwatch = Stopwatch.StartNew();

        var text = Extract(html.ToString());

        Assert.Equal("Иванов Иван\nКонец", text);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
    }

    [Theory]
    [InlineData("<b>")]
    [InlineData("<span>")]
    [InlineData("<ul><li>")]
    [InlineData("<table><tr><td>")]
    [InlineData("<div/>")]
    [InlineData("<span><div></span>")]
    public void Deep_unclosed_nesting_of_any_kind_finishes_with_the_text(string open)
    {
        var html = new StringBuilder().Insert(0, open, 100_000).Append("текст в глубине").ToString();
        var stopwatch = Stopwatch.StartNew();

        var text = Extract(html);

        Assert.EndsWith("текст в глубине", text);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Long_sloppy_page_with_unclosed_paragraphs_items_and_cells_keeps_every_line()
    {
        // Old editors leave <p>, <li>, <td> and <font> unclosed; the nesting limit must not mistake that for depth.
        const int count = 700;
        var html = new StringBuilder("<html><body><table>");
        for (var i = 0; i < count; i++)
        {
            html.Append($"<tr><td><font face=Arial>Ячейка {i}<td>ещё");
        }
        html.Append("</table><ul>");
        for (var i = 0; i < count; i++)
        {
            html.Append($"<li><font size=2>Пункт {i}");
        }
        html.Append("</ul>");
        for (var i = 0; i < count; i++)
        {
            html.Append($"<p><font color=red><b>Абзац {i}");
        }

        var lines = Extract(html.ToString()).Split('\n');

        Assert.Equal(3 * count, lines.Length);
        Assert.Equal("Ячейка 0\tещё", lines[0]);
        Assert.Equal($"Ячейка {count - 1}\tещё", lines[count - 1]);
        Assert.Equal($"Пункт {count - 1}", lines[2 * count - 1]);
        Assert.Equal($"Абзац {count - 1}", lines[^1]);
    }

    [Fact]
    public void Text_is_cut_at_the_character_limit()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<p>Опыт работы в крупной компании.</p>", 200)) + "</body></html>";

        var text = Extract(html, new ExtractionLimits { MaxTextChars = 1000 });

        Assert.True(text.Length <= 1000, $"{text.Length} chars");
        Assert.True(text.Length > 950, $"{text.Length} chars");
        Assert.StartsWith("Опыт работы в крупной компании.\nОпыт работы", text);
    }

    [Fact]
    public void Nothing_the_page_links_to_is_fetched()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
            var html =
                $"""
                <html><head><link rel="stylesheet" href="{url}a.css"><script src="{url}a.js"></script></head>
                <body><img src="{url}a.png"><iframe src="{url}frame"></iframe><object data="{url}o"></object>
                <p style="background: url({url}bg.png)">Иванов Иван</p></body></html>
                """;

            var text = Extract(html);
            Thread.Sleep(200);

            Assert.Equal("Иванов Иван", text);
            Assert.False(listener.Pending(), "the extractor connected to a URL from the page");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void Empty_file_has_no_text()
    {
        Assert.Equal("", Extract([]));
    }
}
