namespace Ats.Api.Search.QueryLanguage;

/// <summary>Splits a normalised query into words, phrases, field prefixes, operators and parentheses.</summary>
internal sealed class QueryLexer
{
    private const int MaxSlop = 50;

    private readonly QueryText _query;
    private readonly string _text;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _fields;
    private readonly bool _russianOperators;
    private readonly List<QueryToken> _tokens = [];
    private int _i;

    public QueryLexer(QueryText query, IReadOnlyDictionary<string, IReadOnlyList<string>> fields, bool russianOperators)
    {
        _query = query;
        _text = query.Text;
        _fields = fields;
        _russianOperators = russianOperators;
    }

    public List<QueryToken> Tokenize()
    {
        while (true)
        {
            while (_i < _text.Length && _text[_i] == ' ')
            {
                _i++;
            }
            if (_i == _text.Length)
            {
                _tokens.Add(new QueryToken(QueryTokenKind.End, "", _query.Original(_i)));
                return _tokens;
            }
            var c = _text[_i];
            if (c == '(')
            {
                Add(QueryTokenKind.LeftParen, "(", 1);
            }
            else if (c == ')')
            {
                Add(QueryTokenKind.RightParen, ")", 1);
            }
            else if (c == '"')
            {
                ReadPhrase('"');
            }
            else if (c == '\'')
            {
                ReadPhrase('\'');
            }
            else if (c is '-' or '!' && StartsTerm(_i + 1))
            {
                Add(QueryTokenKind.Not, c.ToString(), 1);
            }
            // After a field the plus belongs to the value: phone:+79991234567.
            else if (c == '+' && StartsTerm(_i + 1) && _tokens is not [.., { Kind: QueryTokenKind.Field }])
            {
                Add(QueryTokenKind.Required, "+", 1);
            }
            else if (At("&&"))
            {
                Add(QueryTokenKind.And, "&&", 2);
            }
            else if (At("||"))
            {
                Add(QueryTokenKind.Or, "||", 2);
            }
            else
            {
                ReadWord();
            }
        }
    }

    private void Add(QueryTokenKind kind, string text, int length)
    {
        _tokens.Add(new QueryToken(kind, text, _query.Original(_i)));
        _i += length;
    }

    private bool At(string symbol) => string.CompareOrdinal(_text, _i, symbol, 0, symbol.Length) == 0;

    // "-java" excludes java, but a dash standing alone ("Java - Kafka") is just punctuation.
    private bool StartsTerm(int index) => index < _text.Length && _text[index] is not (' ' or ')');

    private QuerySyntaxException Error(string message, int index) => new(message, _query.Original(index));

    private void ReadPhrase(char quote)
    {
        var open = _i;
        var close = -1;
        for (var j = open + 1; j < _text.Length; j++)
        {
            // A single quote closes only at the end of a word: «'O'Brien'» is one quoted name, not two.
            if (_text[j] == quote && (quote == '"' || j + 1 == _text.Length || !char.IsLetterOrDigit(_text[j + 1])))
            {
                close = j;
                break;
            }
        }
        if (close < 0)
        {
            throw Error("This quote is never closed. Add the closing quote after the phrase.", open);
        }
        var phrase = _text[(open + 1)..close];
        if (string.IsNullOrWhiteSpace(phrase))
        {
            throw Error("These quotes have nothing between them.", open);
        }
        _i = close + 1;
        int? slop = null;
        if (_i < _text.Length && _text[_i] == '~')
        {
            _i++;
            var digits = _i;
            while (_i < _text.Length && char.IsAsciiDigit(_text[_i]))
            {
                _i++;
            }
            slop = 2;
            if (_i > digits)
            {
                if (_i - digits > 2 || int.Parse(_text.AsSpan(digits, _i - digits), System.Globalization.CultureInfo.InvariantCulture) > MaxSlop)
                {
                    throw Error($"A phrase may allow at most {MaxSlop} words between its words (~{MaxSlop}).", digits);
                }
                slop = int.Parse(_text.AsSpan(digits, _i - digits), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        _tokens.Add(new QueryToken(QueryTokenKind.Phrase, phrase, _query.Original(open), slop));
    }

    private void ReadWord()
    {
        var start = _i;
        var end = start;
        while (end < _text.Length && _text[end] is not (' ' or '(' or ')' or '"'))
        {
            end++;
        }
        if (TryReadField(start, end))
        {
            return;
        }
        var word = _text[start..end];
        _i = end;
        var position = _query.Original(start);
        var kind = word switch
        {
            "AND" => QueryTokenKind.And,
            "OR" => QueryTokenKind.Or,
            "NOT" => QueryTokenKind.Not,
            "И" when _russianOperators => QueryTokenKind.And,
            "ИЛИ" when _russianOperators => QueryTokenKind.Or,
            "НЕ" when _russianOperators => QueryTokenKind.Not,
            _ => QueryTokenKind.Word,
        };
        if (kind != QueryTokenKind.Word)
        {
            _tokens.Add(new QueryToken(kind, word, position));
            return;
        }
        var star = word.IndexOf('*');
        var tilde = word.IndexOf('~');
        if (star == 0)
        {
            throw Error("A word cannot start with *: put at least two letters before it, as in java*.", start);
        }
        if (star > 0)
        {
            if (star != word.Length - 1)
            {
                throw Error("* can only end a word, as in java*.", start + star);
            }
            if (tilde >= 0)
            {
                throw Error("A word cannot be both a prefix (*) and fuzzy (~).", start + tilde);
            }
            var prefix = word[..^1];
            if (prefix.Count(char.IsLetterOrDigit) < 2)
            {
                throw Error("Put at least two letters before *, as in java*.", start);
            }
            _tokens.Add(new QueryToken(QueryTokenKind.Prefix, prefix, position));
            return;
        }
        if (tilde >= 0)
        {
            if (tilde == 0)
            {
                throw Error("~ must follow a word, as in kubernetes~.", start);
            }
            var edits = word[(tilde + 1)..];
            int? number = null;
            if (edits.Length > 0)
            {
                if (edits is not ("0" or "1" or "2"))
                {
                    throw Error("~ can be followed only by the number of typos allowed: 0, 1 or 2.", start + tilde);
                }
                number = edits[0] - '0';
            }
            _tokens.Add(new QueryToken(QueryTokenKind.Fuzzy, word[..tilde], position, number));
            return;
        }
        _tokens.Add(new QueryToken(QueryTokenKind.Word, word, position));
    }

    // "skill:java", "name:(Петров OR Иванов)", "city: Казань". A colon after anything that is not a plain word
    // ("1С:Предприятие", "10:00", "http://…") is part of the text.
    private bool TryReadField(int start, int end)
    {
        var colon = _text.IndexOf(':', start, end - start);
        if (colon <= start || !IsFieldName(start, colon) || (colon + 1 < _text.Length && _text[colon + 1] == '/'))
        {
            return false;
        }
        var name = _text[start..colon];
        if (!_fields.ContainsKey(name))
        {
            throw Error($"There is no field \"{name}:\". Fields: {string.Join(", ", _fields.Keys.Select(k => k + ":"))}.", start);
        }
        var next = colon + 1;
        while (next < _text.Length && _text[next] == ' ')
        {
            next++;
        }
        if (next == _text.Length || _text[next] == ')')
        {
            throw Error($"\"{name}:\" needs a word, a phrase or a group in parentheses after it.", start);
        }
        _tokens.Add(new QueryToken(QueryTokenKind.Field, name, _query.Original(start)));
        _i = colon + 1;
        return true;
    }

    private bool IsFieldName(int start, int end)
    {
        for (var j = start; j < end; j++)
        {
            if (!char.IsLetter(_text[j]) && _text[j] != '_')
            {
                return false;
            }
        }
        return true;
    }
}
