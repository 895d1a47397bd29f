using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ats.Api.Search.Analysis;

/// <summary>
/// Folds «ё» to «е» (and «Ё» to «Е»). Russian writers use «ё» inconsistently — «актёр» and «актер» are one word —
/// and Lucene's Snowball Russian stemmer predates the rule that folds it, so without this step every word written
/// with «ё» stems differently from the same word written with «е».
/// </summary>
public sealed class YoFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public YoFoldingFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        Fold(_term.Buffer, _term.Length);
        return true;
    }

    public static void Fold(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            buffer[i] = buffer[i] switch
            {
                'ё' => 'е',
                'Ё' => 'Е',
                var c => c,
            };
        }
    }

    public static string Fold(string text) => text.Replace('ё', 'е').Replace('Ё', 'Е');
}
