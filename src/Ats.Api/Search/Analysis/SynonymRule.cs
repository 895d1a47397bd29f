namespace Ats.Api.Search.Analysis;

/// <summary>
/// One line of a Solr synonym file. <c>a, b, c</c> is an equivalence: every entry finds every other
/// (<see cref="Outputs"/> equals <see cref="Inputs"/>). <c>a, b =&gt; c</c> is one-way: a search for a or b is
/// replaced by c.
/// </summary>
public sealed record SynonymRule(string Source, int Line, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs)
{
    /// <summary>Parses Solr synonym format; lines it cannot use are reported in <paramref name="problems"/>.</summary>
    public static IReadOnlyList<SynonymRule> Parse(string source, string text, ICollection<string> problems)
    {
        var rules = new List<SynonymRule>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var sides = Split(line, "=>");
            if (sides.Count > 2)
            {
                problems.Add($"{source}, line {lineNumber}: more than one \"=>\".");
                continue;
            }
            var inputs = Entries(sides[0]);
            var outputs = sides.Count == 2 ? Entries(sides[1]) : inputs;
            if (inputs.Count == 0 || outputs.Count == 0)
            {
                problems.Add($"{source}, line {lineNumber}: an empty side.");
                continue;
            }
            rules.Add(new SynonymRule(source, lineNumber, inputs, outputs));
        }
        return rules;
    }

    private static List<string> Entries(string side) =>
        Split(side, ",").Select(e => Unescape(e).Trim()).Where(e => e.Length > 0).ToList();

    // Splits on an unescaped separator; escapes stay in place for Unescape.
    private static List<string> Split(string text, string separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (string.CompareOrdinal(text, i, separator, 0, separator.Length) == 0)
            {
                parts.Add(text[start..i]);
                start = i + separator.Length;
                i = start - 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('\\'))
        {
            return text;
        }
        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }
            result.Append(text[i]);
        }
        return result.ToString();
    }
}
