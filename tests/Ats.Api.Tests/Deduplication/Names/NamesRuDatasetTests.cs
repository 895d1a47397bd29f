using Ats.Api.Deduplication.Names;
using Xunit.Abstractions;

namespace Ats.Api.Tests.Deduplication.Names;

/// <summary>
/// Sanity of the name rules against ../shared/testdata/names-ru (petrovich-eval, CC BY-SA: read here, never shipped).
/// The floors are a little under what was measured when these rules were written, so a regression shows.
/// </summary>
public class NamesRuDatasetTests(ITestOutputHelper output)
{
    private sealed record Row(string Name, string Gender);

    private static List<Row> Read(string file) =>
        File.ReadLines(TestData.Get("names-ru", file))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Where(cells => cells.Length >= 2 && cells[0].Length > 0)
            .Select(cells => new Row(cells[0].Trim('\uFEFF'), cells[1]))
            .ToList();

    private static Gender Expected(Row row) => row.Gender switch
    {
        "мр" => Gender.Male,
        "жр" => Gender.Female,
        _ => Gender.Unknown,
    };

    /// <summary>Accuracy over the rows with a gender (Unknown counts as a miss) and precision over the decided ones.</summary>
    private (double Accuracy, double Precision) Measure(string file, Func<string, Gender> detect)
    {
        var rows = Read(file).Where(r => Expected(r) != Gender.Unknown).ToList();
        var decided = 0;
        var correct = 0;
        foreach (var row in rows)
        {
            var gender = detect(row.Name);
            if (gender == Gender.Unknown)
            {
                continue;
            }
            decided++;
            if (gender == Expected(row))
            {
                correct++;
            }
        }
        var accuracy = (double)correct / rows.Count;
        var precision = (double)correct / decided;
        output.WriteLine($"{file}: {rows.Count} rows, decided {decided}, correct {correct}: accuracy {accuracy:F4}, precision {precision:F4}");
        return (accuracy, precision);
    }

    [Fact]
    public void Gender_from_patronymic_is_right_for_nearly_all_patronymics()
    {
        var (accuracy, precision) = Measure("midnames.gender.tsv", GenderDetector.FromPatronymic);
        // measured: accuracy 0.9998 (3 of 16,005 undecided: МЭТЬЮВНА-like foreign stems), precision 1.0
        Assert.True(accuracy >= 0.999, $"accuracy {accuracy:F4}");
        Assert.Equal(1.0, precision);
    }

    [Fact]
    public void Gender_from_popular_first_names_is_right_for_all()
    {
        var (accuracy, _) = Measure("firstnames.popular.gender.tsv", GenderDetector.FromFirstName);
        // measured: 1.0 over 199 names
        Assert.True(accuracy >= 0.99, $"accuracy {accuracy:F4}");
    }

    [Fact]
    public void Gender_from_all_first_names_including_rare_and_foreign_ones_is_mostly_right()
    {
        // 12,702 gendered lemmas, most of them rare or foreign (ААВО, ГЕКХАН, ДЖЕННИФЕР): beyond the built-in table
        // only endings can help, and -и/-е/-у endings are left undecided on purpose.
        var (accuracy, precision) = Measure("firstnames.gender.tsv", GenderDetector.FromFirstName);
        // measured: accuracy 0.899, precision 0.952
        Assert.True(accuracy >= 0.89, $"accuracy {accuracy:F4}");
        Assert.True(precision >= 0.95, $"precision {precision:F4}");
    }

    [Fact]
    public void Gender_from_surnames_is_decided_for_gendered_ones_and_left_open_for_unisex_ones()
    {
        var (accuracy, precision) = Measure("surnames.gender.tsv", GenderDetector.FromSurname);
        // measured: accuracy 0.998, precision 0.9999
        Assert.True(accuracy >= 0.995, $"accuracy {accuracy:F4}");
        Assert.True(precision >= 0.999, $"precision {precision:F4}");
        var unisex = Read("surnames.gender.tsv").Where(r => r.Gender == "мр-жр").ToList();
        var open = unisex.Count(r => GenderDetector.FromSurname(r.Name) == Gender.Unknown);
        output.WriteLine($"unisex surnames: {unisex.Count}, left Unknown: {open}");
        // measured: 2,145 of 2,181 (the rest are -ин/-ов lookalikes such as Эйнштейн-like foreign names)
        Assert.True(open >= 0.97 * unisex.Count, $"{open} of {unisex.Count}");
    }

    [Fact]
    public void Surname_and_its_icao_passport_spelling_share_a_key()
    {
        var surnames = Read("surnames.gender.tsv").Select(r => r.Name).Distinct().ToList();
        var misses = surnames
            .Select(s => (Cyrillic: s, Latin: Transliteration.ToLatin(s, TransliterationScheme.Icao9303)))
            .Where(p => Transliteration.NameKey(p.Cyrillic) != Transliteration.NameKey(p.Latin))
            .ToList();
        var share = 1 - (double)misses.Count / surnames.Count;
        output.WriteLine($"{surnames.Count} surnames, {misses.Count} keyed differently from ICAO: {share:F5} " + string.Join(" ", misses.Take(20)));
        // measured: 15,474 of 15,474
        Assert.True(share >= 0.999, $"{share:F5}");
    }

    public static TheoryData<TransliterationScheme, double, double> SchemeFloors() => new()
    {
        // scheme, floor for the primary key, floor for SameName (variants); measured values in the comments.
        { TransliterationScheme.Icao9303, 0.999, 0.999 },    // 0.9994 / 0.9994: ьа/ьо lose their glide (Альона → Alona)
        { TransliterationScheme.Mvd310, 0.9999, 0.9999 },    // 1.0 / 1.0
        { TransliterationScheme.Mvd782, 0.9999, 0.9999 },    // 1.0 / 1.0
        { TransliterationScheme.BgnPcgn, 0.9999, 0.9999 },   // 1.0 / 1.0
        { TransliterationScheme.Gost779A, 0.99, 0.995 },     // 0.9940 / 0.9969: sc (сц) reads as щ first, h for х after s/p/t
        { TransliterationScheme.Gost779B, 0.90, 0.999 },     // 0.9123 / 1.0: x is кс to the primary key
        { TransliterationScheme.Wikipedia, 0.9999, 0.9999 }, // 1.0 / 1.0
        { TransliterationScheme.YandexMaps, 0.999, 0.999 },  // 0.9995 / 0.9995
        { TransliterationScheme.YandexMoney, 0.999, 0.999 }, // 0.9995 / 0.9995
        { TransliterationScheme.Telegram, 0.92, 0.995 },     // 0.9352 / 0.9971: j is й to the primary key
        { TransliterationScheme.Informal, 0.999, 0.999 },    // 0.9993 / 0.9994
    };

    [Theory]
    [MemberData(nameof(SchemeFloors))]
    public void Every_name_of_names_ru_written_in_a_scheme_keeps_its_key(TransliterationScheme scheme, double primaryFloor, double variantsFloor)
    {
        var names = new[] { "surnames.gender.tsv", "firstnames.gender.tsv", "midnames.gender.tsv" }
            .SelectMany(Read).Select(r => r.Name).Distinct().ToList();
        var primary = 0;
        var variants = 0;
        foreach (var name in names)
        {
            var latin = Transliteration.ToLatin(name, scheme);
            if (Transliteration.NameKey(latin) == Transliteration.NameKey(name))
            {
                primary++;
            }
            if (Transliteration.SameName(latin, name))
            {
                variants++;
            }
        }
        var primaryShare = (double)primary / names.Count;
        var variantsShare = (double)variants / names.Count;
        output.WriteLine($"{scheme}: {names.Count} names, primary key {primaryShare:F4}, with variants {variantsShare:F4}");
        Assert.True(primaryShare >= primaryFloor, $"primary {primaryShare:F4}");
        Assert.True(variantsShare >= variantsFloor, $"variants {variantsShare:F4}");
    }
}
