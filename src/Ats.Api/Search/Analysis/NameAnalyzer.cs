using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Ats.Api.Search.Analysis;

/// <summary>
/// Analyzer for one part of a person's name (surname, first name, patronymic — each indexed in a field of its own).
/// Names are never stemmed: a stemmer cuts «Иванов» and «Иван» to the same «иван», and the recruiter who looks for
/// Mr Ivanov does not want every Ivan. Tokens are lower-cased, Latin diacritics folded (Ščeglova = Sceglova) and ё
/// folded to е (Пётр = Петр, Ковалёв = Ковалев). With <c>surnameForms</c> the regular surname endings are folded too
/// (<see cref="SurnameForms"/>); leave it off for first names and patronymics, whose endings mean something else
/// («Марина» is not a form of «Марин»).
/// Double-barrelled names split at the hyphen, so «Римский-Корсаков» is found by either part.
/// </summary>
public sealed class NameAnalyzer(bool surnameForms) : Analyzer
{
    public bool SurnameForms { get; } = surnameForms;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new InvariantLowerCaseFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new YoFoldingFilter(stream);
        if (SurnameForms)
        {
            stream = new SurnameFormFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }
}
