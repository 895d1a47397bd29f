using Ats.Api.Candidates;
using Ats.Api.Deduplication.Names;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Ats.Api.Search;

/// <summary>
/// Analyzers for fields whose terms are normal forms rather than words: script-independent name keys, phone
/// digits, normalised e-mails. The same code runs at index and at query time, so any written form finds the value.
/// </summary>
public static class KeyAnalyzers
{
    /// <summary>Each name word becomes its transliteration key: «Щеглова», «Shcheglova», «Ščeglova» → one term.</summary>
    public static Analyzer NameKey() => Analyzer.NewAnonymous((field, reader) =>
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        return new TokenStreamComponents(tokenizer, new MapFilter(tokenizer, Transliteration.NameKey));
    });

    /// <summary>A phone in any form becomes its last ten digits (the national number for Russia), as indexed.</summary>
    public static Analyzer Phone() => Analyzer.NewAnonymous((field, reader) =>
    {
        var tokenizer = new KeywordTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new MapFilter(tokenizer, text =>
        {
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            return digits.Length > 10 ? digits[^10..] : digits;
        }));
    });

    /// <summary>An e-mail in its normal form (lower case, Gmail dots and +tags removed), or lower-cased as typed.</summary>
    public static Analyzer Email() => Analyzer.NewAnonymous((field, reader) =>
    {
        var tokenizer = new KeywordTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new MapFilter(tokenizer, text =>
            EmailNormalizer.TryNormalize(text, out var normalized) ? normalized : text.Trim().ToLowerInvariant()));
    });

    /// <summary>Replaces each token's text; drops tokens that map to nothing.</summary>
    private sealed class MapFilter(TokenStream input, Func<string, string> map) : TokenFilter(input)
    {
        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            while (m_input.IncrementToken())
            {
                var mapped = map(_term.ToString());
                if (mapped.Length > 0)
                {
                    _term.SetEmpty().Append(mapped);
                    return true;
                }
            }
            return false;
        }
    }
}
