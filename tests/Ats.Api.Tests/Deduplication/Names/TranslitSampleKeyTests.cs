using Ats.Api.Deduplication.Names;
using Xunit.Abstractions;

namespace Ats.Api.Tests.Deduplication.Names;

/// <summary>
/// Every sample pair of every scheme in ../shared/testdata/translit: the Cyrillic text and its Latin
/// transliteration must give one key, word by word.
/// </summary>
public class TranslitSampleKeyTests(ITestOutputHelper output)
{
    // The one pair whose primary keys differ, and why: MVD 310's French table writes ш as ch (sech, Iochkar), the
    // same letters every English-based scheme uses for ч; one key cannot read ch both ways without merging ч and ш.
    // NameKeyVariants carries the French reading, so SameName still matches it.
    private static readonly HashSet<(string Scheme, int Index)> FrenchChForSh = [("mvd_310_fr", 0)];

    public static TheoryData<string, int> Pairs()
    {
        var data = new TheoryData<string, int>();
        foreach (var sample in TranslitSamples.All)
        {
            data.Add(sample.Scheme, sample.Index);
        }
        return data;
    }

    private static TranslitSamples.Sample Find(string scheme, int index) =>
        TranslitSamples.All.Single(s => s.Scheme == scheme && s.Index == index);

    [Fact]
    public void The_folder_holds_the_expected_164_pairs_in_28_schemes()
    {
        Assert.Equal(164, TranslitSamples.All.Count);
        Assert.Equal(28, TranslitSamples.All.Select(s => s.Scheme).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Cyrillic_and_its_transliteration_are_the_same_name_under_some_reading(string scheme, int index)
    {
        var sample = Find(scheme, index);
        Assert.True(Transliteration.SameName(sample.Cyrillic, sample.Latin),
            $"{scheme}#{index}: «{sample.Cyrillic}» / {sample.Latin}\n{Transliteration.NameKey(sample.Cyrillic)}\n{Transliteration.NameKey(sample.Latin)}");
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Cyrillic_and_its_transliteration_share_the_primary_key_except_french_ch(string scheme, int index)
    {
        var sample = Find(scheme, index);
        var cyrillic = Transliteration.NameKey(sample.Cyrillic);
        var latin = Transliteration.NameKey(sample.Latin);
        if (FrenchChForSh.Contains((scheme, index)))
        {
            Assert.NotEqual(cyrillic, latin);
            // Only the words with ch differ.
            var differing = cyrillic.Split(' ').Zip(latin.Split(' ')).Where(p => p.First != p.Second).Select(p => p.Second).ToList();
            Assert.Equal(new[] { "seq", "eqkar" }, differing);
            return;
        }
        Assert.True(cyrillic == latin, $"{scheme}#{index}: «{sample.Cyrillic}» / {sample.Latin}\n{cyrillic}\n{latin}");
    }

    [Fact]
    public void Pass_counts_per_scheme_are_all_pairs_with_variants_and_all_but_one_with_the_primary_key()
    {
        var primaryTotal = 0;
        var variantsTotal = 0;
        foreach (var scheme in TranslitSamples.All.GroupBy(s => s.Scheme))
        {
            var primary = scheme.Count(s => Transliteration.NameKey(s.Cyrillic) == Transliteration.NameKey(s.Latin));
            var variants = scheme.Count(s => Transliteration.SameName(s.Cyrillic, s.Latin));
            output.WriteLine($"{scheme.Key,-16} {scheme.Count(),3} pairs: primary key {primary}, with variants {variants}");
            primaryTotal += primary;
            variantsTotal += variants;
        }
        output.WriteLine($"all              {TranslitSamples.All.Count,3} pairs: primary key {primaryTotal}, with variants {variantsTotal}");
        Assert.Equal(TranslitSamples.All.Count - FrenchChForSh.Count, primaryTotal);
        Assert.Equal(TranslitSamples.All.Count, variantsTotal);
    }
}
