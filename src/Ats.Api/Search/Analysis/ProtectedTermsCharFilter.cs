using Lucene.Net.Analysis.CharFilters;

namespace Ats.Api.Search.Analysis;

/// <summary>
/// Rewrites «C#», «C++», «.NET», «1С», «1С:» (<see cref="ProtectedTerms"/>) into plain words before tokenizing, in any
/// letter case, with Latin or Cyrillic «с», keeping every other character's offset pointing into the original (so
/// snippets mark «C#» as written). Same matches and offset corrections as Lucene's MappingCharFilter with
/// <see cref="ProtectedTerms.CharMap"/> (longest match first), without its per-character locking and buffering: the
/// value is read once, and a text without any of these spellings is passed through as it is.
/// </summary>
public sealed class ProtectedTermsCharFilter : BaseCharFilter
{
    private readonly string _output;
    private int _position;

    public ProtectedTermsCharFilter(TextReader input) : base(input)
    {
        // Lucene.Net's reusable string reader answers null, not "", for an empty value.
        var text = input.ReadToEnd() ?? "";
        _output = Rewrite(text);
    }

    private string Rewrite(string text)
    {
        System.Text.StringBuilder? output = null;
        var copied = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var (length, replacement) = Match(text, i);
            if (length == 0)
            {
                continue;
            }
            output ??= new System.Text.StringBuilder(text.Length + 16);
            output.Append(text, copied, i - copied);
            var inputEnd = i + length;
            var diff = length - replacement.Length;
            if (diff != 0)
            {
                var previous = LastCumulativeDiff;
                if (diff > 0)
                {
                    AddOffCorrectMap(inputEnd - diff - previous, previous + diff);
                }
                else
                {
                    var outputStart = inputEnd - previous;
                    for (var extra = 0; extra < -diff; extra++)
                    {
                        AddOffCorrectMap(outputStart + extra, previous - extra - 1);
                    }
                }
            }
            output.Append(replacement);
            copied = inputEnd;
            i = inputEnd - 1;
        }
        if (output is null)
        {
            return text;
        }
        output.Append(text, copied, text.Length - copied);
        return output.ToString();
    }

    private static bool IsC(char c) => c is 'c' or 'C' or 'с' or 'С';

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    /// <summary>The longest protected spelling starting at <paramref name="i"/>: its length and what it becomes (0: none).</summary>
    private static (int Length, string Replacement) Match(string text, int i)
    {
        var c = text[i];
        var next = At(text, i + 1);
        if (IsC(c))
        {
            if (next == '#')
            {
                return (2, "csharp");
            }
            if (next == '+' && At(text, i + 2) == '+')
            {
                return (3, "cplusplus");
            }
        }
        else if (c is 'f' or 'F')
        {
            if (next == '#')
            {
                return (2, "fsharp");
            }
        }
        else if (c == '.')
        {
            if (next is 'n' or 'N' && At(text, i + 2) is 'e' or 'E' && At(text, i + 3) is 't' or 'T')
            {
                return (4, " dotnet");
            }
        }
        else if (c == '1')
        {
            if (next is 'с' or 'С')
            {
                return At(text, i + 2) == ':' ? (3, "1c ") : (2, "1c");
            }
            if (next is 'c' or 'C' && At(text, i + 2) == ':')
            {
                return (3, "1c ");
            }
        }
        return (0, "");
    }

    public override int Read(char[] buffer, int index, int count)
    {
        if (_position >= _output.Length)
        {
            return 0;
        }
        var n = Math.Min(count, _output.Length - _position);
        _output.CopyTo(_position, buffer, index, n);
        _position += n;
        return n;
    }

    public override int Read() => _position < _output.Length ? _output[_position++] : -1;
}
