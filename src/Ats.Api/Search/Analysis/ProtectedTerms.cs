using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Ats.Api.Search.Analysis;

/// <summary>
/// Technology names that the Unicode word rules of StandardTokenizer destroy: «C#» and «C++» lose their symbols and
/// become the letter «c», «.NET» becomes «net», and «1С» (usually typed with a Cyrillic «С») would never meet «1C».
/// They are rewritten into plain words before tokenizing, in the text and in the query alike, and then kept away from
/// the stemmers.
/// </summary>
public static class ProtectedTerms
{
    // Cyrillic «с»/«С» look exactly like Latin c/C and are typed on the Russian layout all the time («С#», «1С»).
    private static readonly (string From, string To)[] Rewrites =
    [
        ("c#", "csharp"),
        ("с#", "csharp"),
        ("f#", "fsharp"),
        ("c++", "cplusplus"),
        ("с++", "cplusplus"),
        // The leading space splits «ASP.NET» into «asp dotnet», so a search for .NET finds ASP.NET and VB.NET too.
        (".net", " dotnet"),
        ("1с", "1c"),
        // «1С:Предприятие»: a colon between letters does not break a word in UAX#29, which would glue the product
        // name to the platform into one unsearchable token.
        ("1с:", "1c "),
        ("1c:", "1c "),
    ];

    /// <summary>The words that the rewrites produce; the stemmers must not touch them.</summary>
    public static CharArraySet Keywords { get; } = new(
        LuceneVersion.LUCENE_48,
        Rewrites.Select(r => r.To.Trim()).Distinct().ToArray(),
        false);

    /// <summary>Every rewrite in every upper/lower-case spelling: a char filter runs before lower-casing.</summary>
    public static NormalizeCharMap CharMap { get; } = BuildCharMap();

    private static NormalizeCharMap BuildCharMap()
    {
        var builder = new NormalizeCharMap.Builder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (from, to) in Rewrites)
        {
            foreach (var spelling in CaseVariants(from))
            {
                if (seen.Add(spelling))
                {
                    builder.Add(spelling, to);
                }
            }
        }
        return builder.Build();
    }

    private static IEnumerable<string> CaseVariants(string text)
    {
        var variants = new List<string> { "" };
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            var upper = char.ToUpperInvariant(c);
            variants = lower == upper
                ? variants.Select(v => v + c).ToList()
                : variants.SelectMany(v => new[] { v + lower, v + upper }).ToList();
        }
        return variants;
    }
}
