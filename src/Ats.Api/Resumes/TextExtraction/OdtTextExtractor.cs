using System.Globalization;
using System.Text;
using System.Xml;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>
/// OpenDocument text (ODT): the body of content.xml (paragraphs, headings, lists, tables, frames, notes), then the
/// page headers and footers from styles.xml. Parts are read through <see cref="ZipGuard"/> with a forward-only
/// <see cref="XmlReader"/> that prohibits DTDs. ODF password protection encrypts each part and says so in
/// META-INF/manifest.xml, which is checked first.
/// </summary>
public sealed class OdtTextExtractor : ITextExtractor
{
    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string StyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private const string SvgNs = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
    private const string ManifestNs = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

    // Also matches the template (-template), master (-master) and web (-web) variants of a text document.
    private const string TextMimeType = "application/vnd.oasis.opendocument.text";

    public IReadOnlyCollection<FileFormat> Formats { get; } = [FileFormat.Odt];

    public string Extract(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        ct.ThrowIfCancellationRequested();

        using var guard = ZipGuard.Open(content, limits);
        try
        {
            if (!ReadMimeType(guard).StartsWith(TextMimeType, StringComparison.Ordinal))
            {
                throw new ExtractionException(FailureReason.Corrupt, "The zip archive is not an OpenDocument text (wrong or missing mimetype).");
            }
            if (guard.Find("META-INF/manifest.xml") is { } manifest && DeclaresEncryption(guard, manifest, limits, ct))
            {
                throw new ExtractionException(FailureReason.Encrypted, "The OpenDocument file is protected with a password.");
            }
            var body = guard.Find("content.xml")
                ?? throw new ExtractionException(FailureReason.Corrupt, "The OpenDocument file has no content.xml.");

            var output = new TextOutput(limits.MaxTextChars);
            var walker = new PartWalker(limits, ct);
            using (var reader = guard.OpenXml(body))
            {
                walker.Read(reader, IsBody, () => output, _ => { });
            }

            if (guard.Find("styles.xml") is { } styles && !output.Full)
            {
                // Every master page has its own header and footer, usually with the same text; keep each text once.
                var seen = new HashSet<string>(StringComparer.Ordinal);
                using var reader = guard.OpenXml(styles);
                walker.Read(reader, IsHeaderOrFooter, () => new TextOutput(limits.MaxTextChars), block =>
                {
                    var text = block.ToString().Trim();
                    if (text.Length > 0 && seen.Add(text))
                    {
                        output.AppendBlock(text);
                    }
                });
            }
            return output.ToString().TrimEnd();
        }
        catch (XmlException e)
        {
            throw new ExtractionException(FailureReason.Corrupt,
                "The OpenDocument file contains malformed or forbidden XML (for example a DTD or entity declarations).", e);
        }
        catch (Exception e) when (e is not ExtractionException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new ExtractionException(FailureReason.Corrupt, $"The OpenDocument file is damaged ({e.GetType().Name}).", e);
        }
    }

    private static string ReadMimeType(ZipGuard guard)
    {
        if (guard.Find("mimetype") is not { } entry)
        {
            return "";
        }
        using var stream = guard.OpenEntry(entry);
        var buffer = new byte[Math.Min(entry.Length, 256)];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.ASCII.GetString(buffer, 0, read).Trim();
    }

    private static bool DeclaresEncryption(ZipGuard guard, System.IO.Compression.ZipArchiveEntry manifest, ExtractionLimits limits, CancellationToken ct)
    {
        using var reader = guard.OpenXml(manifest);
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
                    $"The OpenDocument manifest is nested more than {limits.MaxNestingDepth} levels deep.");
            }
            // A password-protected document encrypts every part, content.xml included, and lists how for each one.
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == ManifestNs && reader.LocalName == "encryption-data")
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsBody(string ns, string localName) => ns == OfficeNs && localName == "body";

    private static bool IsHeaderOrFooter(string ns, string localName) =>
        ns == StyleNs && localName is "header" or "footer" or "header-left" or "footer-left" or "header-first" or "footer-first";

    private enum Kind : byte
    {
        Other,
        Scope,
        Paragraph,
        ListItem,
        Space,
        Tab,
        LineBreak,
        TableCell,
        TableRow,
        /// <summary>Subtrees whose text is not part of the document's visible text: comments, note numbers, deleted changes, index templates, alt text.</summary>
        Hidden,
    }

    private static Kind Classify(string ns, string localName) => ns switch
    {
        TextNs => localName switch
        {
            "p" or "h" => Kind.Paragraph,
            "list-item" => Kind.ListItem,
            "s" => Kind.Space,
            "tab" => Kind.Tab,
            "line-break" => Kind.LineBreak,
            "note-citation" or "tracked-changes" => Kind.Hidden,
            _ when localName.EndsWith("-source", StringComparison.Ordinal) => Kind.Hidden,
            _ => Kind.Other,
        },
        TableNs => localName switch
        {
            "table-cell" => Kind.TableCell,
            "table-row" => Kind.TableRow,
            "covered-table-cell" => Kind.Hidden,
            _ => Kind.Other,
        },
        OfficeNs when localName == "annotation" => Kind.Hidden,
        SvgNs when localName is "title" or "desc" => Kind.Hidden,
        _ => Kind.Other,
    };

    /// <summary>Streams the text inside the scope elements of one part; each scope element is one block of output.</summary>
    private sealed class PartWalker(ExtractionLimits limits, CancellationToken ct)
    {
        private const string ListMarker = "• ";
        private const int MaxSpaceRun = 1_000;

        private readonly Kind[] _kinds = new Kind[limits.MaxNestingDepth + 2];
        private readonly char[] _chunk = new char[4096];
        private int _paragraphs;
        private bool _listItemPending;
        // ODF collapses runs of white space in paragraph text to one space and drops it at the paragraph's start.
        private bool _afterSpace;
        // Where the last paragraph's newline went: a paragraph that ends right after a nested one (a text box) adds no blank line.
        private int _paragraphEndedAt = -1;

        public void Read(XmlReader reader, Func<string, string, bool> isScope, Func<TextOutput> openBlock, Action<TextOutput> closeBlock)
        {
            TextOutput? block = null;
            var scopeDepth = -1;
            var skipUntil = -1;
            _paragraphs = 0;
            _listItemPending = false;
            long nodes = 0;
            while (reader.Read())
            {
                if ((++nodes & 0x3FF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
                var depth = reader.Depth;
                if (depth > limits.MaxNestingDepth)
                {
                    throw new ExtractionException(FailureReason.TooLarge,
                        $"The OpenDocument XML is nested more than {limits.MaxNestingDepth} levels deep.");
                }
                if (skipUntil >= 0)
                {
                    if (reader.NodeType == XmlNodeType.EndElement && depth == skipUntil)
                    {
                        skipUntil = -1;
                    }
                    continue;
                }
                if (block is null)
                {
                    if (reader.NodeType == XmlNodeType.Element && isScope(reader.NamespaceURI, reader.LocalName) && !reader.IsEmptyElement)
                    {
                        _kinds[depth] = Kind.Scope;
                        scopeDepth = depth;
                        block = openBlock();
                        _paragraphEndedAt = -1;
                    }
                    continue;
                }
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var kind = Classify(reader.NamespaceURI, reader.LocalName);
                        _kinds[depth] = kind;
                        if (kind == Kind.Hidden)
                        {
                            if (!reader.IsEmptyElement)
                            {
                                skipUntil = depth;
                            }
                            continue;
                        }
                        Start(reader, kind, block);
                        if (reader.IsEmptyElement)
                        {
                            End(kind, block);
                        }
                        break;
                    case XmlNodeType.EndElement when depth == scopeDepth:
                        closeBlock(block);
                        block = null;
                        scopeDepth = -1;
                        break;
                    case XmlNodeType.EndElement:
                        End(_kinds[depth], block);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                        if (_paragraphs > 0)
                        {
                            AppendValue(reader, block);
                        }
                        break;
                }
            }
        }

        private void Start(XmlReader reader, Kind kind, TextOutput output)
        {
            switch (kind)
            {
                case Kind.Paragraph:
                    _paragraphs++;
                    _afterSpace = true;
                    _paragraphEndedAt = -1;
                    if (_listItemPending)
                    {
                        output.Append(ListMarker);
                        _listItemPending = false;
                    }
                    break;
                case Kind.ListItem:
                    _listItemPending = true;
                    break;
                case Kind.Space when _paragraphs > 0:
                    var count = int.TryParse(reader.GetAttribute("c", TextNs), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 1;
                    output.Append(' ', Math.Clamp(count, 1, MaxSpaceRun));
                    _afterSpace = false;
                    break;
                case Kind.Tab when _paragraphs > 0:
                    output.Append('\t', 1);
                    _afterSpace = false;
                    break;
                case Kind.LineBreak when _paragraphs > 0:
                    output.Append('\n', 1);
                    _afterSpace = true;
                    break;
            }
        }

        private void End(Kind kind, TextOutput output)
        {
            switch (kind)
            {
                case Kind.Paragraph:
                    _paragraphs = Math.Max(0, _paragraphs - 1);
                    if (_afterSpace)
                    {
                        output.TrimTrailingSpace();
                    }
                    if (_paragraphEndedAt != output.Length)
                    {
                        output.Append('\n', 1);
                        _paragraphEndedAt = output.Length;
                    }
                    _afterSpace = true;
                    break;
                case Kind.ListItem:
                    _listItemPending = false;
                    break;
                case Kind.TableCell:
                    output.EndCell();
                    break;
                case Kind.TableRow:
                    output.EndRow();
                    break;
            }
        }

        private void AppendValue(XmlReader reader, TextOutput output)
        {
            if (!reader.CanReadValueChunk)
            {
                AppendCollapsed(reader.Value, output);
                return;
            }
            // Chunked, so one enormous text node never becomes one enormous string.
            int n;
            while (!output.Full && (n = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
            {
                AppendCollapsed(_chunk.AsSpan(0, n), output);
            }
        }

        private void AppendCollapsed(ReadOnlySpan<char> text, TextOutput output)
        {
            while (!text.IsEmpty && !output.Full)
            {
                var space = text.IndexOfAny(" \t\n\r");
                if (space != 0)
                {
                    var word = space < 0 ? text : text[..space];
                    output.Append(word);
                    _afterSpace = false;
                    text = text[word.Length..];
                    continue;
                }
                if (!_afterSpace)
                {
                    output.Append(' ', 1);
                    _afterSpace = true;
                }
                text = text[1..];
            }
        }
    }

    /// <summary>Text being collected, cut at the character limit; table cells end with a tab and rows with a newline.</summary>
    private sealed class TextOutput(int maxChars)
    {
        private readonly StringBuilder _text = new();

        public bool Full => _text.Length >= maxChars;

        public int Length => _text.Length;

        public void Append(char c, int count) => _text.Append(c, Math.Min(count, Math.Max(0, maxChars - _text.Length)));

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

        public void TrimTrailingSpace()
        {
            if (_text.Length > 0 && _text[^1] == ' ')
            {
                _text.Length--;
            }
        }

        /// <summary>A cell's last paragraph already ended with a newline; the cell separator replaces it.</summary>
        public void EndCell() => ReplaceLast('\n', '\t');

        public void EndRow() => ReplaceLast('\t', '\n');

        public void AppendBlock(string block)
        {
            if (_text.Length > 0 && _text[^1] != '\n')
            {
                Append('\n', 1);
            }
            Append(block);
            Append('\n', 1);
        }

        private void ReplaceLast(char previous, char replacement)
        {
            if (_text.Length > 0 && _text[^1] == previous)
            {
                _text[^1] = replacement;
            }
            else
            {
                Append(replacement, 1);
            }
        }

        public override string ToString() => _text.ToString();
    }
}
