using System.Buffers.Binary;
using System.Text;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>
/// Reads the text of Word 97–2003 binary documents ([MS-DOC]) through the piece table: the main document first,
/// then footnotes, headers and footers, endnotes and text boxes. Formatting, comments, list numbers and embedded
/// objects are ignored. Word 6.0/95 files and encrypted or IRM-protected documents are refused with a reason.
/// </summary>
public sealed class DocTextExtractor : ITextExtractor
{
    // [MS-DOC] 2.5.2 FibBase.
    private const ushort WordIdent = 0xA5EC;
    private const int FibFlagsOffset = 0x0A;
    private const ushort FlagEncrypted = 0x0100;
    private const ushort FlagWhichTableStream = 0x0200;
    private const ushort FlagObfuscated = 0x8000;
    private const int FibBaseSize = 0x20;
    // Word 6.0 and Word 95 write nFib 101–105 with a different FIB layout; like Apache POI, anything below 106 is
    // treated as that older format.
    private const ushort FirstWord97Nfib = 106;

    // [MS-DOC] 2.5.4 FibRgLw97: indexes of the ccp* counts, in 4-byte units.
    private const int LwCcpText = 3;
    private const int LwCcpHdrTxbx = 10;
    // [MS-DOC] 2.5.6 FibRgFcLcb97: fcClx/lcbClx is the 34th fc/lcb pair.
    private const int FcLcbClxIndex = 33;

    // [MS-DOC] 2.4.1: the Clx is zero or more Prc (clxt 0x01, 2.9.209) followed by one Pcdt (clxt 0x02).
    private const byte ClxtPrc = 0x01;
    private const byte ClxtPcdt = 0x02;
    private const int PcdSize = 8;

    private static readonly Encoding Windows1252;

    static DocTextExtractor()
    {
        // [MS-DOC] 2.9.73: compressed (8-bit) text is Latin-1 except 0x82–0x9F, which map as in code page 1252. Code
        // page 1252 agrees on every byte the spec lists and only adds 0x80/0x8E/0x9E, which Word does not compress.
        // It lives in the code-pages provider, part of the shared framework.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    public IReadOnlyCollection<FileFormat> Formats { get; } = [FileFormat.Doc];

    public string Extract(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        ct.ThrowIfCancellationRequested();

        var file = new CompoundFile(content, limits.MaxUncompressedBytes, ct);
        if (!file.TryOpenStream("WordDocument", out var wordDocument))
        {
            // [MS-OFFCRYPTO] 2.3.4: an encrypted OOXML package is a compound file with these two streams.
            if (file.HasStream("EncryptionInfo") && file.HasStream("EncryptedPackage"))
            {
                throw new ExtractionException(FailureReason.Encrypted, "The file is a password-protected Office Open XML document.");
            }
            throw new ExtractionException(FailureReason.Unsupported, "The file is an Office file that is not a Word document.");
        }

        // [MS-DOC] 2.1.12–2.1.13, [MS-OFFCRYPTO] 1.3.2: with rights management the real document is encrypted in
        // "\tDRMContent" and "WordDocument" holds a placeholder ("Permission for this document is currently
        // restricted…"), which is not the candidate's text.
        if (file.HasStream("\u0009DRMContent"))
        {
            throw new ExtractionException(FailureReason.Encrypted, "The Word document is protected by Information Rights Management.");
        }

        var fib = Fib.Read(wordDocument);
        var tableName = fib.UsesTable1 ? "1Table" : "0Table";
        if (!file.TryOpenStream(tableName, out var table))
        {
            throw Corrupt($"the {tableName} stream is missing");
        }
        var pieces = PieceTable.Read(table, fib.FcClx, fib.LcbClx);

        // Each character takes at least one byte of the WordDocument stream, so a piece table that reads many times
        // more characters than the stream has bytes is mapping many pieces onto the same bytes. Pieces over dropped
        // characters (field codes, controls) would then cost time without filling the output, so reading stops.
        var maxCharsRead = (8L * wordDocument.Length) + 65_536;
        var text = new TextBuilder(limits.MaxTextChars, limits.MaxNestingDepth, maxCharsRead);
        foreach (var (start, length) in fib.StoriesInOutputOrder())
        {
            if (text.IsFull)
            {
                break;
            }
            text.BeginStory();
            pieces.Read(wordDocument, start, length, text, ct);
        }
        return text.ToString();
    }

    private static ExtractionException Corrupt(string detail) => new(FailureReason.Corrupt, $"Damaged Word document: {detail}.");

    private sealed record Fib(bool UsesTable1, uint FcClx, uint LcbClx, long[] Ccp)
    {
        // [MS-DOC] 2.4.1: the stories follow one another in CP space in this order; ccpMcr (reserved3) is kept in
        // the sum because older files may use it. Comments (ccpAtn) are reviewers' notes, not the candidate's text.
        private const int Main = 0, Footnotes = 1, Headers = 2, Macros = 3, Comments = 4, Endnotes = 5, TextBoxes = 6, HeaderTextBoxes = 7;

        public static Fib Read(byte[] wd)
        {
            if (wd.Length < FibBaseSize + 2 || BinaryPrimitives.ReadUInt16LittleEndian(wd) != WordIdent)
            {
                throw Corrupt("the WordDocument stream does not start with a FIB");
            }
            var nFib = BinaryPrimitives.ReadUInt16LittleEndian(wd.AsSpan(2));
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(wd.AsSpan(FibFlagsOffset));
            // Checked before anything past FibBase: [MS-DOC] 2.2.6 encrypts the WordDocument stream after byte 68.
            if ((flags & (FlagEncrypted | FlagObfuscated)) != 0)
            {
                throw new ExtractionException(FailureReason.Encrypted, "The Word document is password-protected.");
            }
            if (nFib < FirstWord97Nfib)
            {
                throw new ExtractionException(FailureReason.Unsupported, "The file is a Word 6.0/95 document, which is not supported; ask for a newer .doc or .docx.");
            }

            // [MS-DOC] 2.5.1: FibBase, csw, FibRgW97, cslw, FibRgLw97, cbRgFcLcb, FibRgFcLcb. The counts are read
            // rather than assumed so that files written by other tools with longer arrays still parse.
            var position = FibBaseSize;
            var csw = ReadUInt16(wd, position);
            position += 2 + (csw * 2);
            var cslw = ReadUInt16(wd, position);
            var rgLw = position + 2;
            position = rgLw + (cslw * 4);
            var cbRgFcLcb = ReadUInt16(wd, position);
            var rgFcLcb = position + 2;
            if (cslw <= LwCcpHdrTxbx || cbRgFcLcb <= FcLcbClxIndex || rgFcLcb + ((FcLcbClxIndex + 1) * 8) > wd.Length)
            {
                throw Corrupt("the FIB is too short");
            }

            var ccp = new long[HeaderTextBoxes + 1];
            for (var i = 0; i < ccp.Length; i++)
            {
                var value = BinaryPrimitives.ReadInt32LittleEndian(wd.AsSpan(rgLw + ((LwCcpText + i) * 4)));
                ccp[i] = value >= 0 ? value : throw Corrupt("a text length in the FIB is negative");
            }
            var clx = rgFcLcb + (FcLcbClxIndex * 8);
            return new Fib(
                (flags & FlagWhichTableStream) != 0,
                BinaryPrimitives.ReadUInt32LittleEndian(wd.AsSpan(clx)),
                BinaryPrimitives.ReadUInt32LittleEndian(wd.AsSpan(clx + 4)),
                ccp);
        }

        /// <summary>(first CP, CP count) of each story to output: the main text, then the others in CP order.</summary>
        public IEnumerable<(long Start, long Length)> StoriesInOutputOrder()
        {
            var start = 0L;
            for (var story = Main; story <= HeaderTextBoxes; story++)
            {
                if (story is not (Macros or Comments) && Ccp[story] > 0)
                {
                    yield return (start, Ccp[story]);
                }
                start += Ccp[story];
            }
        }

        private static ushort ReadUInt16(byte[] wd, int position) =>
            position + 2 <= wd.Length ? BinaryPrimitives.ReadUInt16LittleEndian(wd.AsSpan(position)) : throw Corrupt("the FIB is too short");
    }

    /// <summary>[MS-DOC] 2.8.35 PlcPcd: piece i covers CPs [Cps[i], Cps[i+1]) and is stored at its FcCompressed.</summary>
    private sealed class PieceTable(uint[] cps, uint[] fcs)
    {
        private const uint FcCompressedFlag = 0x40000000;
        private const uint FcMask = 0x3FFFFFFF;


        public static PieceTable Read(byte[] table, uint fcClx, uint lcbClx)
        {
            if (lcbClx == 0 || (long)fcClx + lcbClx > table.Length)
            {
                throw Corrupt("the piece table is outside the table stream");
            }
            var clx = table.AsSpan((int)fcClx, (int)lcbClx);
            var position = 0;
            while (position < clx.Length && clx[position] == ClxtPrc)
            {
                // [MS-DOC] 2.9.210 PrcData: cbGrpprl (signed 16-bit, at most 0x3FA2), then the property bytes.
                if (position + 3 > clx.Length)
                {
                    throw Corrupt("the piece table is truncated");
                }
                var cbGrpprl = BinaryPrimitives.ReadInt16LittleEndian(clx[(position + 1)..]);
                if (cbGrpprl < 0)
                {
                    throw Corrupt("a property modifier in the piece table has a negative size");
                }
                position += 3 + cbGrpprl;
            }
            if (position + 5 > clx.Length || clx[position] != ClxtPcdt)
            {
                throw Corrupt("the piece table is missing");
            }
            var lcb = BinaryPrimitives.ReadUInt32LittleEndian(clx[(position + 1)..]);
            var plc = clx[(position + 5)..];
            if (lcb > plc.Length || lcb < 4 || (lcb - 4) % (4 + PcdSize) != 0)
            {
                throw Corrupt("the piece table has an invalid size");
            }

            var count = (int)((lcb - 4) / (4 + PcdSize));
            var cps = new uint[count + 1];
            for (var i = 0; i <= count; i++)
            {
                cps[i] = BinaryPrimitives.ReadUInt32LittleEndian(plc[(4 * i)..]);
                if (i > 0 && cps[i] < cps[i - 1])
                {
                    throw Corrupt("the piece table is out of order");
                }
            }
            var fcs = new uint[count];
            var pcds = plc[(4 * (count + 1))..];
            for (var i = 0; i < count; i++)
            {
                // Pcd: 2 bytes of flags, then FcCompressed, then a Prm (8 bytes, [MS-DOC] 2.8.35).
                fcs[i] = BinaryPrimitives.ReadUInt32LittleEndian(pcds[((i * PcdSize) + 2)..]);
            }
            return new PieceTable(cps, fcs);
        }

        /// <summary>Feeds the characters of CPs [start, start + length) to <paramref name="text"/>.</summary>
        public void Read(byte[] wd, long start, long length, TextBuilder text, CancellationToken ct)
        {
            const int ChunkChars = 1 << 16;
            var end = start + length;
            var chars = new char[ChunkChars];
            for (var i = 0; i < fcs.Length && !text.IsFull; i++)
            {
                ct.ThrowIfCancellationRequested();
                long pieceStart = cps[i], pieceEnd = cps[i + 1];
                var from = Math.Max(start, pieceStart);
                var to = Math.Min(end, pieceEnd);
                if (from >= to)
                {
                    continue;
                }

                // [MS-DOC] 2.9.73 FcCompressed: compressed text is one byte per character at fc / 2, otherwise
                // UTF-16LE at fc.
                var fc = fcs[i] & FcMask;
                var compressed = (fcs[i] & FcCompressedFlag) != 0;
                var bytesPerChar = compressed ? 1 : 2;
                var offset = (compressed ? fc / 2 : fc) + ((from - pieceStart) * bytesPerChar);
                if (offset + ((to - from) * bytesPerChar) > wd.Length)
                {
                    throw Corrupt("a piece of text lies outside the WordDocument stream");
                }

                // Decoded in chunks so that a long piece costs bounded memory; the decoder keeps surrogate pairs
                // that straddle a chunk boundary together.
                var decoder = (compressed ? Windows1252 : Encoding.Unicode).GetDecoder();
                while (from < to && !text.IsFull)
                {
                    ct.ThrowIfCancellationRequested();
                    // One char of headroom: a high surrogate held back from the previous chunk comes out with this one.
                    var count = (int)Math.Min(to - from, ChunkChars - 1);
                    var raw = wd.AsSpan((int)offset, count * bytesPerChar);
                    var decoded = decoder.GetChars(raw, chars, flush: from + count == to);
                    text.Append(chars.AsSpan(0, decoded));
                    from += count;
                    offset += count * bytesPerChar;
                }
            }
        }
    }

    /// <summary>
    /// Turns Word's character stream into plain text: maps the [MS-DOC] 2.4 special characters, drops field
    /// instructions, collapses runs of blank lines and stops at the character limit.
    /// </summary>
    private sealed class TextBuilder(int maxChars, int maxFieldDepth, long maxCharsRead)
    {
        private const char FieldBegin = '\u0013';
        private const char FieldSeparator = '\u0014';
        private const char FieldEnd = '\u0015';
        private const char CellMark = '\u0007';

        private readonly StringBuilder _text = new();
        // One entry per open field: true while still inside its instruction ([MS-DOC] 2.8.25 PlcFld).
        private readonly Stack<bool> _fields = new();
        private int _fieldsInInstruction;
        private bool _lastWasCell;
        private bool _full;
        private long _charsRead;

        public bool IsFull => _full || _text.Length >= maxChars;

        public void BeginStory()
        {
            _fields.Clear();
            _fieldsInInstruction = 0;
            _lastWasCell = false;
            if (_text.Length > 0)
            {
                Newline();
                Newline();
            }
        }

        public void Append(ReadOnlySpan<char> chars)
        {
            for (var i = 0; i < chars.Length && !IsFull; i++)
            {
                Append(chars[i]);
            }
            _charsRead += chars.Length;
            _full |= _charsRead >= maxCharsRead;
        }

        public override string ToString() => _text.ToString().Trim();

        private void Append(char c)
        {
            switch (c)
            {
                case FieldBegin:
                    if (_fields.Count >= maxFieldDepth)
                    {
                        throw new ExtractionException(FailureReason.TooLarge, "The Word document nests fields deeper than the limit.");
                    }
                    _fields.Push(true);
                    _fieldsInInstruction++;
                    return;
                case FieldSeparator:
                    if (_fields.Count > 0 && _fields.Peek())
                    {
                        _fields.Pop();
                        _fields.Push(false);
                        _fieldsInInstruction--;
                    }
                    return;
                case FieldEnd:
                    if (_fields.Count > 0 && _fields.Pop())
                    {
                        _fieldsInInstruction--;
                    }
                    return;
            }
            if (_fieldsInInstruction > 0)
            {
                return;
            }

            var wasCell = _lastWasCell;
            _lastWasCell = false;
            switch (c)
            {
                // Paragraph mark, line break, page/section break, column break.
                case '\r' or '\v' or '\f' or '\u000E':
                    Newline();
                    break;
                // [MS-DOC] 2.4.3: a row's last cell mark is followed by the row's own end mark, so a second mark in a
                // row ends the line. (An empty cell reads the same way; a line break there does no harm.)
                case CellMark when wasCell:
                    _text.Length--;
                    Newline();
                    break;
                case CellMark:
                    _text.Append('\t');
                    _lastWasCell = true;
                    break;
                case '\u001E': // non-breaking hyphen
                    _text.Append('-');
                    break;
                case '\u00A0':
                    _text.Append(' ');
                    break;
                case '\t':
                    _text.Append('\t');
                    break;
                // Picture and drawing anchors, footnote references, optional hyphens and other controls carry no
                // text; C1 controls and noncharacters only appear in damaged text.
                case < ' ' or (>= '\u007F' and <= '\u009F') or '\uFFFE' or '\uFFFF':
                    break;
                case >= '\uD800' and <= '\uDBFF' when _text.Length + 2 > maxChars:
                    // Cutting between the halves of a pair would leave invalid UTF-16 at the end.
                    _full = true;
                    break;
                default:
                    _text.Append(c);
                    break;
            }
        }

        /// <summary>Adds a line break unless the text already ends with a blank line (3+ newlines collapse to 2).</summary>
        private void Newline()
        {
            if (IsFull || (_text.Length >= 2 && _text[^1] == '\n' && _text[^2] == '\n'))
            {
                return;
            }
            _text.Append('\n');
        }
    }
}
