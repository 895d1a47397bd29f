using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>
/// Reads the visible text of an HTML file (a saved web page, an e-mail body): the title as the first line, then the
/// body with block elements on their own lines and table cells separated by tabs. E-mail addresses and phone numbers
/// that only appear in <c>mailto:</c>/<c>tel:</c> links are added in parentheses, since contacts are what matters most.
/// </summary>
/// <remarks>
/// The parser is AngleSharp with its default configuration, which has no resource loader: nothing a page links to
/// (images, styles, frames, scripts) is ever fetched, and scripts never run.
/// </remarks>
public sealed partial class HtmlTextExtractor : ITextExtractor
{
    // Markup outweighs text many times over in saved pages, so the byte budget is a multiple of the text budget,
    // with a floor so that a small text limit does not cut off an ordinary page.
    private const int BytesPerTextChar = 8;
    private const long MinByteBudget = 8L * 1024 * 1024;
    // Where browsers look for <meta charset>; real pages put it within the first few hundred bytes.
    private const int CharsetScanBytes = 16 * 1024;

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "head", "title", "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "object", "embed",
        "canvas", "audio", "video",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol", "optgroup", "option",
        "p", "plaintext", "pre", "search", "section", "summary", "table", "tbody", "textarea", "tfoot", "thead", "tr",
        "ul", "xmp",
    };

    private static readonly HashSet<string> Preformatted = new(StringComparer.Ordinal)
    {
        "pre", "listing", "plaintext", "xmp", "textarea",
    };

    public IReadOnlyCollection<FileFormat> Formats { get; } = [FileFormat.Html];

    public string Extract(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        var byteBudget = Math.Max(MinByteBudget, (long)limits.MaxTextChars * BytesPerTextChar);
        var bytes = PlainTextExtractor.ReadAtMost(content, byteBudget, ct);
        if (bytes.Length == 0)
        {
            return "";
        }
        var encoding = ChooseEncoding(bytes);
        var preamble = bytes.AsSpan().StartsWith(encoding.Preamble) ? encoding.Preamble.Length : 0;
        var html = PlainTextExtractor.Decode(bytes.AsSpan(preamble), encoding, complete: bytes.Length < byteBudget);
        html = NestingGuard.Limit(html, limits.MaxNestingDepth);
        ct.ThrowIfCancellationRequested();

        // Parsed from a string, so AngleSharp takes the text as decoded and does not re-decode on <meta charset>.
        // Scripting off: <noscript> is parsed as markup, which is then skipped like the rest of the invisible parts.
        var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html);
        ct.ThrowIfCancellationRequested();
        return VisibleText(document, limits.MaxTextChars, ct);
    }

    /// <summary>
    /// BOM first, then a charset declared in the page, then detection. A declared single-byte charset loses to bytes
    /// that are valid UTF-8 with non-ASCII in them: pages re-saved by an editor keep their old meta tag, and legacy
    /// Cyrillic text is practically never valid UTF-8 by accident.
    /// </summary>
    private static Encoding ChooseEncoding(byte[] bytes)
    {
        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, TextEncodingDetector.SampleSize));
        if (TextEncodingDetector.FromBom(sample) is { } bom)
        {
            return bom;
        }
        if (DeclaredEncoding(sample) is { } declared)
        {
            if (declared is UTF8Encoding)
            {
                return declared;
            }
            var detected = TextEncodingDetector.Detect(sample);
            return detected is UTF8Encoding && !Ascii.IsValid(sample) ? detected : declared;
        }
        return TextEncodingDetector.Detect(sample);
    }

    private static Encoding? DeclaredEncoding(ReadOnlySpan<byte> sample)
    {
        // Latin-1 maps bytes to chars one to one, so the ASCII markup is found whatever the real encoding.
        var head = Encoding.Latin1.GetString(sample[..Math.Min(sample.Length, CharsetScanBytes)]);
        foreach (Match meta in MetaTag().Matches(head))
        {
            var charset = CharsetParameter().Match(meta.Value);
            if (charset.Success && TextEncodingDetector.FromLabel(charset.Groups[1].Value) is { } encoding)
            {
                // A page whose meta tag we could read is not UTF-16 whatever it says (the HTML standard's rule).
                return encoding is UnicodeEncoding or UTF32Encoding ? Encoding.UTF8 : encoding;
            }
        }
        var xml = XmlDeclaration().Match(head);
        return xml.Success && TextEncodingDetector.FromLabel(xml.Groups[1].Value) is { } xmlEncoding
            && xmlEncoding is not (UnicodeEncoding or UTF32Encoding)
            ? xmlEncoding
            : null;
    }

    /// <summary>Walks the tree with an explicit stack: nesting depth must never turn into call-stack depth.</summary>
    private static string VisibleText(IDocument document, int maxChars, CancellationToken ct)
    {
        var sink = new TextSink();
        var title = document.Title;
        if (!string.IsNullOrWhiteSpace(title))
        {
            sink.Text(title, preformatted: false);
            sink.SoftBreak();
        }

        var stack = new Stack<Frame>();
        if (document.DocumentElement is { } root)
        {
            stack.Push(new Frame(root, Exit: false, Mark: 0, Contact: null));
        }
        var preformatted = 0;
        var visited = 0;
        while (stack.Count > 0 && sink.Length < maxChars)
        {
            if ((++visited & 0x3FF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            var frame = stack.Pop();
            if (frame.Node is IText text)
            {
                sink.Text(text.Data, preformatted > 0);
                continue;
            }
            if (frame.Node is not IElement element)
            {
                continue;
            }
            var name = element.LocalName;
            if (frame.Exit)
            {
                Leave(name, frame, sink, ref preformatted);
                continue;
            }
            if (Skipped.Contains(name) || IsHidden(element))
            {
                continue;
            }
            var contact = name == "a" ? ContactFrom(element.GetAttribute("href")) : null;
            Enter(name, sink, ref preformatted);
            stack.Push(new Frame(element, Exit: true, sink.Length, contact));
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push(new Frame(children[i], Exit: false, Mark: 0, Contact: null));
            }
        }
        return PlainTextExtractor.Truncate(sink.ToString().Trim(), maxChars);
    }

    private static void Enter(string name, TextSink sink, ref int preformatted)
    {
        switch (name)
        {
            case "br":
                sink.HardBreak();
                return;
            case "td" or "th":
                sink.Tab();
                return;
        }
        if (Blocks.Contains(name))
        {
            sink.SoftBreak();
        }
        if (Preformatted.Contains(name))
        {
            preformatted++;
        }
    }

    private static void Leave(string name, Frame frame, TextSink sink, ref int preformatted)
    {
        if (frame.Contact is { } contact && !LinkTextHolds(sink.TextSince(frame.Mark), contact))
        {
            sink.Text(" (" + contact.Value + ")", preformatted: false);
        }
        if (Blocks.Contains(name))
        {
            sink.SoftBreak();
        }
        if (Preformatted.Contains(name))
        {
            preformatted--;
        }
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }
        var style = element.GetAttribute("style");
        return style is not null && InvisibleStyle().IsMatch(style);
    }

    private static Contact? ContactFrom(string? href)
    {
        if (href is null)
        {
            return null;
        }
        href = href.Trim();
        bool isEmail;
        string value;
        if (href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            isEmail = true;
            value = href["mailto:".Length..];
        }
        else if (href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            isEmail = false;
            value = href["tel:".Length..];
        }
        else
        {
            return null;
        }
        var end = value.IndexOfAny(['?', ';', '#']);
        value = Uri.UnescapeDataString(end < 0 ? value : value[..end]).Trim();
        value = Whitespace().Replace(value, " ");
        if (value.Length == 0 || (!isEmail && !value.Any(char.IsAsciiDigit)))
        {
            return null;
        }
        return new Contact(value, isEmail);
    }

    private static bool LinkTextHolds(string linkText, Contact contact)
    {
        if (contact.IsEmail)
        {
            return linkText.Contains(contact.Value, StringComparison.OrdinalIgnoreCase);
        }
        // "8 (999) 123-45-67" shows "tel:+79991234567": compare the last ten digits, which skip the country prefix.
        var hrefDigits = new string(contact.Value.Where(char.IsAsciiDigit).ToArray());
        var textDigits = new string(linkText.Where(char.IsAsciiDigit).ToArray());
        return textDigits.Contains(hrefDigits[Math.Max(0, hrefDigits.Length - 10)..], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaTag();

    // Matches both <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex(@"^\s*<\?xml\b[^>]*\bencoding\s*=\s*[""']([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InvisibleStyle();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>
    /// Keeps the parser's stack of open elements within <see cref="ExtractionLimits.MaxNestingDepth"/>. AngleSharp
    /// caps the tree at 512 levels but not that stack, and HTML5 tree building walks the stack for many start tags
    /// (every &lt;div&gt; looks for an open &lt;p&gt; to close), so 200,000 unclosed &lt;div&gt;s take minutes to parse.
    /// This pass follows the tree builder's stack roughly (start tags push; end tags and the commonest implied end
    /// tags pop, within the same scopes) and deletes start tags that would go past the limit, with their end tags.
    /// Text is never removed, only structure past the limit. Where it is inexact it is meant to err towards counting
    /// too deep, which costs an odd page some line breaks, rather than too shallow, which would let the stack grow.
    /// </summary>
    private static class NestingGuard
    {
        private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
        {
            "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input",
            "keygen", "link", "meta", "param", "source", "track", "wbr",
        };

        // Their content is text up to the matching end tag, so nothing inside can nest.
        private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
        {
            "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
        };

        private static readonly HashSet<string> ClosesP = new(StringComparer.Ordinal)
        {
            "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
            "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
            "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "table", "xmp", "plaintext",
            "li", "dd", "dt", "hr",
        };

        // "Has an element in scope" stops at these.
        private static readonly HashSet<string> Scope = new(StringComparer.Ordinal)
        {
            "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
        };

        // The HTML standard's "special" category: an unknown end tag never closes across one of them.
        private static readonly HashSet<string> Special = new(StringComparer.Ordinal)
        {
            "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
            "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed",
            "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6",
            "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main",
            "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param",
            "plaintext", "pre", "script", "search", "section", "select", "source", "style", "summary", "table", "tbody",
            "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp",
        };

        private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
        {
            "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
        };

        private static readonly HashSet<string> TableParts = new(StringComparer.Ordinal)
        {
            "table", "caption", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th",
        };

        public static string Limit(string html, int maxDepth)
        {
            var stack = new OpenElements();
            var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
            List<(int Start, int End)>? cuts = null;
            var i = 0;
            while (i < html.Length)
            {
                var lt = html.IndexOf('<', i);
                if (lt < 0 || lt + 1 >= html.Length)
                {
                    break;
                }
                var next = html[lt + 1];
                if (next is '!' or '?')
                {
                    i = SkipMarkupDeclaration(html, lt);
                    continue;
                }
                var isEnd = next == '/';
                var nameStart = isEnd ? lt + 2 : lt + 1;
                if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
                {
                    i = lt + 1;
                    continue;
                }
                var nameEnd = nameStart;
                while (nameEnd < html.Length && html[nameEnd] is not ('>' or '/') && !char.IsWhiteSpace(html[nameEnd]))
                {
                    nameEnd++;
                }
                var name = html[nameStart..nameEnd].ToLowerInvariant();
                i = TagEnd(html, nameEnd, out var selfClosing);

                bool keep;
                if (isEnd)
                {
                    keep = EndTag(name, stack, dropped);
                }
                else if (RawText.Contains(name))
                {
                    var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                    i = close < 0 ? html.Length : close;
                    continue;
                }
                else if (name == "plaintext")
                {
                    break;
                }
                else
                {
                    keep = StartTag(name, selfClosing, stack, dropped, maxDepth);
                }
                if (!keep)
                {
                    (cuts ??= []).Add((lt, i));
                }
            }
            if (cuts is null)
            {
                return html;
            }
            var result = new StringBuilder(html.Length);
            var copied = 0;
            foreach (var (start, end) in cuts)
            {
                result.Append(html, copied, start - copied);
                copied = end;
            }
            return result.Append(html, copied, html.Length - copied).ToString();
        }

        private static bool StartTag(string name, bool selfClosing, OpenElements stack, Dictionary<string, int> dropped, int maxDepth)
        {
            ImplyEndTags(name, stack);
            if (Void.Contains(name) || (selfClosing && stack.InForeignContent))
            {
                return true;
            }
            if (stack.Count >= maxDepth)
            {
                dropped[name] = dropped.GetValueOrDefault(name) + 1;
                return false;
            }
            stack.Push(name);
            return true;
        }

        private static bool EndTag(string name, OpenElements stack, Dictionary<string, int> dropped)
        {
            // The innermost open elements are the ones whose start tags were dropped, so this end tag is theirs.
            if (dropped.TryGetValue(name, out var count) && count > 0)
            {
                dropped[name] = count - 1;
                return false;
            }
            // </body> and </html> do not close anything in a browser; content after them still lands in the body.
            if (name is "html" or "body" or "head" || !stack.Contains(name))
            {
                return true;
            }
            Func<string, bool> boundary = name switch
            {
                _ when TableParts.Contains(name) => static n => n is "table" or "template" or "html",
                "li" => static n => Scope.Contains(n) || n is "ol" or "ul",
                "p" => static n => Scope.Contains(n) || n == "button",
                _ when Special.Contains(name) || Formatting.Contains(name) => static n => Scope.Contains(n),
                _ => static n => Special.Contains(n),
            };
            var index = stack.Find(n => n == name, boundary);
            if (index >= 0)
            {
                stack.PopTo(index);
            }
            return true;
        }

        /// <summary>The end tags a browser implies for a start tag: a new &lt;p&gt;, &lt;li&gt; or cell closes the open one.</summary>
        private static void ImplyEndTags(string name, OpenElements stack)
        {
            // The Contains checks are counts: they spare a walk down the stack when nothing could be found.
            if (ClosesP.Contains(name) && stack.Contains("p"))
            {
                PopToFound(stack, static n => n == "p", static n => Scope.Contains(n) || n == "button");
            }
            switch (name)
            {
                case "li" when stack.Contains("li"):
                    PopToFound(stack, static n => n == "li", static n => Special.Contains(n) && n is not ("address" or "div" or "p"));
                    break;
                case "dd" or "dt" when stack.Contains("dd") || stack.Contains("dt"):
                    PopToFound(stack, static n => n is "dd" or "dt", static n => Special.Contains(n) && n is not ("address" or "div" or "p"));
                    break;
                case "td" or "th" when stack.Contains("table"):
                    // Closes an open cell, or whatever is open inside the current row or table.
                    PopWithin(stack, static n => n is "td" or "th", static n => n is "tr" or "tbody" or "thead" or "tfoot" or "table");
                    break;
                case "tr" when stack.Contains("table"):
                    PopWithin(stack, static n => n == "tr", static n => n is "tbody" or "thead" or "tfoot" or "table");
                    break;
                case "tbody" or "thead" or "tfoot" when stack.Contains("table"):
                    PopWithin(stack, static n => n is "tbody" or "thead" or "tfoot", static n => n == "table");
                    break;
                case "caption" or "colgroup" when stack.Contains("table"):
                    PopWithin(stack, static _ => false, static n => n == "table");
                    break;
                case "option" or "optgroup":
                    if (stack.Top == "option")
                    {
                        stack.PopTo(stack.Count - 1);
                    }
                    if (name == "optgroup" && stack.Top == "optgroup")
                    {
                        stack.PopTo(stack.Count - 1);
                    }
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    if (stack.Top is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
                    {
                        stack.PopTo(stack.Count - 1);
                    }
                    break;
                case "a" when stack.Contains("a"):
                    // A new link closes an open one (the adoption agency); only the old <a> itself leaves the stack.
                    var open = stack.Find(static n => n == "a", static n => Scope.Contains(n));
                    if (open >= 0)
                    {
                        stack.RemoveAt(open);
                    }
                    break;
            }
        }

        private static void PopToFound(OpenElements stack, Func<string, bool> target, Func<string, bool> boundary)
        {
            var index = stack.Find(target, boundary);
            if (index >= 0)
            {
                stack.PopTo(index);
            }
        }

        /// <summary>Pops a <paramref name="closed"/> element, or everything above the nearest <paramref name="container"/>.</summary>
        private static void PopWithin(OpenElements stack, Func<string, bool> closed, Func<string, bool> container)
        {
            var index = stack.Find(n => closed(n) || container(n), static n => n is "template" or "html");
            if (index >= 0)
            {
                stack.PopTo(closed(stack[index]) ? index : index + 1);
            }
        }

        private static int SkipMarkupDeclaration(string html, int lt)
        {
            if (html.AsSpan(lt).StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                return end < 0 ? html.Length : end + 3;
            }
            var close = html.IndexOf('>', lt + 2);
            return close < 0 ? html.Length : close + 1;
        }

        /// <summary>The index after the tag's '&gt;', skipping quoted attribute values.</summary>
        private static int TagEnd(string html, int position, out bool selfClosing)
        {
            selfClosing = false;
            var quote = '\0';
            var afterEquals = false;
            for (var p = position; p < html.Length; p++)
            {
                var c = html[p];
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }
                    continue;
                }
                switch (c)
                {
                    case '>':
                        selfClosing = html[p - 1] == '/';
                        return p + 1;
                    case '=':
                        afterEquals = true;
                        continue;
                    case '"' or '\'' when afterEquals:
                        quote = c;
                        afterEquals = false;
                        continue;
                }
                if (!char.IsWhiteSpace(c))
                {
                    afterEquals = false;
                }
            }
            return html.Length;
        }
    }

    /// <summary>The simulated stack, with a count per name so that an end tag for nothing open costs no walk.</summary>
    private sealed class OpenElements
    {
        private readonly List<string> _names = [];
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private int _foreign;

        public int Count => _names.Count;

        public string? Top => _names.Count > 0 ? _names[^1] : null;

        public bool InForeignContent => _foreign > 0;

        public string this[int index] => _names[index];

        public bool Contains(string name) => _counts.GetValueOrDefault(name) > 0;

        public void Push(string name)
        {
            _names.Add(name);
            _counts[name] = _counts.GetValueOrDefault(name) + 1;
            _foreign += name is "svg" or "math" ? 1 : 0;
        }

        /// <summary>Index of the nearest <paramref name="target"/> from the top, or −1 if a boundary comes first.</summary>
        public int Find(Func<string, bool> target, Func<string, bool> boundary)
        {
            for (var i = _names.Count - 1; i >= 0; i--)
            {
                if (target(_names[i]))
                {
                    return i;
                }
                if (boundary(_names[i]))
                {
                    return -1;
                }
            }
            return -1;
        }

        /// <summary>Pops the element at <paramref name="index"/> and everything above it.</summary>
        public void PopTo(int index)
        {
            while (_names.Count > index)
            {
                RemoveAt(_names.Count - 1);
            }
        }

        public void RemoveAt(int index)
        {
            var name = _names[index];
            _names.RemoveAt(index);
            _counts[name]--;
            _foreign -= name is "svg" or "math" ? 1 : 0;
        }
    }

    private readonly record struct Frame(INode Node, bool Exit, int Mark, Contact? Contact);

    private sealed record Contact(string Value, bool IsEmail);

    /// <summary>
    /// Accumulates lines: whitespace collapses to one space within a line, trailing blanks and tabs are trimmed,
    /// and at most one blank line stands between lines (only &lt;br&gt;&lt;br&gt; makes one).
    /// </summary>
    private sealed class TextSink
    {
        private readonly StringBuilder _text = new();
        private int _lineStart;
        private bool _pendingSpace;
        private bool _lastLineBlank = true;

        public int Length => _text.Length;

        private bool LineHasContent => _text.Length > _lineStart;

        public void Text(string text, bool preformatted)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (preformatted && (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))))
                {
                    HardBreak();
                    continue;
                }
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = true;
                    continue;
                }
                // Soft hyphens, zero-width characters and controls are invisible on the page.
                if (char.IsControl(c) || c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')
                {
                    continue;
                }
                if (_pendingSpace && LineHasContent && _text[^1] != '\t')
                {
                    _text.Append(' ');
                }
                _pendingSpace = false;
                _text.Append(c);
            }
        }

        /// <summary>A cell boundary: a tab, unless the line is still empty.</summary>
        public void Tab()
        {
            _pendingSpace = false;
            if (LineHasContent)
            {
                _text.Append('\t');
            }
        }

        /// <summary>A block boundary: ends the current line, if anything is on it.</summary>
        public void SoftBreak()
        {
            _pendingSpace = false;
            if (LineHasContent)
            {
                EndLine();
            }
        }

        /// <summary>&lt;br&gt;: ends the line, and on an empty line leaves a blank one (at most one in a row).</summary>
        public void HardBreak()
        {
            _pendingSpace = false;
            if (LineHasContent)
            {
                EndLine();
            }
            else if (!_lastLineBlank)
            {
                _text.Append('\n');
                _lineStart = _text.Length;
                _lastLineBlank = true;
            }
        }

        public string TextSince(int mark) => mark >= _text.Length ? "" : _text.ToString(mark, _text.Length - mark);

        public override string ToString() => _text.ToString();

        private void EndLine()
        {
            while (LineHasContent && _text[^1] == '\t')
            {
                _text.Length--;
            }
            if (LineHasContent)
            {
                _text.Append('\n');
                _lineStart = _text.Length;
                _lastLineBlank = false;
            }
        }
    }
}
