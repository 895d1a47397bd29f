using System.IO.Compression;
using System.Xml;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>
/// Opens a zip-based document (DOCX, ODT) for reading and refuses hostile archives before anything inside is parsed:
/// too many entries, too much declared unpacked data, or an entry packed suspiciously well (zip bomb). Declared sizes
/// can lie, so entries are read only through a stream that counts what really comes out and stops at the declared
/// size and at the archive's total budget. Every failure is an <see cref="ExtractionException"/>.
/// </summary>
internal sealed class ZipGuard : IDisposable
{
    /// <summary>Entries smaller than this unpacked are exempt from the ratio check: small XML parts legitimately pack 50:1 and more.</summary>
    public const long RatioExemptBytes = 64 * 1024;

    private readonly ZipArchive _archive;
    private readonly Dictionary<string, ZipArchiveEntry> _byName;
    private readonly long _budget;
    private long _consumed;

    private ZipGuard(ZipArchive archive, Dictionary<string, ZipArchiveEntry> byName, long budget)
    {
        _archive = archive;
        _byName = byName;
        _budget = budget;
    }

    public IReadOnlyCollection<ZipArchiveEntry> Entries => _archive.Entries;

    /// <summary>Bytes that may still be unpacked from this archive, over all entries read so far.</summary>
    public long RemainingBytes => Math.Max(0, _budget - _consumed);

    public static ZipGuard Open(Stream content, ExtractionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        if (!content.CanSeek || !content.CanRead)
        {
            throw new ArgumentException("A zip document must be read from a seekable stream.", nameof(content));
        }

        ZipArchive archive;
        IReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new ExtractionException(FailureReason.Corrupt, "The file is not a valid zip archive.", e);
        }
        try
        {
            // The central directory is read on first access to Entries, so a broken one surfaces here.
            entries = archive.Entries;
        }
        catch (Exception e) when (IsDamage(e))
        {
            archive.Dispose();
            throw new ExtractionException(FailureReason.Corrupt, "The zip archive's table of contents is damaged.", e);
        }

        try
        {
            return new ZipGuard(archive, Check(entries, limits), limits.MaxUncompressedBytes);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    private static Dictionary<string, ZipArchiveEntry> Check(IReadOnlyCollection<ZipArchiveEntry> entries, ExtractionLimits limits)
    {
        if (entries.Count > limits.MaxZipEntries)
        {
            throw new ExtractionException(FailureReason.TooLarge,
                $"The zip archive has {entries.Count} entries; at most {limits.MaxZipEntries} are accepted.");
        }
        var byName = new Dictionary<string, ZipArchiveEntry>(entries.Count, StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in entries)
        {
            if (entry.IsEncrypted)
            {
                throw new ExtractionException(FailureReason.Encrypted, "The zip archive is protected with a password.");
            }
            if (entry.Length < 0 || entry.CompressedLength < 0)
            {
                throw new ExtractionException(FailureReason.Corrupt, "The zip archive declares a negative entry size.");
            }
            total += entry.Length;
            if (total > limits.MaxUncompressedBytes)
            {
                throw new ExtractionException(FailureReason.TooLarge,
                    $"The zip archive unpacks to more than {limits.MaxUncompressedBytes} bytes.");
            }
            if (entry.Length >= RatioExemptBytes && entry.Length > limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                throw new ExtractionException(FailureReason.TooLarge,
                    $"A zip entry is packed {entry.Length / Math.Max(1, entry.CompressedLength)}:1; at most {limits.MaxCompressionRatio}:1 is accepted.");
            }
            // Duplicate names: the first wins, as in System.IO.Packaging; the duplicate is never read.
            byName.TryAdd(entry.FullName, entry);
        }
        return byName;
    }

    /// <summary>The entry with this exact name; a leading '/' (as in OPC part URIs) is ignored.</summary>
    public ZipArchiveEntry? Find(string fullName) =>
        _byName.GetValueOrDefault(fullName.StartsWith('/') ? fullName[1..] : fullName);

    /// <summary>Opens an entry's unpacked bytes, limited to its declared size and to what is left of the archive's budget.</summary>
    public Stream OpenEntry(ZipArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!ReferenceEquals(entry.Archive, _archive))
        {
            throw new ArgumentException("The entry belongs to another archive.", nameof(entry));
        }
        if (entry.IsEncrypted)
        {
            throw new ExtractionException(FailureReason.Encrypted, "The zip archive is protected with a password.");
        }
        Stream inner;
        try
        {
            inner = entry.Open();
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new ExtractionException(FailureReason.Corrupt, "A zip entry cannot be unpacked (damaged or unknown compression).", e);
        }
        return new LimitedStream(inner, entry.Length, this);
    }

    /// <summary>
    /// Wraps a stream of unpacked bytes obtained elsewhere (for example from System.IO.Packaging) in the same limits:
    /// at most <paramref name="declaredLength"/> bytes, and counted against the archive's budget.
    /// </summary>
    public Stream Limit(Stream inner, long declaredLength)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegative(declaredLength);
        return new LimitedStream(inner, declaredLength, this);
    }

    /// <summary>
    /// An <see cref="XmlReader"/> over a limited entry that never processes a DTD (so no entity expansion and no
    /// external resolution) and cannot be made to read more characters than the entry may unpack to.
    /// Nesting depth is for the caller to check against <see cref="ExtractionLimits.MaxNestingDepth"/>.
    /// </summary>
    public XmlReader OpenXml(ZipArchiveEntry entry) => CreateXmlReader(OpenEntry(entry), Math.Min(entry.Length, RemainingBytes));

    public static XmlReader CreateXmlReader(Stream input, long maxChars) =>
        XmlReader.Create(input, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            // 0 would mean "unlimited".
            MaxCharactersInDocument = Math.Max(1, maxChars),
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        });

    public void Dispose() => _archive.Dispose();

    // Hostile headers make System.IO.Compression throw more than InvalidDataException (overflowing offsets,
    // out-of-range arguments); all of them mean "damaged file". Our own verdicts and cancellation pass through.
    private static bool IsDamage(Exception e) =>
        e is not ExtractionException and not OperationCanceledException and not OutOfMemoryException;

    private void Consume(int bytes)
    {
        _consumed += bytes;
        if (_consumed > _budget)
        {
            throw new ExtractionException(FailureReason.TooLarge,
                $"The zip archive unpacks to more than {_budget} bytes.");
        }
    }

    /// <summary>Counts unpacked bytes; reading past the declared size or the archive budget is a zip bomb that lied in its headers.</summary>
    private sealed class LimitedStream(Stream inner, long declaredLength, ZipGuard guard) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n;
            try
            {
                n = inner.Read(buffer);
            }
            catch (Exception e) when (IsDamage(e))
            {
                throw new ExtractionException(FailureReason.Corrupt, "A zip entry's packed data is damaged.", e);
            }
            _read += n;
            if (_read > declaredLength)
            {
                throw new ExtractionException(FailureReason.TooLarge,
                    $"A zip entry unpacks to more than the {declaredLength} bytes its header declares.");
            }
            guard.Consume(n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
