namespace Ats.Api.Search;

/// <summary>A query or search parameter a person typed wrong: becomes a 400 naming what and where.</summary>
public sealed class SearchQueryException(string message, string field, int position) : Exception(message)
{
    public string Field { get; } = field;

    /// <summary>Zero-based character position in the query where the problem is.</summary>
    public int Position { get; } = position;
}
