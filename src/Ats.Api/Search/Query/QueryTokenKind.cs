namespace Ats.Api.Search.QueryLanguage;

internal enum QueryTokenKind
{
    Word,
    Prefix,
    Fuzzy,
    Phrase,
    Field,
    LeftParen,
    RightParen,
    And,
    Or,
    Not,
    Required,
    End,
}
