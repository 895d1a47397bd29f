using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ats.Api.Search.Analysis;

/// <summary>
/// Lower-cases tokens with the invariant culture, in place. Lucene.Net's LowerCaseFilter calls the culture-aware
/// case mapping once per code point, and in a rebuild that was a fifth of all CPU time; here ASCII and the basic
/// Cyrillic alphabet (nearly every character of a résumé) are mapped with arithmetic, everything else with
/// <see cref="char.ToLowerInvariant"/>. Characters outside the Basic Multilingual Plane are left as they are.
/// </summary>
public sealed class InvariantLowerCaseFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public InvariantLowerCaseFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        Lower(_term.Buffer.AsSpan(0, _term.Length));
        return true;
    }

    public static void Lower(Span<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u0080')
            {
                if ((uint)(c - 'A') <= 'Z' - 'A')
                {
                    text[i] = (char)(c | 0x20);
                }
            }
            else if ((uint)(c - 'А') <= 'Я' - 'А')
            {
                text[i] = (char)(c + ('а' - 'А'));
            }
            else if (c is < 'а' or > 'я' && !char.IsSurrogate(c))
            {
                text[i] = char.ToLowerInvariant(c);
            }
        }
    }
}
