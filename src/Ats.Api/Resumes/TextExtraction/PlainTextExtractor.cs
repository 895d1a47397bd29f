using System.Text;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>
/// Reads .txt files in whatever encoding they came in (see <see cref="TextEncodingDetector"/>). Line endings become
/// \n, control characters other than tab and newline are dropped, and the text is cut at
/// <see cref="ExtractionLimits.MaxTextChars"/> without reading more of the file than that can need.
/// </summary>
public sealed class PlainTextExtractor : ITextExtractor
{
    private const int ChunkSize = 81_920;

    // Shares of the sample above which it is binary, not text: text files carry no NULs and almost no C0 controls,
    // while random or compressed bytes are about 10% C0 controls.
    private const double MaxNulShare = 0.01;
    private const double MaxControlShare = 0.05;
    // A few stray control bytes in a short file are damage, not a binary format.
    private const int MinControlsForBinary = 8;

    public IReadOnlyCollection<FileFormat> Formats { get; } = [FileFormat.Txt];

    public string Extract(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        var sample = ReadAtMost(content, TextEncodingDetector.SampleSize, ct);
        if (sample.Length == 0)
        {
            return "";
        }
        var encoding = TextEncodingDetector.Detect(sample);
        if (LooksBinary(sample, encoding))
        {
            throw new ExtractionException(FailureReason.Unsupported, "The file is not text: it holds binary data.");
        }

        var preamble = sample.AsSpan().StartsWith(encoding.Preamble) ? encoding.Preamble.Length : 0;
        var byteCap = preamble + (long)limits.MaxTextChars * MaxBytesPerChar(encoding);
        var bytes = sample;
        var complete = sample.Length < TextEncodingDetector.SampleSize;
        if (!complete && byteCap > sample.Length)
        {
            var rest = ReadAtMost(content, byteCap - sample.Length, ct);
            bytes = [.. sample, .. rest];
            complete = bytes.Length < byteCap;
        }
        else if (!complete)
        {
            bytes = sample[..(int)byteCap];
        }

        var text = Decode(bytes.AsSpan(preamble), encoding, complete);
        return Clean(text, limits.MaxTextChars, ct);
    }

    /// <summary>Shared with <see cref="HtmlTextExtractor"/>: reads at most <paramref name="max"/> bytes.</summary>
    internal static byte[] ReadAtMost(Stream content, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[(int)Math.Min(ChunkSize, Math.Max(max, 1))];
        while (buffer.Length < max)
        {
            ct.ThrowIfCancellationRequested();
            var read = content.Read(chunk, 0, (int)Math.Min(chunk.Length, max - buffer.Length));
            if (read == 0)
            {
                break;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Decodes; when the input was cut short, a character split by the cut is dropped rather than garbled.</summary>
    internal static string Decode(ReadOnlySpan<byte> bytes, Encoding encoding, bool complete)
    {
        var decoder = encoding.GetDecoder();
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        decoder.Convert(bytes, chars, flush: complete, out _, out var charsUsed, out _);
        return new string(chars, 0, charsUsed);
    }

    private static int MaxBytesPerChar(Encoding encoding) => encoding switch
    {
        { IsSingleByte: true } => 1,
        UnicodeEncoding => 2,
        // A 4-byte UTF-8 sequence is two UTF-16 chars, so 3 bytes per char is the worst case.
        UTF8Encoding => 3,
        _ => 4,
    };

    private static bool LooksBinary(ReadOnlySpan<byte> sample, Encoding encoding)
    {
        if (encoding is UnicodeEncoding or UTF32Encoding)
        {
            // NULs are normal here; judge the decoded characters instead.
            var text = encoding.GetString(sample);
            var controls = 0;
            foreach (var c in text)
            {
                if (char.IsControl(c) && !IsTextControl(c))
                {
                    controls++;
                }
            }
            return controls >= MinControlsForBinary && controls > text.Length * MaxControlShare;
        }

        // Some editors and transfers pad a file with NULs; padding is not content.
        sample = sample.TrimEnd((byte)0);
        if (sample.Length == 0)
        {
            return true;
        }
        int nuls = 0, others = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                nuls++;
            }
            else if ((b < 0x20 && !IsTextControl((char)b)) || b == 0x7F)
            {
                others++;
            }
        }
        return nuls + others >= MinControlsForBinary
            && (nuls > sample.Length * MaxNulShare || nuls + others > sample.Length * MaxControlShare);
    }

    // \x1A is the DOS end-of-file mark, still found at the end of old text files.
    private static bool IsTextControl(char c) => c is '\t' or '\n' or '\r' or '\f' or '\v' or '\x1A';

    private static string Clean(string text, int maxChars, CancellationToken ct)
    {
        var result = new StringBuilder(Math.Min(text.Length, maxChars + 1));
        for (var i = 0; i < text.Length; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            var c = text[i];
            switch (c)
            {
                case '\r':
                    result.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }
                    break;
                case '\n' or '\t':
                    result.Append(c);
                    break;
                // Page breaks and Unicode line/paragraph separators still separate lines.
                case '\f' or '\v' or '\u0085' or '\u2028' or '\u2029':
                    result.Append('\n');
                    break;
                // A BOM inside the text (files concatenated) is invisible; so are controls.
                case '\uFEFF':
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        result.Append(c);
                    }
                    break;
            }
        }
        return Truncate(result.ToString().Trim(), maxChars);
    }

    /// <summary>Cuts at <paramref name="maxChars"/> without splitting a surrogate pair.</summary>
    internal static string Truncate(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }
        var length = char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return text[..length].TrimEnd();
    }
}
