using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

using System.Collections.Concurrent;

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
    // Word frequencies are Zipf-shaped: a few hundred thousand word forms make up nearly all tokens of a résumé base,
    // and a Snowball stem costs several times a dictionary look-up. Stems are shared by every thread; the cache
    // stops growing when full rather than evicting (the common forms arrive first).
    private const int MaxCachedStems = 300_000;
    private const int MaxCachedLength = 40;
    private static readonly ConcurrentDictionary<string, string> Stems = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> StemsBySpan = Stems.GetAlternateLookup<ReadOnlySpan<char>>();
    // ConcurrentDictionary.Count takes every lock: the size is counted here instead.
    private static int _cachedStems;

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
        var token = new ReadOnlySpan<char>(_term.Buffer, 0, _term.Length);
        if (StemsBySpan.TryGetValue(token, out var cached))
        {
            _term.SetEmpty().Append(cached);
            return true;
        }
        var original = token.Length <= MaxCachedLength && Volatile.Read(ref _cachedStems) < MaxCachedStems ? token.ToString() : null;
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
        if (original is not null && Stems.TryAdd(original, _term.ToString()))
        {
            Interlocked.Increment(ref _cachedStems);
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
