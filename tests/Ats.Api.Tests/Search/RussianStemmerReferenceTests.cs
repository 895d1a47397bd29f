using Ats.Api.Search.Analysis;
using Lucene.Net.Tartarus.Snowball.Ext;
using Xunit.Abstractions;

namespace Ats.Api.Tests.Search;

/// <summary>
/// The Russian stemming of <see cref="TextAnalyzer"/> against the Snowball project's reference vocabulary
/// (../shared/testdata/stemmer-ru: 49,785 words and their stems). Current Snowball folds ё to е before stemming;
/// Lucene's older copy of the stemmer does not, which is what the analyzer's own ё→е step makes up for.
/// </summary>
public class RussianStemmerReferenceTests(ITestOutputHelper output)
{
    private static readonly Lazy<(string Word, string Stem)[]> Reference = new(() =>
    {
        var words = File.ReadAllLines(TestData.Get("stemmer-ru", "russian", "voc.txt"));
        var stems = File.ReadAllLines(TestData.Get("stemmer-ru", "russian", "output.txt"));
        Assert.Equal(words.Length, stems.Length);
        return words.Zip(stems).Where(p => p.First.Length > 0).ToArray();
    });

    [Fact]
    public void Analyzer_stems_every_reference_word_as_snowball_does()
    {
        var analyzer = new TextAnalyzer();
        var reference = Reference.Value;
        var disagreements = new List<string>();
        // Twice over: the second pass answers from the shared stem cache, which must agree with the stemmer.
        foreach (var (word, stem) in reference.Concat(reference))
        {
            var tokens = Tokens.Of(analyzer, word);
            var expected = YoFoldingFilter.Fold(stem);
            if (tokens.Count != 1 || tokens[0] != expected)
            {
                disagreements.Add($"{word}: {string.Join(' ', tokens)} instead of {expected}");
            }
        }
        var agreement = 1.0 - (double)disagreements.Count / (2 * reference.Length);
        output.WriteLine($"{2 * reference.Length - disagreements.Count}/{2 * reference.Length} words agree ({agreement:P3}).");
        disagreements.Take(50).ToList().ForEach(output.WriteLine);
        Assert.True(reference.Length > 49_000, "The reference vocabulary looks truncated.");
        // Measured: 49,785 of 49,785.
        Assert.Empty(disagreements);
    }

    [Fact]
    public void Without_yo_folding_lucenes_stemmer_misses_exactly_the_words_with_yo()
    {
        var stemmer = new RussianStemmer();
        var misses = Reference.Value.Where(p =>
        {
            stemmer.SetCurrent(p.Word);
            stemmer.Stem();
            return stemmer.Current != p.Stem;
        }).ToList();

        Assert.NotEmpty(misses);
        Assert.All(misses, p => Assert.Contains('ё', p.Word));
        Assert.Equal(Reference.Value.Count(p => p.Word.Contains('ё')), misses.Count);
    }
}
