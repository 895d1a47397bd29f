using System.Buffers.Binary;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>
/// Read-only reader of an OLE compound file ([MS-CFB]): the container of Word 97–2003 documents, Excel 97–2003
/// workbooks and encrypted OOXML packages. Only streams directly under the root storage are exposed, which is all
/// a text extractor needs. Every sector number, chain and size read from the file is checked, so a damaged or
/// hostile file fails with <see cref="ExtractionException"/> (Corrupt or TooLarge), never with an index error or an
/// endless loop. Sectors are read on demand, so memory stays proportional to the FAT and the streams opened.
/// </summary>
public sealed class CompoundFile
{
    private static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // [MS-CFB] 2.1: sector numbers above MAXREGSECT are markers, not sectors.
    private const uint MaxRegularSector = 0xFFFFFFFA;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint NoStream = 0xFFFFFFFF;

    private const int HeaderSize = 512;
    private const int HeaderDifatCount = 109;
    private const int DirectoryEntrySize = 128;
    private const int MiniSectorSize = 64;
    // [MS-CFB] 2.2: the cutoff field MUST be 4096, so the constant is used rather than trusting the header.
    private const long MiniStreamCutoff = 4096;

    private const byte TypeStorage = 1;
    private const byte TypeStream = 2;
    private const byte TypeRoot = 5;

    private readonly Stream _stream;
    private readonly long _length;
    private readonly int _sectorSize;
    private readonly long _sectorCount;
    private readonly bool _isVersion3;
    private readonly long _maxStreamBytes;
    private readonly CancellationToken _ct;
    private readonly uint[] _fat;
    private readonly DirectoryEntry[] _entries;
    private readonly Dictionary<string, int> _rootChildren = new(StringComparer.OrdinalIgnoreCase);
    private readonly uint _firstMiniFatSector;
    private uint[]? _miniFat;
    private byte[]? _miniStream;

    /// <param name="stream">A seekable stream positioned anywhere; it is read at absolute offsets and not disposed.</param>
    /// <param name="maxStreamBytes">Largest stream <see cref="TryOpenStream"/> will materialise (TooLarge above it).</param>
    /// <param name="ct">Checked while walking chains and reading sectors.</param>
    public CompoundFile(Stream stream, long maxStreamBytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("A readable, seekable stream is required.", nameof(stream));
        }
        _stream = stream;
        _length = stream.Length;
        _maxStreamBytes = maxStreamBytes;
        _ct = ct;

        Span<byte> header = stackalloc byte[HeaderSize];
        if (_length < HeaderSize || ReadAt(0, header) < HeaderSize || !IsCompoundFile(header))
        {
            throw Corrupt("not an OLE compound file");
        }

        // [MS-CFB] 2.2: major version 3 uses 512-byte sectors, version 4 uses 4096-byte sectors. Either shift is
        // accepted with either version because the sector size is what matters for reading.
        var majorVersion = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]);
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
        var miniSectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
        if (majorVersion is not (3 or 4) || sectorShift is not (9 or 12) || miniSectorShift != 6)
        {
            throw Corrupt("unsupported compound file version or sector size");
        }
        _isVersion3 = majorVersion == 3;
        _sectorSize = 1 << sectorShift;
        // Sector n starts at (n + 1) * sectorSize: the header occupies the first sector-sized block. A short final
        // sector (some writers do not pad) is counted and read as zero-filled.
        _sectorCount = _length <= _sectorSize ? 0 : (_length - _sectorSize + _sectorSize - 1) / _sectorSize;

        var fatSectorCount = BinaryPrimitives.ReadUInt32LittleEndian(header[44..]);
        var firstDirectorySector = BinaryPrimitives.ReadUInt32LittleEndian(header[48..]);
        _firstMiniFatSector = BinaryPrimitives.ReadUInt32LittleEndian(header[60..]);
        var firstDifatSector = BinaryPrimitives.ReadUInt32LittleEndian(header[68..]);

        _fat = ReadFat(header, fatSectorCount, firstDifatSector);
        _entries = ReadDirectory(firstDirectorySector);
        if (_entries.Length == 0 || _entries[0].Type != TypeRoot)
        {
            throw Corrupt("the root directory entry is missing");
        }
        IndexRootChildren();
        RootEntryNames = [.. _rootChildren.Values.Order().Select(i => _entries[i].Name)];
    }

    /// <summary>Names of the streams and storages directly under the root storage, in directory order.</summary>
    public IReadOnlyList<string> RootEntryNames { get; }

    /// <summary>True when <paramref name="header"/> starts with the [MS-CFB] 2.2 header signature.</summary>
    public static bool IsCompoundFile(ReadOnlySpan<byte> header) => header.Length >= Signature.Length && header[..Signature.Length].SequenceEqual(Signature);

    /// <summary>True when the root storage holds a stream of this name (compared case-insensitively, [MS-CFB] 2.6.4).</summary>
    public bool HasStream(string name) => _rootChildren.TryGetValue(name, out var i) && _entries[i].Type == TypeStream;

    /// <summary>True when the root storage holds a storage (sub-folder) of this name.</summary>
    public bool HasStorage(string name) => _rootChildren.TryGetValue(name, out var i) && _entries[i].Type == TypeStorage;

    /// <summary>Reads a whole stream of the root storage; false when there is no such stream.</summary>
    public bool TryOpenStream(string name, out byte[] data)
    {
        if (!_rootChildren.TryGetValue(name, out var index) || _entries[index].Type != TypeStream)
        {
            data = [];
            return false;
        }
        var entry = _entries[index];
        CheckStreamSize(entry.Size, entry.Name);
        data = entry.Size < MiniStreamCutoff
            ? ReadMiniChain(entry.StartSector, (int)entry.Size)
            : ReadChain(entry.StartSector, (int)entry.Size);
        return true;
    }

    private uint[] ReadFat(ReadOnlySpan<byte> header, uint fatSectorCount, uint firstDifatSector)
    {
        // Every FAT sector must be a distinct sector of the file, which bounds the FAT by the file size.
        if (fatSectorCount == 0 || fatSectorCount > _sectorCount)
        {
            throw Corrupt("the FAT sector count does not fit the file");
        }
        if (fatSectorCount > Array.MaxLength / (_sectorSize / 4))
        {
            throw new ExtractionException(FailureReason.TooLarge, "The compound file's allocation table is too large.");
        }
        var fatSectors = new List<uint>((int)fatSectorCount);
        for (var i = 0; i < HeaderDifatCount && fatSectors.Count < fatSectorCount; i++)
        {
            fatSectors.Add(CheckSector(BinaryPrimitives.ReadUInt32LittleEndian(header[(76 + (4 * i))..])));
        }

        // [MS-CFB] 2.5: FAT sectors beyond the first 109 are listed in a chain of DIFAT sectors, each holding
        // (sectorSize / 4 - 1) entries followed by the number of the next DIFAT sector.
        var perDifatSector = (_sectorSize / 4) - 1;
        var difatSector = firstDifatSector;
        var visited = new HashSet<uint>();
        var buffer = new byte[_sectorSize];
        while (fatSectors.Count < fatSectorCount)
        {
            if (!visited.Add(CheckSector(difatSector)))
            {
                throw Corrupt("the DIFAT chain loops");
            }
            ReadSector(difatSector, buffer);
            for (var i = 0; i < perDifatSector && fatSectors.Count < fatSectorCount; i++)
            {
                fatSectors.Add(CheckSector(BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(4 * i))));
            }
            difatSector = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(4 * perDifatSector));
        }

        var entriesPerSector = _sectorSize / 4;
        var fat = new uint[fatSectors.Count * (long)entriesPerSector];
        for (var s = 0; s < fatSectors.Count; s++)
        {
            _ct.ThrowIfCancellationRequested();
            ReadSector(fatSectors[s], buffer);
            for (var i = 0; i < entriesPerSector; i++)
            {
                fat[(s * entriesPerSector) + i] = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(4 * i));
            }
        }
        return fat;
    }

    private DirectoryEntry[] ReadDirectory(uint firstSector)
    {
        // The directory has no declared size in version 3 ([MS-CFB] 2.2: "Number of Directory Sectors" is 0), so
        // its chain is followed to ENDOFCHAIN with a visited set.
        var sectors = new List<uint>();
        var visited = new HashSet<uint>();
        for (var sector = firstSector; sector != EndOfChain; sector = _fat[sector])
        {
            _ct.ThrowIfCancellationRequested();
            if (!visited.Add(CheckChainSector(sector)))
            {
                throw Corrupt("the directory chain loops");
            }
            sectors.Add(sector);
        }

        var buffer = new byte[_sectorSize];
        var perSector = _sectorSize / DirectoryEntrySize;
        var entries = new DirectoryEntry[sectors.Count * perSector];
        for (var s = 0; s < sectors.Count; s++)
        {
            ReadSector(sectors[s], buffer);
            for (var i = 0; i < perSector; i++)
            {
                entries[(s * perSector) + i] = ParseEntry(buffer.AsSpan(i * DirectoryEntrySize, DirectoryEntrySize));
            }
        }
        return entries;
    }

    private DirectoryEntry ParseEntry(ReadOnlySpan<byte> raw)
    {
        // [MS-CFB] 2.6.1: up to 31 UTF-16 characters plus a terminator; the length field counts bytes including it.
        var nameBytes = Math.Min((int)BinaryPrimitives.ReadUInt16LittleEndian(raw[64..]), 64);
        var nameChars = Math.Max((nameBytes / 2) - 1, 0);
        var name = new char[nameChars];
        var length = 0;
        for (; length < nameChars; length++)
        {
            var c = (char)BinaryPrimitives.ReadUInt16LittleEndian(raw[(2 * length)..]);
            if (c == '\0')
            {
                break;
            }
            name[length] = c;
        }

        var size = BinaryPrimitives.ReadInt64LittleEndian(raw[120..]);
        if (_isVersion3)
        {
            // Version 3 writers may leave garbage in the high 32 bits of the size; [MS-CFB] 2.6.1 says to ignore them.
            size &= 0xFFFFFFFF;
        }
        return new DirectoryEntry(
            new string(name, 0, length),
            raw[66],
            BinaryPrimitives.ReadUInt32LittleEndian(raw[68..]),
            BinaryPrimitives.ReadUInt32LittleEndian(raw[72..]),
            BinaryPrimitives.ReadUInt32LittleEndian(raw[76..]),
            BinaryPrimitives.ReadUInt32LittleEndian(raw[116..]),
            size);
    }

    private void IndexRootChildren()
    {
        // [MS-CFB] 2.6.4: a storage's children form a red-black tree hanging off its child pointer and linked by
        // left/right siblings. Only membership matters here, so the tree is walked without relying on its order.
        var visited = new HashSet<uint>();
        var pending = new Stack<uint>();
        pending.Push(_entries[0].Child);
        while (pending.Count > 0)
        {
            var index = pending.Pop();
            if (index == NoStream)
            {
                continue;
            }
            if (index >= _entries.Length || !visited.Add(index))
            {
                throw Corrupt("the directory tree is damaged");
            }
            var entry = _entries[index];
            if (entry.Type is TypeStream or TypeStorage)
            {
                _rootChildren.TryAdd(entry.Name, (int)index);
            }
            pending.Push(entry.Left);
            pending.Push(entry.Right);
        }
    }

    private void CheckStreamSize(long size, string name)
    {
        if (size < 0 || size > _length)
        {
            throw Corrupt($"stream '{Printable(name)}' claims more bytes than the file holds");
        }
        if (size > _maxStreamBytes || size > Array.MaxLength)
        {
            throw new ExtractionException(FailureReason.TooLarge, $"Stream '{Printable(name)}' of the compound file is {size} bytes, over the limit.");
        }
    }

    private byte[] ReadChain(uint start, int size)
    {
        var data = new byte[size];
        var visited = new HashSet<uint>();
        var sector = start;
        for (var offset = 0; offset < size; offset += _sectorSize)
        {
            _ct.ThrowIfCancellationRequested();
            if (sector == EndOfChain)
            {
                throw Corrupt("a stream's sector chain is shorter than its size");
            }
            if (!visited.Add(CheckChainSector(sector)))
            {
                throw Corrupt("a stream's sector chain loops");
            }
            var count = Math.Min(_sectorSize, size - offset);
            ReadAt(SectorOffset(sector), data.AsSpan(offset, count));
            sector = _fat[sector];
        }
        return data;
    }

    private byte[] ReadMiniChain(uint start, int size)
    {
        var (miniFat, miniStream) = LoadMiniStream();
        var data = new byte[size];
        var visited = new HashSet<uint>();
        var sector = start;
        for (var offset = 0; offset < size; offset += MiniSectorSize)
        {
            if (sector == EndOfChain)
            {
                throw Corrupt("a stream's mini sector chain is shorter than its size");
            }
            var position = (long)sector * MiniSectorSize;
            var count = Math.Min(MiniSectorSize, size - offset);
            if (sector >= miniFat.Length || position + count > miniStream.Length)
            {
                throw Corrupt("a mini sector number is out of range");
            }
            if (!visited.Add(sector))
            {
                throw Corrupt("a stream's mini sector chain loops");
            }
            miniStream.AsSpan((int)position, count).CopyTo(data.AsSpan(offset));
            sector = miniFat[sector];
        }
        return data;
    }

    private (uint[] MiniFat, byte[] MiniStream) LoadMiniStream()
    {
        if (_miniFat is not null && _miniStream is not null)
        {
            return (_miniFat, _miniStream);
        }

        // [MS-CFB] 2.4: the mini FAT is an ordinary chain in the FAT; its header count is advisory here because
        // the chain itself (checked for loops) is what readers follow.
        var sectors = new List<uint>();
        var visited = new HashSet<uint>();
        for (var sector = _firstMiniFatSector; sector != EndOfChain; sector = _fat[sector])
        {
            _ct.ThrowIfCancellationRequested();
            if (!visited.Add(CheckChainSector(sector)))
            {
                throw Corrupt("the mini FAT chain loops");
            }
            sectors.Add(sector);
        }
        var buffer = new byte[_sectorSize];
        var perSector = _sectorSize / 4;
        var miniFat = new uint[sectors.Count * perSector];
        for (var s = 0; s < sectors.Count; s++)
        {
            ReadSector(sectors[s], buffer);
            for (var i = 0; i < perSector; i++)
            {
                miniFat[(s * perSector) + i] = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(4 * i));
            }
        }

        // [MS-CFB] 2.6.2: the mini stream is the root entry's stream, always stored in regular sectors.
        var root = _entries[0];
        CheckStreamSize(root.Size, root.Name);
        var miniStream = root.Size == 0 ? [] : ReadChain(root.StartSector, (int)root.Size);
        _miniFat = miniFat;
        _miniStream = miniStream;
        return (miniFat, miniStream);
    }

    private uint CheckSector(uint sector) =>
        sector <= MaxRegularSector && sector < _sectorCount ? sector : throw Corrupt("a sector number is out of range");

    private uint CheckChainSector(uint sector) =>
        sector < _fat.Length ? CheckSector(sector) : throw Corrupt("a sector chain leaves the FAT");

    private long SectorOffset(uint sector) => (sector + 1L) * _sectorSize;

    private void ReadSector(uint sector, Span<byte> buffer) => ReadAt(SectorOffset(sector), buffer);

    /// <summary>Reads at an absolute offset; bytes past the end of the file read as zero (an unpadded last sector).</summary>
    private int ReadAt(long offset, Span<byte> buffer)
    {
        _stream.Position = offset;
        var total = 0;
        while (total < buffer.Length)
        {
            var read = _stream.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        buffer[total..].Clear();
        return total;
    }

    private static ExtractionException Corrupt(string detail) => new(FailureReason.Corrupt, $"Damaged compound file: {detail}.");

    /// <summary>Stream names such as "\u0005SummaryInformation" start with control characters; keep messages printable.</summary>
    private static string Printable(string name) => string.Concat(name.Select(c => char.IsControl(c) ? '?' : c));

    private readonly record struct DirectoryEntry(string Name, byte Type, uint Left, uint Right, uint Child, uint StartSector, long Size);
}
