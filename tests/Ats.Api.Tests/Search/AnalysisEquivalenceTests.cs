using Ats.Api.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Ats.Api.Tests.Search;

/// <summary>
/// The two hand-written analysis pieces that replaced Lucene's for speed must give exactly what Lucene's gave:
/// <see cref="ProtectedTermsCharFilter"/> against MappingCharFilter with the same map (tokens and both offsets, which
/// snippets depend on), <see cref="InvariantLowerCaseFilter"/> against LowerCaseFilter — on crafted spellings and on
/// every word of the Snowball reference vocabulary in upper, title and mixed case.
/// </summary>
public sealed class AnalysisEquivalenceTests
{
    private static Analyzer Chain(bool ours) => Analyzer.NewAnonymous(
        (_, reader) =>
        {
            var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream stream = ours ? new InvariantLowerCaseFilter(tokenizer) : new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
            return new TokenStreamComponents(tokenizer, stream);
        },
        (_, reader) => ours ? new ProtectedTermsCharFilter(reader) : new MappingCharFilter(ProtectedTerms.CharMap, reader));

    private static readonly Analyzer Ours = Chain(ours: true);
    private static readonly Analyzer Lucenes = Chain(ours: false);

    private static List<(string Term, int Start, int End)> Run(Analyzer analyzer, string text)
    {
        var tokens = new List<(string, int, int)>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offsets.StartOffset, offsets.EndOffset));
        }
        stream.End();
        return tokens;
    }

    [Theory]
    [InlineData("Писал на C# и .NET, потом на С++ и F#; 1С:Предприятие 8.3, 1с, 1C: ERP, 1c:УТ.")]
    [InlineData("ASP.NET Core, VB.NET, .net, .Net6, c#, С#, C++17, c+, c ++, 1С-программист, 11с, 1С:")]
    [InlineData("c#c#c#.net.net1с:1с:")]
    [InlineData("")]
    [InlineData("Без особых слов: просто текст, ёлки и ЁЖИК, İstanbul, ǅemal, ΑΘΗΝΑ.")]
    [InlineData("Конец на C")]
    [InlineData("Конец на 1")]
    [InlineData("Конец на .ne")]
    public void Protected_spellings_give_the_same_tokens_and_offsets(string text)
    {
        Assert.Equal(Run(Lucenes, text), Run(Ours, text));
    }

    [Fact]
    public void The_reference_vocabulary_in_any_case_gives_the_same_tokens_and_offsets()
    {
        var words = File.ReadLines(TestData.Get("stemmer-ru", "russian", "voc.txt")).ToList();
        var text = string.Join(' ', words.Select((w, i) => (i % 3) switch
        {
            0 => w.ToUpperInvariant(),
            1 => char.ToUpperInvariant(w[0]) + w[1..],
            _ => w,
        }));
        // Sprinkle the protected spellings through it, at word starts and inside words.
        text = text.Replace(" а", " C# а").Replace("ов ", "ов 1С:").Replace("ем ", "ем .NET ");
        Assert.Equal(Run(Lucenes, text), Run(Ours, text));
    }
}
