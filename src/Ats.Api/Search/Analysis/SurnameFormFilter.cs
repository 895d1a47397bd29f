using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ats.Api.Search.Analysis;

/// <summary>Replaces each token with its <see cref="SurnameForms"/> key.</summary>
public sealed class SurnameFormFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public SurnameFormFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var original = _term.ToString();
        var key = SurnameForms.Normalize(original);
        if (!ReferenceEquals(key, original))
        {
            _term.SetEmpty().Append(key);
        }
        return true;
    }
}
