using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>
/// DOCX text: body (paragraphs, tables, text boxes, list markers), footnotes and endnotes, then headers and footers.
/// The Open XML SDK only resolves which parts exist (relationships and content types); each part is read as a
/// stream through <see cref="ZipGuard"/> with a forward-only <see cref="XmlReader"/> that prohibits DTDs, so memory
/// stays proportional to the text kept, not to the part, and nothing is unpacked past the archive's limits.
/// Transitional and Strict (ISO 29500) WordprocessingML are both read.
/// </summary>
public sealed class DocxTextExtractor : ITextExtractor
{
    private const string WordTransitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string WordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public IReadOnlyCollection<FileFormat> Formats { get; } = [FileFormat.Docx];

    public string Extract(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        ct.ThrowIfCancellationRequested();

        // Word saves a password-protected DOCX as an OLE compound file holding the encrypted package.
        if (StartsWith(content, CompoundFileSignature))
        {
            throw new ExtractionException(FailureReason.Encrypted, "The Word document is protected with a password.");
        }

        using var guard = ZipGuard.Open(content, limits);
        try
        {
            using var package = WordprocessingDocument.Open(content, isEditable: false, new OpenSettings
            {
                AutoSave = false,
                // Parts are never loaded as a DOM here; this only bounds anything the SDK might load itself.
                MaxCharactersInPart = limits.MaxUncompressedBytes,
            });
            var main = package.MainDocumentPart
                ?? throw new ExtractionException(FailureReason.Corrupt, "The zip archive is not a Word document (it has no main document part).");

            var numbering = new ListNumbering();
            if (main.NumberingDefinitionsPart is { } numberingPart)
            {
                using var reader = OpenPart(guard, numberingPart);
                numbering.Read(reader, limits, ct);
            }

            var output = new TextOutput(limits.MaxTextChars);
            var walker = new PartWalker(limits, numbering, ct);
            ReadInto(walker, guard, main, output);
            ReadInto(walker, guard, main.FootnotesPart, output);
            ReadInto(walker, guard, main.EndnotesPart, output);

            // Each section may reference its own header and footer, usually with the same text; keep each text once.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in main.HeaderParts.Cast<OpenXmlPart>().Concat(main.FooterParts))
            {
                if (output.Full)
                {
                    break;
                }
                var block = new TextOutput(limits.MaxTextChars);
                ReadInto(walker, guard, part, block);
                var text = block.ToString().Trim();
                if (text.Length > 0 && seen.Add(text))
                {
                    output.AppendBlock(text);
                }
            }
            return output.ToString().TrimEnd();
        }
        catch (XmlException e)
        {
            throw new ExtractionException(FailureReason.Corrupt,
                "The Word document contains malformed or forbidden XML (for example a DTD or entity declarations).", e);
        }
        catch (Exception e) when (e is not ExtractionException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new ExtractionException(FailureReason.Corrupt, $"The Word document is damaged ({e.GetType().Name}).", e);
        }
    }

    private static bool StartsWith(Stream content, ReadOnlySpan<byte> signature)
    {
        Span<byte> head = stackalloc byte[signature.Length];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        return read == head.Length && head.SequenceEqual(signature);
    }

    private static void ReadInto(PartWalker walker, ZipGuard guard, OpenXmlPart? part, TextOutput output)
    {
        if (part is null || output.Full)
        {
            return;
        }
        using var reader = OpenPart(guard, part);
        walker.Read(reader, output);
    }

    private static XmlReader OpenPart(ZipGuard guard, OpenXmlPart part)
    {
        var name = part.Uri.OriginalString;
        var entry = guard.Find(name) ?? guard.Find(Uri.UnescapeDataString(name));
        if (entry is not null)
        {
            return guard.OpenXml(entry);
        }
        // Part names that System.IO.Packaging normalised differently from the zip entry name: still counted and capped.
        var remaining = guard.RemainingBytes;
        return ZipGuard.CreateXmlReader(guard.Limit(part.GetStream(FileMode.Open, FileAccess.Read), remaining), remaining);
    }

    private static bool IsWord(string ns) => ns is WordTransitional or WordStrict;

    private static string? WordAttribute(XmlReader reader, string localName) =>
        reader.GetAttribute(localName, WordTransitional) ?? reader.GetAttribute(localName, WordStrict);

    private enum Kind : byte
    {
        Other,
        Paragraph,
        ParagraphProperties,
        NumberingProperties,
        Level,
        NumberingId,
        Run,
        Text,
        Tab,
        Break,
        Symbol,
        NoBreakHyphen,
        FieldChar,
        TableCell,
        TableRow,
        Note,
        AlternateContent,
        Choice,
        Fallback,
        /// <summary>Elements whose whole subtree holds no visible text: deleted or moved-away revisions, field codes, formatting.</summary>
        Hidden,
    }

    private static Kind Classify(string ns, string localName)
    {
        if (ns == MarkupCompatibility)
        {
            return localName switch
            {
                "AlternateContent" => Kind.AlternateContent,
                "Choice" => Kind.Choice,
                "Fallback" => Kind.Fallback,
                _ => Kind.Other,
            };
        }
        if (!IsWord(ns))
        {
            return Kind.Other;
        }
        return localName switch
        {
            "p" => Kind.Paragraph,
            "pPr" => Kind.ParagraphProperties,
            "numPr" => Kind.NumberingProperties,
            "ilvl" => Kind.Level,
            "numId" => Kind.NumberingId,
            "r" => Kind.Run,
            "t" => Kind.Text,
            "tab" or "ptab" => Kind.Tab,
            "br" or "cr" => Kind.Break,
            "sym" => Kind.Symbol,
            "noBreakHyphen" => Kind.NoBreakHyphen,
            "fldChar" => Kind.FieldChar,
            "tc" => Kind.TableCell,
            "tr" => Kind.TableRow,
            "footnote" or "endnote" => Kind.Note,
            "del" or "moveFrom" or "delText" or "instrText" or "delInstrText" or "rPr" or "tblPr" or "trPr" or "tcPr"
                or "sectPr" or "pPrChange" or "rPrChange" or "rt" or "softHyphen" => Kind.Hidden,
            _ => Kind.Other,
        };
    }

    /// <summary>Streams one WordprocessingML part into text; list counters carry over from part to part.</summary>
    private sealed class PartWalker(ExtractionLimits limits, ListNumbering numbering, CancellationToken ct)
    {
        private readonly Kind[] _kinds = new Kind[limits.MaxNestingDepth + 2];
        private readonly bool[] _branchTaken = new bool[limits.MaxNestingDepth + 2];
        private readonly int[] _numIds = new int[limits.MaxNestingDepth + 2];
        private readonly int[] _levels = new int[limits.MaxNestingDepth + 2];
        private readonly char[] _chunk = new char[4096];

        // A complex field is "begin, instruction runs, separate, result runs, end"; true while in the instruction.
        private readonly List<bool> _fields = [];
        private int _fieldsInInstruction;
        // Where the last paragraph's newline went: a paragraph that ends right after a nested one (a text box) adds no blank line.
        private int _paragraphEndedAt = -1;

        public void Read(XmlReader reader, TextOutput output)
        {
            _fields.Clear();
            _fieldsInInstruction = 0;
            _paragraphEndedAt = -1;
            var skipUntil = -1;
            long nodes = 0;
            while (!output.Full && reader.Read())
            {
                if ((++nodes & 0x3FF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
                var depth = reader.Depth;
                if (depth > limits.MaxNestingDepth)
                {
                    throw new ExtractionException(FailureReason.TooLarge,
                        $"The Word document's XML is nested more than {limits.MaxNestingDepth} levels deep.");
                }
                // Skipped subtrees are still read node by node, so the depth check above covers them too.
                if (skipUntil >= 0)
                {
                    if (reader.NodeType == XmlNodeType.EndElement && depth == skipUntil)
                    {
                        skipUntil = -1;
                    }
                    continue;
                }
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var kind = Classify(reader.NamespaceURI, reader.LocalName);
                        _kinds[depth] = kind;
                        if (Skips(reader, kind, depth))
                        {
                            if (!reader.IsEmptyElement)
                            {
                                skipUntil = depth;
                            }
                            continue;
                        }
                        Start(reader, kind, depth, output);
                        if (reader.IsEmptyElement)
                        {
                            End(kind, depth, output);
                        }
                        break;
                    case XmlNodeType.EndElement:
                        End(_kinds[depth], depth, output);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                        if (depth > 0 && _kinds[depth - 1] == Kind.Text && _fieldsInInstruction == 0)
                        {
                            AppendValue(reader, output);
                        }
                        break;
                }
            }
        }

        private bool Skips(XmlReader reader, Kind kind, int depth)
        {
            var parent = depth > 0 ? _kinds[depth - 1] : Kind.Other;
            switch (kind)
            {
                case Kind.Hidden:
                    return true;
                case Kind.AlternateContent:
                    _branchTaken[depth] = false;
                    return false;
                case Kind.Choice or Kind.Fallback when parent == Kind.AlternateContent:
                    // Every branch renders the same content (a DrawingML text box and its VML fallback): read only the first.
                    if (_branchTaken[depth - 1])
                    {
                        return true;
                    }
                    _branchTaken[depth - 1] = true;
                    return false;
                case Kind.Note:
                    return WordAttribute(reader, "type") is "separator" or "continuationSeparator" or "continuationNotice";
                default:
                    // Inside paragraph properties only the list numbering matters; tab stops (w:tabs/w:tab) must not become text.
                    return parent == Kind.ParagraphProperties && kind != Kind.NumberingProperties;
            }
        }

        private void Start(XmlReader reader, Kind kind, int depth, TextOutput output)
        {
            var parent = depth > 0 ? _kinds[depth - 1] : Kind.Other;
            switch (kind)
            {
                case Kind.Paragraph:
                    _numIds[depth] = 0;
                    _levels[depth] = 0;
                    _paragraphEndedAt = -1;
                    break;
                case Kind.NumberingId or Kind.Level when parent == Kind.NumberingProperties && depth >= 3
                                                          && _kinds[depth - 3] == Kind.Paragraph:
                    var value = ListNumbering.ParseInt(WordAttribute(reader, "val"));
                    (kind == Kind.NumberingId ? _numIds : _levels)[depth - 3] = value;
                    break;
                case Kind.Tab when parent == Kind.Run:
                    output.Append('\t');
                    break;
                case Kind.Break when parent == Kind.Run:
                    output.Append('\n');
                    break;
                case Kind.NoBreakHyphen when parent == Kind.Run:
                    output.Append('-');
                    break;
                case Kind.Symbol when parent == Kind.Run:
                    AppendSymbol(WordAttribute(reader, "char"), output);
                    break;
                case Kind.FieldChar:
                    Field(WordAttribute(reader, "fldCharType"));
                    break;
            }
        }

        private void End(Kind kind, int depth, TextOutput output)
        {
            switch (kind)
            {
                case Kind.ParagraphProperties when depth > 0 && _kinds[depth - 1] == Kind.Paragraph:
                    // Paragraph properties come first in a paragraph, so the marker lands before the paragraph's text.
                    if (numbering.Marker(_numIds[depth - 1], _levels[depth - 1]) is { } marker)
                    {
                        output.Append(marker);
                    }
                    break;
                case Kind.Paragraph when _paragraphEndedAt != output.Length:
                    output.Append('\n');
                    _paragraphEndedAt = output.Length;
                    break;
                case Kind.TableCell:
                    output.EndCell();
                    break;
                case Kind.TableRow:
                    output.EndRow();
                    break;
            }
        }

        private void Field(string? type)
        {
            switch (type)
            {
                case "begin":
                    if (_fields.Count >= limits.MaxNestingDepth)
                    {
                        throw new ExtractionException(FailureReason.TooLarge,
                            $"The Word document nests fields more than {limits.MaxNestingDepth} levels deep.");
                    }
                    _fields.Add(true);
                    _fieldsInInstruction++;
                    break;
                case "separate" when _fields.Count > 0 && _fields[^1]:
                    _fields[^1] = false;
                    _fieldsInInstruction--;
                    break;
                case "end" when _fields.Count > 0:
                    if (_fields[^1])
                    {
                        _fieldsInInstruction--;
                    }
                    _fields.RemoveAt(_fields.Count - 1);
                    break;
            }
        }

        private void AppendValue(XmlReader reader, TextOutput output)
        {
            if (!reader.CanReadValueChunk)
            {
                output.Append(reader.Value);
                return;
            }
            // Chunked, so one enormous text node never becomes one enormous string.
            int n;
            while (!output.Full && (n = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
            {
                output.Append(_chunk.AsSpan(0, n));
            }
        }

        private static void AppendSymbol(string? hex, TextOutput output)
        {
            if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                return;
            }
            // F000–F0FF are glyph slots of a symbol font (Wingdings phone, envelope…): no meaningful Unicode text.
            if (code is >= 0xF000 and <= 0xF0FF || code is < 0x20 or > 0xFFFF || char.IsSurrogate((char)code))
            {
                return;
            }
            output.Append((char)code);
        }
    }

    /// <summary>List markers from numbering.xml: bullets as "• ", numbers formatted from the level text ("%1.%2.").</summary>
    private sealed class ListNumbering
    {
        private const int Levels = 9;
        private const int Unset = int.MinValue;
        private const string Bullet = "• ";

        private readonly Dictionary<int, LevelFormat?[]> _abstracts = [];
        private readonly Dictionary<int, (int AbstractId, Dictionary<int, int> StartOverrides)> _instances = [];
        private readonly Dictionary<int, int[]> _counters = [];
        private readonly HashSet<int> _usedInstances = [];

        private sealed class LevelFormat
        {
            public int Start { get; set; } = 1;
            public string Format { get; set; } = "decimal";
            public string? Text { get; set; }
        }

        public static int ParseInt(string? value) =>
            int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

        public void Read(XmlReader reader, ExtractionLimits limits, CancellationToken ct)
        {
            int abstractId = -1, instanceId = -1, overrideLevel = -1;
            LevelFormat? level = null;
            long nodes = 0;
            while (reader.Read())
            {
                if ((++nodes & 0x3FF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
                if (reader.Depth > limits.MaxNestingDepth)
                {
                    throw new ExtractionException(FailureReason.TooLarge,
                        $"The Word document's numbering XML is nested more than {limits.MaxNestingDepth} levels deep.");
                }
                if (reader.NodeType != XmlNodeType.Element || !IsWord(reader.NamespaceURI))
                {
                    continue;
                }
                var val = WordAttribute(reader, "val");
                switch (reader.LocalName)
                {
                    case "abstractNum":
                        abstractId = ParseInt(WordAttribute(reader, "abstractNumId"));
                        instanceId = -1;
                        level = null;
                        _abstracts.TryAdd(abstractId, new LevelFormat?[Levels]);
                        break;
                    case "lvl":
                        var index = ParseInt(WordAttribute(reader, "ilvl"));
                        level = instanceId < 0 && index is >= 0 and < Levels && _abstracts.TryGetValue(abstractId, out var levels)
                            ? levels[index] ??= new LevelFormat()
                            : null;
                        break;
                    case "start" when level is not null:
                        level.Start = ParseInt(val);
                        break;
                    case "numFmt" when level is not null && val is not null:
                        // Word 2010 writes a custom format in mc:Choice and a plain one in mc:Fallback; the last (plain) one wins.
                        level.Format = val;
                        break;
                    case "lvlText" when level is not null:
                        level.Text = val;
                        break;
                    case "num":
                        instanceId = ParseInt(WordAttribute(reader, "numId"));
                        abstractId = -1;
                        level = null;
                        _instances.TryAdd(instanceId, (-1, []));
                        break;
                    case "abstractNumId" when instanceId >= 0:
                        _instances[instanceId] = (ParseInt(val), _instances[instanceId].StartOverrides);
                        break;
                    case "lvlOverride" when instanceId >= 0:
                        overrideLevel = ParseInt(WordAttribute(reader, "ilvl"));
                        break;
                    case "startOverride" when instanceId >= 0 && overrideLevel is >= 0 and < Levels:
                        _instances[instanceId].StartOverrides[overrideLevel] = ParseInt(val);
                        break;
                }
            }
        }

        /// <summary>The marker for the next paragraph of list <paramref name="numId"/> at <paramref name="ilvl"/>, advancing its counter; null if not a list paragraph.</summary>
        public string? Marker(int numId, int ilvl)
        {
            // numId 0 explicitly removes numbering.
            if (numId <= 0)
            {
                return null;
            }
            ilvl = Math.Clamp(ilvl, 0, Levels - 1);
            if (!_instances.TryGetValue(numId, out var instance) || !_abstracts.TryGetValue(instance.AbstractId, out var levels)
                || levels[ilvl] is not { } level)
            {
                return Bullet;
            }
            if (!_counters.TryGetValue(instance.AbstractId, out var counters))
            {
                counters = Enumerable.Repeat(Unset, Levels).ToArray();
                _counters[instance.AbstractId] = counters;
            }
            if (_usedInstances.Add(numId))
            {
                foreach (var (overridden, start) in instance.StartOverrides)
                {
                    counters[overridden] = start - 1;
                }
            }
            counters[ilvl] = counters[ilvl] == Unset ? level.Start : counters[ilvl] + 1;
            for (var deeper = ilvl + 1; deeper < Levels; deeper++)
            {
                counters[deeper] = Unset;
            }

            if (level.Format == "bullet")
            {
                return Bullet;
            }
            if (level.Format == "none" || string.IsNullOrWhiteSpace(level.Text))
            {
                return null;
            }
            var marker = new StringBuilder(level.Text.Length + 8);
            for (var i = 0; i < level.Text.Length; i++)
            {
                if (level.Text[i] == '%' && i + 1 < level.Text.Length && level.Text[i + 1] is >= '1' and <= '9')
                {
                    var referenced = level.Text[++i] - '1';
                    var format = levels[referenced];
                    var value = counters[referenced] == Unset ? format?.Start ?? 1 : counters[referenced];
                    marker.Append(Format(value, format?.Format ?? "decimal"));
                }
                else
                {
                    marker.Append(level.Text[i]);
                }
            }
            return marker.ToString().Trim() + " ";
        }

        private static string Format(int value, string format) => format switch
        {
            "decimalZero" => value.ToString("00", CultureInfo.InvariantCulture),
            "upperRoman" => Roman(value),
            "lowerRoman" => Roman(value).ToLowerInvariant(),
            "upperLetter" => Letters(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
            "lowerLetter" => Letters(value, "abcdefghijklmnopqrstuvwxyz"),
            "russianUpper" => Letters(value, "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"),
            "russianLower" => Letters(value, "абвгдежзиклмнопрстуфхцчшщэюя"),
            _ => value.ToString(CultureInfo.InvariantCulture),
        };

        private static string Roman(int value)
        {
            if (value is < 1 or > 3999)
            {
                return value.ToString(CultureInfo.InvariantCulture);
            }
            ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
            string[] symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
            var roman = new StringBuilder();
            for (var i = 0; i < values.Length; i++)
            {
                for (; value >= values[i]; value -= values[i])
                {
                    roman.Append(symbols[i]);
                }
            }
            return roman.ToString();
        }

        // Word's letter numbering repeats the letter: a…z, aa…zz, aaa…
        private static string Letters(int value, string alphabet) =>
            value is < 1 or > 780
                ? value.ToString(CultureInfo.InvariantCulture)
                : new string(alphabet[(value - 1) % alphabet.Length], (value - 1) / alphabet.Length + 1);
    }

    /// <summary>Text being collected, cut at the character limit; table cells end with a tab and rows with a newline.</summary>
    private sealed class TextOutput(int maxChars)
    {
        private readonly StringBuilder _text = new();

        public bool Full => _text.Length >= maxChars;

        public int Length => _text.Length;

        public void Append(char c)
        {
            if (!Full)
            {
                _text.Append(c);
            }
        }

        public void Append(ReadOnlySpan<char> text)
        {
            var room = maxChars - _text.Length;
            if (room <= 0)
            {
                return;
            }
            if (text.Length > room)
            {
                // Never leave half of a surrogate pair at the cut.
                text = text[..(char.IsHighSurrogate(text[room - 1]) ? room - 1 : room)];
            }
            _text.Append(text);
        }

        /// <summary>A cell's last paragraph already ended with a newline; the cell separator replaces it.</summary>
        public void EndCell() => ReplaceLast('\n', '\t');

        public void EndRow() => ReplaceLast('\t', '\n');

        public void AppendBlock(string block)
        {
            if (_text.Length > 0 && _text[^1] != '\n')
            {
                Append('\n');
            }
            Append(block);
            Append('\n');
        }

        private void ReplaceLast(char previous, char replacement)
        {
            if (_text.Length > 0 && _text[^1] == previous)
            {
                _text[^1] = replacement;
            }
            else
            {
                Append(replacement);
            }
        }

        public override string ToString() => _text.ToString();
    }
}
