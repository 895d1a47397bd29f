namespace Ats.Api.Search.QueryLanguage;

/// <summary>The parsed form of a recruiter's query, before analysis. Positions are in the query as typed.</summary>
internal abstract record QueryNode(int Position)
{
    /// <summary>A plain word. Neighbouring words are analysed together so that multi-word synonyms can match.</summary>
    internal sealed record Word(string Text, int Position) : QueryNode(Position);

    internal sealed record Prefix(string Text, int Position) : QueryNode(Position);

    internal sealed record Fuzzy(string Text, int? Edits, int Position) : QueryNode(Position);

    internal sealed record Phrase(string Text, int Slop, int Position) : QueryNode(Position);

    internal sealed record Field(IReadOnlyList<string> Fields, QueryNode Child, int Position) : QueryNode(Position);

    internal sealed record Not(QueryNode Child, int Position) : QueryNode(Position);

    internal sealed record And(IReadOnlyList<QueryNode> Children, int Position) : QueryNode(Position);

    internal sealed record Or(IReadOnlyList<QueryNode> Children, int Position) : QueryNode(Position);
}
