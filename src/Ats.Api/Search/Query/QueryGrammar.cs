namespace Ats.Api.Search.QueryLanguage;

/// <summary>
/// Recursive descent over the tokens:
/// <code>
/// query   := or END
/// or      := and (OR and)*
/// and     := unary ([AND] unary)*          words side by side mean AND
/// unary   := (NOT | - | !) unary | + unary | primary
/// primary := ( or ) | FIELD: primary | "phrase" | word | prefix* | fuzzy~
/// </code>
/// NOT binds tighter than AND, AND tighter than OR, so «java kafka OR scala» is (java AND kafka) OR scala.
/// </summary>
internal sealed class QueryGrammar
{
    private readonly List<QueryToken> _tokens;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _fields;
    private readonly int _maxDepth;
    private int _next;
    private int _depth;

    public QueryGrammar(List<QueryToken> tokens, IReadOnlyDictionary<string, IReadOnlyList<string>> fields, int maxDepth)
    {
        _tokens = tokens;
        _fields = fields;
        _maxDepth = maxDepth;
    }

    public QueryNode Parse()
    {
        if (Peek.Kind == QueryTokenKind.End)
        {
            throw new QuerySyntaxException("The query is empty.", 0);
        }
        var node = ParseOr();
        return Peek.Kind switch
        {
            QueryTokenKind.End => node,
            QueryTokenKind.RightParen => throw new QuerySyntaxException("This closing parenthesis has no opening one.", Peek.Position),
            _ => throw new QuerySyntaxException($"Unexpected \"{Peek.Text}\".", Peek.Position),
        };
    }

    private QueryToken Peek => _tokens[_next];

    private QueryToken Take() => _tokens[_next++];

    private static bool StartsTerm(QueryTokenKind kind) => kind is QueryTokenKind.Word or QueryTokenKind.Prefix or QueryTokenKind.Fuzzy
        or QueryTokenKind.Phrase or QueryTokenKind.Field or QueryTokenKind.LeftParen or QueryTokenKind.Not or QueryTokenKind.Required;

    private QueryNode ParseOr()
    {
        var first = ParseAnd();
        if (Peek.Kind != QueryTokenKind.Or)
        {
            return first;
        }
        var children = new List<QueryNode> { first };
        while (Peek.Kind == QueryTokenKind.Or)
        {
            var or = Take();
            RequireOperand(or);
            children.Add(ParseAnd());
        }
        return new QueryNode.Or(children, first.Position);
    }

    private QueryNode ParseAnd()
    {
        var first = ParseUnary();
        var children = new List<QueryNode> { first };
        while (true)
        {
            if (Peek.Kind == QueryTokenKind.And)
            {
                RequireOperand(Take());
            }
            else if (!StartsTerm(Peek.Kind))
            {
                break;
            }
            children.Add(ParseUnary());
        }
        return children.Count == 1 ? first : new QueryNode.And(children, first.Position);
    }

    private QueryNode ParseUnary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case QueryTokenKind.Not:
                // Iterative, so that a long run of minus signs cannot exhaust the stack.
                var negations = 0;
                while (Peek.Kind is QueryTokenKind.Not or QueryTokenKind.Required)
                {
                    negations += Take().Kind == QueryTokenKind.Not ? 1 : 0;
                }
                RequireOperand(token, afterPrefix: true);
                var child = ParsePrimary();
                return negations % 2 == 1 ? new QueryNode.Not(child, token.Position) : child;
            case QueryTokenKind.Required:
                Take();
                return ParseUnary();
            default:
                return ParsePrimary();
        }
    }

    private void RequireOperand(QueryToken op, bool afterPrefix = false)
    {
        if (afterPrefix ? StartsTerm(Peek.Kind) && Peek.Kind is not (QueryTokenKind.Not or QueryTokenKind.Required) : StartsTerm(Peek.Kind))
        {
            return;
        }
        var instead = Peek.Kind switch
        {
            QueryTokenKind.End => "but the query ends there",
            QueryTokenKind.RightParen => "not a closing parenthesis",
            _ => $"not \"{Peek.Text}\"",
        };
        throw new QuerySyntaxException($"\"{op.Text}\" needs a word, a phrase or a group after it, {instead}.", op.Position);
    }

    private QueryNode ParsePrimary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case QueryTokenKind.Word:
                return new QueryNode.Word(token.Text, token.Position);
            case QueryTokenKind.Prefix:
                return new QueryNode.Prefix(token.Text, token.Position);
            case QueryTokenKind.Fuzzy:
                return new QueryNode.Fuzzy(token.Text, token.Number, token.Position);
            case QueryTokenKind.Phrase:
                return new QueryNode.Phrase(token.Text, token.Number ?? 0, token.Position);
            case QueryTokenKind.LeftParen:
            {
                Enter(token);
                if (Peek.Kind == QueryTokenKind.RightParen)
                {
                    throw new QuerySyntaxException("These parentheses have nothing between them.", token.Position);
                }
                var inner = ParseOr();
                if (Peek.Kind != QueryTokenKind.RightParen)
                {
                    throw new QuerySyntaxException("This parenthesis is never closed.", token.Position);
                }
                Take();
                _depth--;
                return inner;
            }
            case QueryTokenKind.Field:
            {
                Enter(token);
                if (Peek.Kind is QueryTokenKind.Not)
                {
                    throw new QuerySyntaxException($"Put the minus before the field: -{token.Text}:…", Peek.Position);
                }
                if (!StartsTerm(Peek.Kind) || Peek.Kind == QueryTokenKind.Required)
                {
                    throw new QuerySyntaxException($"\"{token.Text}:\" needs a word, a phrase or a group in parentheses after it.", token.Position);
                }
                var child = ParsePrimary();
                _depth--;
                return new QueryNode.Field(_fields[token.Text], child, token.Position);
            }
            case QueryTokenKind.RightParen:
                throw new QuerySyntaxException("This closing parenthesis has no opening one.", token.Position);
            case QueryTokenKind.End:
                throw new QuerySyntaxException("The query ends too early.", token.Position);
            default:
                throw new QuerySyntaxException($"\"{token.Text}\" needs a word or a phrase before it.", token.Position);
        }
    }

    private void Enter(QueryToken token)
    {
        if (++_depth > _maxDepth)
        {
            throw new QuerySyntaxException($"Too many nested parentheses or fields (at most {_maxDepth}).", token.Position);
        }
    }
}
