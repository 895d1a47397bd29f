namespace Ats.Api.Search.QueryLanguage;

/// <summary>
/// One lexical unit of a recruiter's query. <see cref="Position"/> is in the query as typed. <see cref="Number"/> is
/// the proximity of a phrase (<c>"a b"~3</c>) or the edit distance of a fuzzy word (<c>kubernets~1</c>), if given.
/// </summary>
internal readonly record struct QueryToken(QueryTokenKind Kind, string Text, int Position, int? Number = null);
