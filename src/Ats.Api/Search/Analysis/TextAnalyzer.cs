using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Ats.Api.Search.Analysis;

/// <summary>
/// Analyzer for Russian and English free text: résumé text, positions, summaries, skills, companies, cities.
/// <list type="number">
/// <item>«C#», «C++», «.NET», «1С» are rewritten into plain words before tokenizing (<see cref="ProtectedTerms"/>);</item>
/// <item>StandardTokenizer (UAX#29 word breaks), lower case, Latin diacritics folded (Zürich = Zurich), ё → е;</item>
/// <item>each token stemmed by the Snowball stemmer of its script (<see cref="ScriptStemFilter"/>).</item>
/// </list>
/// No stop words are removed. Relevance scoring already discounts words that occur everywhere, and a stop list
/// would erase searches that matter here: English «IT», «it» and Russian «с», «и» are stop words, and «IT-рекрутер»,
/// «работа с 1С» lose meaning or phrase positions without them.
/// Skill synonyms are not part of this chain: they are applied at query time by the query parser
/// (<see cref="SkillSynonyms"/> explains why), so this analyzer is the same for indexing and for queries.
/// </summary>
public sealed class TextAnalyzer : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new ProtectedTermsCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new InvariantLowerCaseFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new YoFoldingFilter(stream);
        stream = new SetKeywordMarkerFilter(stream, ProtectedTerms.Keywords);
        stream = new ScriptStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
