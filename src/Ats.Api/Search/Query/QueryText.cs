using System.Globalization;
using System.Text;

namespace Ats.Api.Search.QueryLanguage;

/// <summary>
/// A query as typed, cleaned of what word processors and PDFs paste in — smart quotes and «ёлочки», typographic
/// dashes, non-breaking and zero-width spaces, full-width letters, letters with separate combining marks — while
/// remembering where each character came from, so that an error can point at the query the recruiter sees.
/// </summary>
internal sealed class QueryText
{
    private readonly int[] _origin;

    private QueryText(string text, int[] origin)
    {
        Text = text;
        _origin = origin;
    }

    public string Text { get; }

    /// <summary>Position in the original query of the character at <paramref name="index"/> (or of its end).</summary>
    public int Original(int index) => _origin[Math.Clamp(index, 0, _origin.Length - 1)];

    public static QueryText Normalize(string query)
    {
        var text = new StringBuilder(query.Length);
        var origin = new List<int>(query.Length + 1);
        var i = 0;
        while (i < query.Length)
        {
            var start = i;
            i += char.IsHighSurrogate(query[i]) && i + 1 < query.Length && char.IsLowSurrogate(query[i + 1]) ? 2 : 1;
            // A base character with its combining marks is normalised as one unit: «и» + breve must become «й».
            while (i < query.Length && IsCombiningMark(query[i]))
            {
                i++;
            }
            foreach (var c in Compose(query, start, i - start))
            {
                var mapped = Map(c);
                if (mapped != '\0')
                {
                    text.Append(mapped);
                    origin.Add(start);
                }
            }
        }
        origin.Add(query.Length);
        return new QueryText(text.ToString(), [.. origin]);
    }

    private static string Compose(string query, int start, int length)
    {
        var unit = query.Substring(start, length);
        if (char.IsSurrogate(unit[0]) && length == 1)
        {
            return " ";
        }
        try
        {
            // NFKC: full-width «ｊａｖａ» is java, the ligature «ﬁ» is fi.
            return unit.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Broken UTF-16 (a lone surrogate among the marks) cannot be normalised; it is nothing searchable.
            return " ";
        }
    }

    private static bool IsCombiningMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static char Map(char c) => c switch
    {
        // Invisible characters that split or join words when pasted: dropped.
        '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' => '\0',
        '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' or '\u301D' or '\u301E' => '"',
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63' => '-',
        _ when char.IsWhiteSpace(c) || char.IsControl(c) => ' ',
        _ => c,
    };
}
