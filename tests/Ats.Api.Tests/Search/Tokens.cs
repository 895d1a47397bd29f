using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ats.Api.Tests.Search;

internal static class Tokens
{
    public static List<string> Of(Analyzer analyzer, string text, string field = "text")
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }
        stream.End();
        return tokens;
    }
}
