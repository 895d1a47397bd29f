using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Ats.Api.Tests.Resumes.TextExtraction;

/// <summary>PDFs made in the test with PdfPig's writer: Cyrillic with an embedded TrueType font, two columns, a scan.</summary>
public static class PdfSamples
{
    public const string CyrillicFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    public static byte[] Cyrillic(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(CyrillicFont));
        var page = builder.AddPage(PageSize.A4);
        var y = 780.0;
        foreach (var line in lines)
        {
            page.AddText(line, 12, new PdfPoint(50, y), font);
            y -= 20;
        }
        return builder.Build();
    }

    /// <summary>Left column lines and right column lines at the same heights, as in a two-column résumé.</summary>
    public static byte[] TwoColumns(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            var y = 780.0 - i * 16;
            if (i < left.Count)
            {
                page.AddText(left[i], 11, new PdfPoint(40, y), font);
            }
            if (i < right.Count)
            {
                page.AddText(right[i], 11, new PdfPoint(320, y), font);
            }
        }
        return builder.Build();
    }

    /// <summary>A page that is only a picture: what a scanner produces.</summary>
    public static byte[] ImageOnly()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.AddPng(Png1x1(), new PdfRectangle(0, 0, 595, 842));
        return builder.Build();
    }

    private static byte[] Png1x1() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
