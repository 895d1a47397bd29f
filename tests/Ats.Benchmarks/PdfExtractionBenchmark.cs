using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ats.Api.Resumes.TextExtraction;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Ats.Benchmarks;

/// <summary>
/// PDF text extraction: pages per second on one core for our extractor and for poppler's pdftotext on the same
/// files in the same run, and how close our text is to pdftotext's (word-set F1 and word-order LCS ratio).
/// Inputs: the readable PDFs of ../shared/testdata plus generated résumés (Cyrillic, two columns, several pages).
/// </summary>
public static partial class PdfExtractionBenchmark
{
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    public static async Task<int> RunAsync(int rounds)
    {
        if (!File.Exists("/usr/bin/pdftotext"))
        {
            Console.Error.WriteLine("pdftotext not found: apt-get install poppler-utils");
            return 1;
        }
        var work = Directory.CreateTempSubdirectory("ats-pdf-bench");
        var files = Inputs(work.FullName);
        var extractor = new PdfTextExtractor();
        var limits = new ExtractionLimits();

        Console.WriteLine($"# PDF extraction benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {rounds} rounds, {files.Count} files");
        Console.WriteLine();
        Console.WriteLine("| file | pages | ours ms/round | pdftotext ms/round | word F1 vs pdftotext | order vs pdftotext (LCS) | order vs truth: ours / pdftotext |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        double oursTotal = 0, popplerTotal = 0, f1Sum = 0, lcsSum = 0;
        var pagesTotal = 0;
        var truthOurs = new List<double>();
        var truthPoppler = new List<double>();
        foreach (var (name, path, truth) in files)
        {
            int pages;
            using (var doc = PdfDocument.Open(path))
            {
                pages = doc.NumberOfPages;
            }
            var ours = "";
            extractor.Extract(File.OpenRead(path), limits, CancellationToken.None); // warm-up
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < rounds; i++)
            {
                await using var s = File.OpenRead(path);
                ours = extractor.Extract(s, limits, CancellationToken.None);
            }
            var oursMs = sw.Elapsed.TotalMilliseconds / rounds;

            var theirs = "";
            sw.Restart();
            for (var i = 0; i < rounds; i++)
            {
                theirs = await PdfToText(path);
            }
            var popplerMs = sw.Elapsed.TotalMilliseconds / rounds;

            if (Environment.GetEnvironmentVariable("ATS_BENCH_DUMP") is { Length: > 0 } dump)
            {
                Directory.CreateDirectory(dump);
                var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '_'));
                await File.WriteAllTextAsync(Path.Combine(dump, safe + ".ours.txt"), ours);
                await File.WriteAllTextAsync(Path.Combine(dump, safe + ".pdftotext.txt"), theirs);
            }
            var a = Words(ours);
            var b = Words(theirs);
            var f1 = F1(a, b);
            var lcs = a.Count + b.Count == 0 ? 1 : 2.0 * Lcs(a, b) / (a.Count + b.Count);
            var vsTruth = "—";
            if (truth is not null)
            {
                var t = Words(truth);
                var o = 2.0 * Lcs(a, t) / (a.Count + t.Count);
                var p = 2.0 * Lcs(b, t) / (b.Count + t.Count);
                truthOurs.Add(o);
                truthPoppler.Add(p);
                vsTruth = string.Create(CultureInfo.InvariantCulture, $"{o:0.000} / {p:0.000}");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {pages} | {oursMs:0.0} | {popplerMs:0.0} | {f1:0.000} | {lcs:0.000} | {vsTruth} |"));
            oursTotal += oursMs;
            popplerTotal += popplerMs;
            f1Sum += f1;
            lcsSum += lcs;
            pagesTotal += pages;
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Totals: {pagesTotal} pages. Ours {pagesTotal / (oursTotal / 1000):0.0} pages/s on one core; pdftotext {pagesTotal / (popplerTotal / 1000):0.0} pages/s " +
            $"(a process per file, as an ATS would run it). Ratio ours/pdftotext time: {oursTotal / popplerTotal:0.00}. " +
            $"Mean word F1 vs pdftotext {f1Sum / files.Count:0.000}, mean order similarity {lcsSum / files.Count:0.000}. " +
            $"Two-column reading order against the known true order: ours {truthOurs.DefaultIfEmpty(0).Average():0.000}, pdftotext {truthPoppler.DefaultIfEmpty(0).Average():0.000}."));
        work.Delete(recursive: true);
        return 0;
    }

    private static List<(string Name, string Path, string? Truth)> Inputs(string work)
    {
        var root = FindTestData();
        var readable = new[]
        {
            ("tika", "testPDF.pdf"), ("tika", "testOverlappingText.pdf"), ("tika", "testPDF_bad_page_303226.pdf"), ("tika", "testPDF_protected.pdf"),
            ("tika", "testPDF_no_extract_no_accessibility_owner_empty.pdf"), ("pdfpig", "issue_671.pdf"), ("pdfpig", "invalid-operator.pdf"),
        };
        var list = readable.Select(r => ($"{r.Item1}/{r.Item2}", Path.Combine(root, r.Item1, r.Item2), (string?)null)).ToList();
        for (var n = 0; n < 3; n++)
        {
            var path = Path.Combine(work, $"generated-resume-{n}.pdf");
            var (bytes, truth) = GeneratedResume(n);
            File.WriteAllBytes(path, bytes);
            list.Add(($"generated résumé {n} (2 columns, ru+en, 3 pages)", path, truth));
        }
        return list;
    }

    /// <summary>A three-page two-column résumé and its true reading order: each page's left column, then its right.</summary>
    private static (byte[] Pdf, string Truth) GeneratedResume(int seed)
    {
        var random = new Random(seed);
        string[] skills = ["Java", "Kotlin", "Kafka", "PostgreSQL", "Kubernetes", "1С:Предприятие", "C#", "Python", "Redis", "Docker", "Spring"];
        string[] phrases = ["Разработка высоконагруженных сервисов", "Проектирование микросервисной архитектуры", "Оптимизация запросов к базе данных",
            "Наставничество младших разработчиков", "Designed payment processing pipelines", "Led migration to the cloud", "Code review and mentoring"];
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
        var truth = new StringBuilder();
        for (var p = 0; p < 3; p++)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var left = new List<string>();
            var right = new List<string>();
            for (var line = 0; line < 45; line++)
            {
                var y = 800 - line * 17;
                left.Add(phrases[random.Next(phrases.Length)]);
                right.Add(string.Join(", ", Enumerable.Range(0, 3).Select(_ => skills[random.Next(skills.Length)])));
                page.AddText(left[^1], 9, new PdfPoint(40, y), font);
                page.AddText(right[^1], 9, new PdfPoint(330, y), font);
            }
            truth.AppendJoin('\n', left).Append('\n').AppendJoin('\n', right).Append('\n');
        }
        return (builder.Build(), truth.ToString());
    }

    private static async Task<string> PdfToText(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-q");
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }

    private static List<string> Words(string text) =>
        Word().Matches(text.Normalize(NormalizationForm.FormC)).Select(m => m.Value.ToLowerInvariant()).ToList();

    private static double F1(List<string> a, List<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }
        var bag = b.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        var common = 0;
        foreach (var w in a)
        {
            if (bag.TryGetValue(w, out var n) && n > 0)
            {
                bag[w] = n - 1;
                common++;
            }
        }
        return a.Count + b.Count == 0 ? 1 : 2.0 * common / (a.Count + b.Count);
    }

    private static int Lcs(List<string> a, List<string> b)
    {
        var prev = new int[b.Count + 1];
        var cur = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : Math.Max(prev[j], cur[j - 1]);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Count];
    }

    private static string FindTestData()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ats.sln")))
        {
            dir = dir.Parent;
        }
        return Path.GetFullPath(Path.Combine(dir?.FullName ?? ".", "..", "shared", "testdata", "hostile-and-formats"));
    }
}
