namespace Ats.Api.Search.QueryLanguage;

/// <summary>
/// A recruiter's query that cannot be understood. <see cref="Exception.Message"/> is written for the recruiter and
/// says what is wrong; <see cref="Position"/> says where (0-based index into the query as typed), so the UI can
/// point at it. This is the only exception <see cref="RecruiterQueryParser.Parse"/> throws for bad input.
/// </summary>
public sealed class QuerySyntaxException : Exception
{
    public QuerySyntaxException(string message, int position) : base(message)
    {
        Position = position;
    }

    public int Position { get; }
}
