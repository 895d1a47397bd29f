using System.IO.Compression;
using System.Text;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>
/// Tells a file's real format from its bytes: magic numbers, the entries of a zip (DOCX vs ODT vs other), the
/// streams of an OLE compound file (DOC vs encrypted DOCX vs other Office files), and a sniff for HTML and text.
/// The name and declared content type of an upload are never consulted.
/// </summary>
public static class FormatDetector
{
    private const int SniffBytes = 8192;

    public static FileFormat Detect(Stream stream)
    {
        var head = new byte[SniffBytes];
        stream.Position = 0;
        var n = stream.ReadAtLeast(head, SniffBytes, throwOnEndOfStream: false);
        var h = head.AsSpan(0, n);
        stream.Position = 0;
        if (n == 0)
        {
            return FileFormat.Unknown;
        }

        if (h.StartsWith("%PDF-"u8))
        {
            return FileFormat.Pdf;
        }
        if (h.StartsWith("PK\u0003\u0004"u8) || h.StartsWith("PK\u0005\u0006"u8))
        {
            return Zip(stream);
        }
        if (CompoundFile.IsCompoundFile(h))
        {
            return Compound(stream);
        }
        if (SkipBomAndSpace(h).StartsWith(@"{\rtf"u8))
        {
            return FileFormat.Rtf;
        }
        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return FileFormat.Jpeg;
        if (h.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return FileFormat.Png;
        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8)) return FileFormat.Gif;
        if (h.StartsWith("BM"u8) && n > 26) return FileFormat.Bmp;
        if (h.StartsWith("II*\0"u8) || h.StartsWith("MM\0*"u8)) return FileFormat.Tiff;
        if (h.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3])) return FileFormat.Webm;
        if (n >= 12 && h.StartsWith("RIFF"u8))
        {
            if (h[8..12].SequenceEqual("WEBP"u8)) return FileFormat.Webp;
            if (h[8..12].SequenceEqual("AVI "u8)) return FileFormat.Avi;
        }
        if (n >= 12 && h[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(h[8..12]);
            return brand switch
            {
                "heic" or "heix" or "hevc" or "heim" or "heis" or "mif1" or "msf1" => FileFormat.Heic,
                "qt  " => FileFormat.Mov,
                _ => FileFormat.Mp4,
            };
        }
        // Readers accept a PDF header anywhere in the first 1024 bytes (junk before it). Checked only after every magic
        // number at offset 0: a zip or OLE file that stores a PDF near its start (a zip "stored" entry cv.pdf, a .msg
        // attachment) is a zip or OLE file, not a PDF.
        if (h[..Math.Min(1024, h.Length)].IndexOf("%PDF-"u8) >= 0)
        {
            return FileFormat.Pdf;
        }
        if (LooksLikeHtml(h))
        {
            return FileFormat.Html;
        }
        return LooksLikeText(h) ? FileFormat.Txt : FileFormat.Unknown;
    }

    private static FileFormat Zip(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Take(10_000).Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("[Content_Types].xml") && names.Contains("word/document.xml"))
            {
                return FileFormat.Docx;
            }
            if (names.Contains("[Content_Types].xml") && names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)))
            {
                return FileFormat.Docx;
            }
            var mimetype = zip.GetEntry("mimetype");
            if (mimetype is { Length: < 200 })
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                var type = reader.ReadToEnd().Trim();
                if (type is "application/vnd.oasis.opendocument.text" or "application/vnd.oasis.opendocument.text-template")
                {
                    return FileFormat.Odt;
                }
            }
            return FileFormat.OtherZip;
        }
        catch (InvalidDataException)
        {
            // A broken zip that still says it is Word (a truncated DOCX): let the DOCX reader report it as damaged.
            return LooksLikeOoxmlFragment(stream) ? FileFormat.Docx : FileFormat.OtherZip;
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static bool LooksLikeOoxmlFragment(Stream stream)
    {
        stream.Position = 0;
        var buffer = new byte[Math.Min(stream.Length, 64 * 1024)];
        stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var span = buffer.AsSpan();
        return span.IndexOf("[Content_Types].xml"u8) >= 0 || span.IndexOf("word/"u8) >= 0;
    }

    private static FileFormat Compound(Stream stream)
    {
        try
        {
            var cfb = new CompoundFile(stream, maxStreamBytes: 0);
            if (cfb.HasStream("WordDocument"))
            {
                return FileFormat.Doc;
            }
            // An encrypted DOCX is an OLE container; accept it as a Word document so its status says "encrypted".
            if (cfb.HasStream("EncryptionInfo") && cfb.HasStream("EncryptedPackage"))
            {
                return FileFormat.Docx;
            }
            return FileFormat.OtherCompound;
        }
        catch (ExtractionException)
        {
            // Damaged container that starts like an Office file: let the DOC reader name the damage.
            return FileFormat.Doc;
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static ReadOnlySpan<byte> SkipBomAndSpace(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            h = h[3..];
        }
        var i = 0;
        while (i < h.Length && h[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }
        return h[i..];
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> h)
    {
        var start = SkipBomAndSpace(h);
        var prefix = Encoding.ASCII.GetString(start[..Math.Min(start.Length, 1024)]).ToLowerInvariant();
        return prefix.StartsWith("<!doctype html", StringComparison.Ordinal) || prefix.StartsWith("<html", StringComparison.Ordinal)
            || prefix.StartsWith("<head", StringComparison.Ordinal) || prefix.StartsWith("<body", StringComparison.Ordinal)
            || (prefix.StartsWith('<') && prefix.Contains("<html", StringComparison.Ordinal));
    }

    /// <summary>UTF-16 with a BOM, or bytes without NULs and with few control characters (any 8-bit code page passes).</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || h.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }
        var zeros = 0;
        var controls = 0;
        foreach (var b in h)
        {
            if (b == 0) zeros++;
            else if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C or 0x1A or 0x1B)) controls++;
        }
        // UTF-16 without a BOM: the high byte of nearly every code unit is 0x00 (Latin) or 0x04 (Cyrillic).
        if (LooksLikeUtf16(h, littleEndian: true) || LooksLikeUtf16(h, littleEndian: false))
        {
            return true;
        }
        return zeros == 0 && controls <= h.Length / 100;
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> h, bool littleEndian)
    {
        var units = h.Length / 2;
        if (units < 4)
        {
            return false;
        }
        int plausible = 0, zeroLow = 0;
        for (var i = 0; i + 1 < h.Length; i += 2)
        {
            var (low, high) = littleEndian ? (h[i], h[i + 1]) : (h[i + 1], h[i]);
            if (high is 0x00 or 0x04 || (high == 0x20 && low < 0x70))
            {
                plausible++;
            }
            if (low == 0)
            {
                zeroLow++;
            }
        }
        return plausible >= units * 9 / 10 && zeroLow < units / 10;
    }
}
