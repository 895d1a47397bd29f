using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>
/// Reads the text of RTF (spec 1.9.1) in one pass over the bytes, without building a document tree: hh.ru and
/// Word exports run to tens of megabytes, almost all of it pictures and tables of styles. Text written as
/// <c>\'hh</c> bytes is decoded through the code page of the selected font's <c>\fcharset</c> (or
/// <c>\ansicpg</c>), which is how Cyrillic appears in hh.ru exports; <c>\uN</c> characters are read with
/// their <c>\ucN</c> fallbacks skipped.
/// </summary>
public sealed class RtfTextExtractor : ITextExtractor
{
    // Windows code pages (1251, 1250, 932…) are not built into .NET; the provider ships with the shared framework.
    static RtfTextExtractor() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public IReadOnlyCollection<FileFormat> Formats { get; } = [FileFormat.Rtf];

    public string Extract(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        return new Parser(content, limits, ct).Run();
    }

    private enum Destination : byte
    {
        Text,
        Skip,
        FontTable,
    }

    private enum Effect : byte
    {
        /// <summary>A formatting word with no effect on the text.</summary>
        None,
        /// <summary>Starts a destination whose content is not document text.</summary>
        SkipDestination,
        FontTable,
        /// <summary>A destination written after <c>\*</c> that we do read (text boxes, nested-table row ends).</summary>
        ReadableIgnorable,
        Upr,
        Ud,
        /// <summary>Emits <see cref="Keyword.Character"/>.</summary>
        Character,
        Font,
        FontCharset,
        FontCodePage,
        AnsiCodePage,
        /// <summary><c>\ansi</c>, <c>\mac</c>, <c>\pc</c>, <c>\pca</c>: the document code page unless <c>\ansicpg</c> says otherwise.</summary>
        DocumentCharset,
        DefaultFont,
        Plain,
        UnicodeSkipCount,
        Unicode,
        Binary,
    }

    private readonly record struct Keyword(Effect Effect, char Character = '\0', int CodePage = 0);

    private struct Group
    {
        public Destination Destination;
        /// <summary>What <c>\*</c> replaced, restored if the destination after it is one we read.</summary>
        public Destination BeforeIgnorable;
        /// <summary>For a <c>\upr</c> group: the destination its <c>\ud</c> child reads into.</summary>
        public Destination UprResume;
        public bool IsUpr;
        /// <summary>Selected <c>\fN</c>, or <see cref="Parser.NoFont"/> for the document default.</summary>
        public int Font;
        /// <summary><c>\ucN</c>: how many fallback characters follow each <c>\uN</c>.</summary>
        public int UnicodeSkip;
    }

    private static readonly FrozenDictionary<string, Keyword>.AlternateLookup<ReadOnlySpan<char>> Keywords =
        BuildKeywords().ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, Keyword> BuildKeywords()
    {
        var map = new Dictionary<string, Keyword>(StringComparer.Ordinal);
        // Header and footer text is kept on purpose: résumés often carry the contacts there.
        string[] skipped =
        [
            "aftncn", "aftnsep", "aftnsepc", "annotation", "atnauthor", "atndate", "atnicn", "atnid", "atnparent",
            "atnref", "atntime", "atrfend", "atrfstart", "background", "bkmkend", "bkmkstart", "blipuid",
            "colorschememapping", "colortbl", "datafield", "datastore", "defchp", "defpap", "do", "docvar", "falt",
            "fchars", "ffdeftext", "ffentrymcr", "ffexitmcr", "ffformat", "ffhelptext", "ffl", "ffname",
            "ffstattext", "fldinst", "fname", "fontemb", "fontfile", "formfield", "ftncn", "ftnsep", "ftnsepc",
            "generator", "gridtbl", "htmltag", "info", "keycode", "latentstyles", "lchars", "listoverridetable",
            "listpicture", "listtable", "mhtmltag", "mmathPr", "nonshppict", "objalias", "objclass", "objdata",
            "objname", "objsect", "objtime", "oldcprops", "oldpprops", "oldsprops", "oldtprops", "panose",
            "password", "passwordhash", "pgdsctbl", "pgptbl", "pict", "picprop", "pn", "pnseclvl", "pntxta",
            "pntxtb", "protusertbl", "revtbl", "rsidtbl", "rxe", "shppict", "shprslt", "sp", "stylesheet", "tc",
            "tcn", "template", "themedata", "txe", "userprops", "wgrffmtfilter", "xe", "xmlattrname",
            "xmlattrvalue", "xmlclose", "xmlname", "xmlnstbl", "xmlopen", "factoidname", "filetbl",
        ];
        foreach (var word in skipped)
        {
            map[word] = new(Effect.SkipDestination);
        }
        // shptxt (a text box) lives inside \*\shpinst; shprslt repeats the same text for old readers, so it is skipped.
        map["shpinst"] = new(Effect.ReadableIgnorable);
        map["nesttableprops"] = new(Effect.ReadableIgnorable);
        map["fonttbl"] = new(Effect.FontTable);
        map["upr"] = new(Effect.Upr);
        map["ud"] = new(Effect.Ud);

        foreach (var word in new[] { "par", "line", "sect", "page", "row", "nestrow", "column", "softline", "softpage" })
        {
            map[word] = new(Effect.Character, '\n');
        }
        foreach (var word in new[] { "tab", "cell", "nestcell" })
        {
            map[word] = new(Effect.Character, '\t');
        }
        map["emdash"] = new(Effect.Character, '\u2014');
        map["endash"] = new(Effect.Character, '\u2013');
        map["bullet"] = new(Effect.Character, '\u2022');
        map["lquote"] = new(Effect.Character, '\u2018');
        map["rquote"] = new(Effect.Character, '\u2019');
        map["ldblquote"] = new(Effect.Character, '\u201C');
        map["rdblquote"] = new(Effect.Character, '\u201D');
        map["emspace"] = new(Effect.Character, ' ');
        map["enspace"] = new(Effect.Character, ' ');
        map["qmspace"] = new(Effect.Character, ' ');

        map["f"] = new(Effect.Font);
        map["fcharset"] = new(Effect.FontCharset);
        map["cpg"] = new(Effect.FontCodePage);
        map["ansicpg"] = new(Effect.AnsiCodePage);
        map["ansi"] = new(Effect.DocumentCharset, CodePage: 1252);
        map["mac"] = new(Effect.DocumentCharset, CodePage: 10000);
        map["pc"] = new(Effect.DocumentCharset, CodePage: 437);
        map["pca"] = new(Effect.DocumentCharset, CodePage: 850);
        map["deff"] = new(Effect.DefaultFont);
        map["plain"] = new(Effect.Plain);
        map["uc"] = new(Effect.UnicodeSkipCount);
        map["u"] = new(Effect.Unicode);
        map["bin"] = new(Effect.Binary);
        return map;
    }

    /// <summary>Code page of a font's <c>\fcharsetN</c>; 0 where the charset says nothing usable (default, symbol, OEM).</summary>
    private static int CodePageOfCharset(int charset) => charset switch
    {
        0 => 1252,
        77 => 10000,
        128 => 932,
        129 => 949,
        130 => 1361,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => 0,
    };

    private static readonly ConcurrentDictionary<int, Encoding?> Encodings = new();

    private static Encoding? EncodingOf(int codePage) => Encodings.GetOrAdd(codePage, static cp =>
    {
        if (cp is <= 0 or > 65535)
        {
            return null;
        }
        try
        {
            // U+FFFD, not '?', so that bytes a code page does not define stay visibly broken instead of looking like text.
            return Encoding.GetEncoding(cp, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    });

    private sealed class Parser(Stream stream, ExtractionLimits limits, CancellationToken ct)
    {
        public const int NoFont = -1;
        private const int MaxWordLength = 32;

        private readonly ByteReader reader = new(stream);
        private readonly int maxDepth = limits.MaxNestingDepth;
        private readonly int maxChars = limits.MaxTextChars;
        private readonly StringBuilder text = new();
        private readonly char[] word = new char[MaxWordLength];
        private Group[] groups = new Group[64];
        private int depth;
        private bool ignorableJustSeen;
        private int fallbackToSkip;
        private bool full;
        private bool ended;

        private int ansiCodePage = 1252;
        private bool ansiCodePageExplicit;
        private int defaultFont = NoFont;
        private readonly Dictionary<int, int> fontCodePages = [];
        private int fontBeingDefined = NoFont;
        private bool codePageCacheValid;
        private int cachedFont;
        private int cachedCodePage;

        // Text bytes are decoded in runs so that a DBCS lead byte and its trail byte (932, 936, 949, 950) meet.
        private readonly byte[] pendingBytes = new byte[4096];
        private int pendingCount;
        private int pendingCodePage = 1252;
        private bool decoderHoldsBytes;
        private readonly Dictionary<int, Decoder> decoders = [];
        private char[] decoded = new char[8192];
        private char pendingHighSurrogate;

        public string Run()
        {
            ct.ThrowIfCancellationRequested();
            SkipPreamble();
            groups[0] = new Group { Destination = Destination.Text, Font = NoFont, UnicodeSkip = 1 };
            var steps = 0;
            while (!ended && !full)
            {
                if ((++steps & 0xFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
                var b = reader.Read();
                switch (b)
                {
                    case < 0:
                        // Unbalanced braces at the end: keep what was read, as Word does.
                        return Finish();
                    case '{':
                        OpenGroup();
                        break;
                    case '}':
                        CloseGroup();
                        break;
                    case '\\':
                        ReadControl();
                        break;
                    case '\r' or '\n':
                        break;
                    default:
                        OnTextByte(b);
                        break;
                }
            }
            return Finish();
        }

        private void SkipPreamble()
        {
            var start = reader.Buffered();
            var i = start is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
            while (i < start.Length && start[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }
            if (!start[i..].StartsWith("{\\rtf"u8))
            {
                throw new ExtractionException(FailureReason.Corrupt, "The file is not RTF: it does not start with {\\rtf.");
            }
            reader.Advance(i);
        }

        private string Finish()
        {
            FlushBytes(final: true);
            if (pendingHighSurrogate != 0)
            {
                pendingHighSurrogate = '\0';
                Sink('\uFFFD');
            }
            var result = text.ToString().Trim();
            if (result.Length > maxChars)
            {
                var cut = char.IsHighSurrogate(result[maxChars - 1]) ? maxChars - 1 : maxChars;
                result = result[..cut].TrimEnd();
            }
            return result;
        }

        private void OpenGroup()
        {
            fallbackToSkip = 0;
            ignorableJustSeen = false;
            if (depth >= maxDepth)
            {
                throw new ExtractionException(FailureReason.TooLarge, $"RTF group nesting is deeper than the limit of {maxDepth} levels.");
            }
            if (depth + 1 >= groups.Length)
            {
                Array.Resize(ref groups, groups.Length * 2);
            }
            groups[depth + 1] = groups[depth];
            groups[depth + 1].IsUpr = false;
            depth++;
        }

        private void CloseGroup()
        {
            // The spec ends \uc fallback skipping at a brace, so a damaged fallback cannot swallow the next group.
            fallbackToSkip = 0;
            ignorableJustSeen = false;
            depth--;
            if (depth <= 0)
            {
                // The document group closed; anything after it is not part of the document.
                ended = true;
            }
        }

        private void OnTextByte(int b)
        {
            ignorableJustSeen = false;
            if (groups[depth].Destination != Destination.Text)
            {
                return;
            }
            if (fallbackToSkip > 0)
            {
                fallbackToSkip--;
                return;
            }
            if (b == '\t')
            {
                EmitChar('\t');
            }
            else if (b >= 0x20)
            {
                AppendByte((byte)b);
            }
        }

        private void ReadControl()
        {
            var c = reader.Read();
            if (c < 0)
            {
                return;
            }
            if (!IsLetter(c))
            {
                if (c == '\'')
                {
                    ReadHexByte();
                }
                else
                {
                    OnControlSymbol(c);
                }
                return;
            }

            var length = 0;
            var tooLong = false;
            do
            {
                if (length < word.Length)
                {
                    word[length++] = (char)c;
                }
                else
                {
                    tooLong = true;
                }
                c = reader.Read();
            }
            while (IsLetter(c));

            var negative = false;
            if (c == '-')
            {
                c = reader.Read();
                negative = true;
            }
            var hasParameter = false;
            long value = 0;
            while (c is >= '0' and <= '9')
            {
                hasParameter = true;
                // Past int range the value is clamped below; stop growing so that a run of digits cannot overflow.
                if (value < 100_000_000_000)
                {
                    value = value * 10 + (c - '0');
                }
                c = reader.Read();
            }
            // A space ends a control word and belongs to it; anything else is the next token.
            if (c >= 0 && c != ' ')
            {
                reader.Unread();
            }
            var parameter = (int)Math.Clamp(negative ? -value : value, int.MinValue, int.MaxValue);
            var keyword = tooLong || !Keywords.TryGetValue(word.AsSpan(0, length), out var found) ? default : found;
            OnControlWord(keyword, hasParameter, parameter);
        }

        private void ReadHexByte()
        {
            var high = HexValue(reader.Read());
            if (high < 0)
            {
                reader.Unread();
                OnHexByte(-1);
                return;
            }
            var low = HexValue(reader.Read());
            if (low < 0)
            {
                reader.Unread();
                OnHexByte(high);
                return;
            }
            OnHexByte(high * 16 + low);
        }

        private void OnHexByte(int value)
        {
            ignorableJustSeen = false;
            if (groups[depth].Destination != Destination.Text)
            {
                return;
            }
            if (fallbackToSkip > 0)
            {
                fallbackToSkip--;
                return;
            }
            if (value >= 0x20)
            {
                AppendByte((byte)value);
            }
            else if (value == '\t')
            {
                EmitChar('\t');
            }
            else if (value is '\n' or '\r')
            {
                EmitChar('\n');
            }
        }

        private void OnControlSymbol(int c)
        {
            ref var group = ref groups[depth];
            if (c == '*')
            {
                // "\*": skip this destination unless the word after it names one we read.
                group.BeforeIgnorable = group.Destination;
                group.Destination = Destination.Skip;
                ignorableJustSeen = true;
                return;
            }
            ignorableJustSeen = false;
            if (group.Destination != Destination.Text)
            {
                return;
            }
            if (fallbackToSkip > 0)
            {
                fallbackToSkip--;
                return;
            }
            switch (c)
            {
                case '\\' or '{' or '}':
                    // A byte like any other: in Shift-JIS it can be the trail byte of a character.
                    AppendByte((byte)c);
                    break;
                case '~':
                    EmitChar(' ');
                    break;
                case '_':
                    EmitChar('-');
                    break;
                case '\r' or '\n':
                    EmitChar('\n');
                    break;
                case '\t':
                    EmitChar('\t');
                    break;
                default:
                    // \- optional hyphen, \: index subentry, \| formula: no text.
                    break;
            }
        }

        private void OnControlWord(Keyword keyword, bool hasParameter, int parameter)
        {
            var ignorable = ignorableJustSeen;
            ignorableJustSeen = false;
            ref var group = ref groups[depth];

            if (keyword.Effect == Effect.Binary)
            {
                // Raw bytes follow whatever the destination; they may contain braces and backslashes.
                reader.Skip(hasParameter ? Math.Max(0, parameter) : 0);
                if (group.Destination == Destination.Text && fallbackToSkip > 0)
                {
                    fallbackToSkip--;
                }
                return;
            }

            switch (group.Destination)
            {
                case Destination.Skip:
                    if (keyword.Effect == Effect.Ud && depth >= 2 && groups[depth - 1].IsUpr)
                    {
                        group.Destination = groups[depth - 1].UprResume;
                    }
                    else if (ignorable && keyword.Effect == Effect.ReadableIgnorable)
                    {
                        group.Destination = group.BeforeIgnorable;
                    }
                    return;
                case Destination.FontTable:
                    OnFontTableWord(ref group, keyword, hasParameter, parameter);
                    return;
            }

            // A \uN without its declared fallback (writers that forget \uc0) must not eat the next \uN.
            if (fallbackToSkip > 0 && keyword.Effect != Effect.Unicode)
            {
                fallbackToSkip--;
                return;
            }

            switch (keyword.Effect)
            {
                case Effect.SkipDestination:
                    group.Destination = Destination.Skip;
                    break;
                case Effect.FontTable:
                    group.Destination = Destination.FontTable;
                    break;
                case Effect.Upr:
                    // \upr holds an ANSI copy and a \*\ud Unicode copy of the same text; only the latter is read.
                    group.IsUpr = true;
                    group.UprResume = group.Destination;
                    group.Destination = Destination.Skip;
                    break;
                case Effect.Character:
                    EmitChar(keyword.Character);
                    break;
                case Effect.Font:
                    if (hasParameter)
                    {
                        group.Font = parameter;
                    }
                    break;
                case Effect.Plain:
                    group.Font = NoFont;
                    break;
                case Effect.DefaultFont:
                    defaultFont = hasParameter ? parameter : NoFont;
                    codePageCacheValid = false;
                    break;
                case Effect.AnsiCodePage:
                    if (hasParameter && EncodingOf(parameter) is not null)
                    {
                        ansiCodePage = parameter;
                        ansiCodePageExplicit = true;
                        codePageCacheValid = false;
                    }
                    break;
                case Effect.DocumentCharset:
                    if (!ansiCodePageExplicit && EncodingOf(keyword.CodePage) is not null)
                    {
                        ansiCodePage = keyword.CodePage;
                        codePageCacheValid = false;
                    }
                    break;
                case Effect.UnicodeSkipCount:
                    group.UnicodeSkip = Math.Clamp(parameter, 0, 255);
                    break;
                case Effect.Unicode:
                    if (hasParameter)
                    {
                        EmitUnicode(parameter);
                        fallbackToSkip = group.UnicodeSkip;
                    }
                    break;
                default:
                    break;
            }
        }

        private void OnFontTableWord(ref Group group, Keyword keyword, bool hasParameter, int parameter)
        {
            switch (keyword.Effect)
            {
                case Effect.Font:
                    fontBeingDefined = hasParameter ? parameter : NoFont;
                    break;
                case Effect.FontCharset when hasParameter && fontBeingDefined != NoFont:
                    var codePage = CodePageOfCharset(parameter);
                    if (codePage != 0 && EncodingOf(codePage) is not null)
                    {
                        fontCodePages[fontBeingDefined] = codePage;
                        codePageCacheValid = false;
                    }
                    break;
                case Effect.FontCodePage when hasParameter && fontBeingDefined != NoFont:
                    if (EncodingOf(parameter) is not null)
                    {
                        fontCodePages[fontBeingDefined] = parameter;
                        codePageCacheValid = false;
                    }
                    break;
                case Effect.SkipDestination:
                    group.Destination = Destination.Skip;
                    break;
                default:
                    break;
            }
        }

        private int CurrentCodePage()
        {
            var font = groups[depth].Font;
            if (font == NoFont)
            {
                font = defaultFont;
            }
            if (!codePageCacheValid || font != cachedFont)
            {
                codePageCacheValid = true;
                cachedFont = font;
                cachedCodePage = font != NoFont && fontCodePages.TryGetValue(font, out var codePage) ? codePage : ansiCodePage;
            }
            return cachedCodePage;
        }

        private void AppendByte(byte b)
        {
            var codePage = CurrentCodePage();
            if (codePage != pendingCodePage)
            {
                FlushBytes(final: true);
                pendingCodePage = codePage;
            }
            pendingBytes[pendingCount++] = b;
            if (pendingCount == pendingBytes.Length)
            {
                FlushBytes(final: false);
            }
        }

        private void FlushBytes(bool final)
        {
            if (pendingCount == 0 && !(final && decoderHoldsBytes))
            {
                return;
            }
            if (!decoders.TryGetValue(pendingCodePage, out var decoder))
            {
                // Only code pages that EncodingOf accepted become pendingCodePage; Latin-1 is a last resort, not a path.
                decoder = (EncodingOf(pendingCodePage) ?? Encoding.Latin1).GetDecoder();
                decoders[pendingCodePage] = decoder;
            }
            var bytes = pendingBytes.AsSpan(0, pendingCount);
            var count = decoder.GetCharCount(bytes, final);
            if (count > decoded.Length)
            {
                decoded = new char[count];
            }
            var written = decoder.GetChars(bytes, decoded, final);
            pendingCount = 0;
            decoderHoldsBytes = !final;
            for (var i = 0; i < written; i++)
            {
                Put(decoded[i]);
            }
        }

        private void EmitUnicode(int value)
        {
            // \uN is a signed 16-bit number; some writers put code points above U+FFFF there directly.
            var code = value < 0 ? value + 65536 : value;
            if (code is < 0 or > 0x10FFFF)
            {
                EmitChar('\uFFFD');
            }
            else if (code <= 0xFFFF)
            {
                EmitChar((char)code);
            }
            else
            {
                var pair = char.ConvertFromUtf32(code);
                EmitChar(pair[0]);
                EmitChar(pair[1]);
            }
        }

        private void EmitChar(char c)
        {
            FlushBytes(final: true);
            Put(c);
        }

        /// <summary>Pairs surrogates (a pair arrives as two <c>\uN</c>); a lone half becomes U+FFFD.</summary>
        private void Put(char c)
        {
            if (pendingHighSurrogate != 0)
            {
                var high = pendingHighSurrogate;
                pendingHighSurrogate = '\0';
                if (char.IsLowSurrogate(c))
                {
                    Sink(high);
                    Sink(c);
                    return;
                }
                Sink('\uFFFD');
            }
            if (char.IsHighSurrogate(c))
            {
                pendingHighSurrogate = c;
            }
            else if (char.IsLowSurrogate(c))
            {
                Sink('\uFFFD');
            }
            else
            {
                Sink(c);
            }
        }

        private void Sink(char c)
        {
            if (full)
            {
                return;
            }
            switch (c)
            {
                case '\n' or '\r':
                    AppendNewline();
                    return;
                case '\t':
                    text.Append('\t');
                    break;
                case '\u00A0':
                    text.Append(' ');
                    break;
                case '\u00AD' or '\uFEFF':
                    // Soft hyphen and BOM: invisible, and they would break word search.
                    return;
                default:
                    if (char.IsControl(c))
                    {
                        return;
                    }
                    text.Append(c);
                    break;
            }
            if (text.Length >= maxChars)
            {
                full = true;
            }
        }

        /// <summary>Ends the line without trailing blanks, and keeps at most one empty line in a row.</summary>
        private void AppendNewline()
        {
            var end = text.Length;
            while (end > 0 && text[end - 1] is ' ' or '\t')
            {
                end--;
            }
            text.Length = end;
            if (end == 0 || (end >= 2 && text[end - 1] == '\n' && text[end - 2] == '\n'))
            {
                return;
            }
            text.Append('\n');
        }

        private static bool IsLetter(int c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

        private static int HexValue(int c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
    }

    /// <summary>Buffered byte reading with one byte of push-back, and skipping for <c>\binN</c> data.</summary>
    private sealed class ByteReader(Stream stream)
    {
        private readonly byte[] buffer = new byte[64 * 1024];
        private int position;
        private int length;
        private bool endOfStream;

        public int Read()
        {
            if (position == length && !Fill())
            {
                return -1;
            }
            return buffer[position++];
        }

        /// <summary>Steps back over the byte the last <see cref="Read"/> returned; does nothing after end of stream.</summary>
        public void Unread()
        {
            if (position > 0)
            {
                position--;
            }
        }

        public ReadOnlySpan<byte> Buffered()
        {
            if (position == length)
            {
                Fill();
            }
            return buffer.AsSpan(position, length - position);
        }

        public void Advance(int count) => position += count;

        public void Skip(long count)
        {
            var inBuffer = length - position;
            if (count <= inBuffer)
            {
                position += (int)count;
                return;
            }
            count -= inBuffer;
            position = length;
            if (endOfStream)
            {
                return;
            }
            if (stream.CanSeek)
            {
                if (count >= stream.Length - stream.Position)
                {
                    stream.Seek(0, SeekOrigin.End);
                    endOfStream = true;
                }
                else
                {
                    stream.Seek(count, SeekOrigin.Current);
                }
                return;
            }
            while (count > 0 && Fill())
            {
                var take = (int)Math.Min(count, length);
                position = take;
                count -= take;
            }
        }

        private bool Fill()
        {
            position = 0;
            length = 0;
            while (!endOfStream && length < buffer.Length)
            {
                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    endOfStream = true;
                }
                length += read;
            }
            return length > 0;
        }
    }
}
