using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Ats.Api.Search.Analysis;

/// <summary>
/// Stems each token with the Snowball stemmer of its own script: Cyrillic with Russian, Latin with English (Porter2).
/// Résumés here mix both languages inside one sentence («опыт работы с Kafka и Spring Boot»), so a per-field or
/// per-document language choice would stem half of every text with the wrong rules. Tokens marked as keywords
/// (csharp, 1c…) and tokens without letters of either script (numbers, versions) pass through unchanged.
/// Expects lower-case input, as both stemmers do.
/// </summary>
public sealed class ScriptStemFilter : TokenFilter
{
    private readonly SnowballProgram _russian = new RussianStemmer();
    private readonly SnowballProgram _english = new EnglishStemmer();
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public ScriptStemFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        if (_keyword.IsKeyword)
        {
            return true;
        }
        var stemmer = ScriptOf(_term.Buffer, _term.Length) switch
        {
            Script.Cyrillic => _russian,
            Script.Latin => _english,
            _ => null,
        };
        if (stemmer is null)
        {
            return true;
        }
        var buffer = _term.Buffer;
        stemmer.SetCurrent(buffer, _term.Length);
        stemmer.Stem();
        var stemmed = stemmer.CurrentBuffer;
        if (ReferenceEquals(stemmed, buffer))
        {
            _term.Length = stemmer.CurrentBufferLength;
        }
        else
        {
            _term.CopyBuffer(stemmed, 0, stemmer.CurrentBufferLength);
        }
        return true;
    }

    private enum Script
    {
        None,
        Latin,
        Cyrillic,
    }

    // One Cyrillic letter decides: a token that mixes scripts is usually a Russian word with a Latin look-alike
    // typed by mistake, and the Russian stemmer leaves the Latin letters alone anyway.
    private static Script ScriptOf(char[] buffer, int length)
    {
        var latin = false;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c is >= '\u0400' and <= '\u052F')
            {
                return Script.Cyrillic;
            }
            latin |= c is >= 'a' and <= 'z';
        }
        return latin ? Script.Latin : Script.None;
    }
}
