using System.Text;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>What became of one file: text, nothing, or a failure with a reason.</summary>
public sealed record ExtractionOutcome(ExtractionStatus Status, string? Text, FailureReason? Reason, string? Detail)
{
    public static ExtractionOutcome FromText(string text)
    {
        var clean = Clean(text);
        // Text without a single letter or digit (a page of brackets, dots, rules) finds nobody: nothing to index.
        return !clean.Any(char.IsLetterOrDigit) ? new ExtractionOutcome(ExtractionStatus.Empty, "", null, null) : new ExtractionOutcome(ExtractionStatus.Extracted, clean, null, null);
    }

    public static ExtractionOutcome Failed(FailureReason reason, string detail) => new(ExtractionStatus.Failed, null, reason, detail);

    /// <summary>NFC, no control characters but tab and newline, at most one blank line in a row, lone surrogates as U+FFFD.</summary>
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        var newlines = 0;
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            if (c == '\n')
            {
                if (++newlines <= 2)
                {
                    sb.Append(c);
                }
                continue;
            }
            // Control and invisible format characters (zero-width space, soft hyphen, BOM) split words for search.
            if ((char.IsControl(c) && c != '\t') || c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                continue;
            }
            if (c is ' ' or '\t' && newlines > 0)
            {
                continue;
            }
            if (c == ' ' && sb.Length > 0 && sb[^1] == ' ')
            {
                continue;
            }
            newlines = 0;
            sb.Append(c);
        }
        return ReplaceLoneSurrogates(sb.ToString().Trim()).Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// string.Normalize throws ArgumentException on half of a surrogate pair, which a damaged file can yield (a PDF's
    /// ToUnicode map to a single UTF-16 unit): the whole text would be lost for one bad character. It becomes U+FFFD.
    /// </summary>
    private static string ReplaceLoneSurrogates(string text)
    {
        char[]? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                copy ??= text.ToCharArray();
                copy[i] = '\uFFFD';
            }
        }
        return copy is null ? text : new string(copy);
    }

    /// <summary>"ru" when Cyrillic letters are at least as many as Latin ones, "en" when Latin dominate.</summary>
    public static string? DetectLanguage(string text)
    {
        int cyrillic = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }
        return cyrillic + latin == 0 ? null : cyrillic >= latin ? "ru" : "en";
    }
}
