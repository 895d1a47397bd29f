using System.Buffers.Binary;
using System.Text;
using Ats.Api.Resumes.TextExtraction;

namespace Ats.Api.Tests.Resumes.TextExtraction;

public class CompoundFileTests
{
    private const long NoLimit = 256L * 1024 * 1024;

    private static CompoundFile Open(byte[] bytes, long maxStreamBytes = NoLimit) => new(new MemoryStream(bytes, writable: false), maxStreamBytes);

    private static FailureReason FailureOf(byte[] bytes, Action<CompoundFile>? use = null, long maxStreamBytes = NoLimit) =>
        Assert.Throws<ExtractionException>(() =>
        {
            var file = Open(bytes, maxStreamBytes);
            use?.Invoke(file);
        }).Reason;

    private static byte[] Bytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    [Fact]
    public void Real_Word_file_lists_its_root_streams_and_opens_WordDocument()
    {
        var file = Open(File.ReadAllBytes(TestData.HostileAndFormats("tika", "testWORD.doc")));

        Assert.Contains("WordDocument", file.RootEntryNames);
        Assert.Contains("1Table", file.RootEntryNames);
        Assert.Contains("\u0005SummaryInformation", file.RootEntryNames);
        Assert.True(file.TryOpenStream("WordDocument", out var wordDocument));
        Assert.Equal(7731, wordDocument.Length);
        Assert.Equal(new byte[] { 0xEC, 0xA5 }, wordDocument[..2]);
    }

    [Fact]
    public void Small_stream_of_a_real_file_is_read_from_the_mini_stream()
    {
        var file = Open(File.ReadAllBytes(TestData.HostileAndFormats("tika", "testWORD.doc")));

        Assert.True(file.TryOpenStream("\u0001CompObj", out var compObj));

        Assert.Equal(121, compObj.Length);
        Assert.Contains("Microsoft", Encoding.ASCII.GetString(compObj));
    }

    [Fact]
    public void Storage_is_listed_but_is_not_a_stream()
    {
        var file = Open(File.ReadAllBytes(TestData.HostileAndFormats("tika", "testWORD_various.doc")));

        Assert.Contains("ObjectPool", file.RootEntryNames);
        Assert.True(file.HasStorage("ObjectPool"));
        Assert.False(file.HasStream("ObjectPool"));
        Assert.False(file.TryOpenStream("ObjectPool", out _));
    }

    [Fact]
    public void Entries_inside_sub_storages_are_not_root_entries()
    {
        // testException2.doc keeps two embedded objects ("\u0001Ole", "\u0003PIC"…) under ObjectPool/_1009175562 etc.
        var file = Open(File.ReadAllBytes(TestData.HostileAndFormats("tika", "testException2.doc")));

        Assert.Equal(7, file.RootEntryNames.Count);
        Assert.DoesNotContain("_1009175562", file.RootEntryNames);
        Assert.DoesNotContain("\u0001Ole", file.RootEntryNames);
        Assert.DoesNotContain("\u0003PIC", file.RootEntryNames);
        Assert.True(file.HasStorage("ObjectPool"));
    }

    [Fact]
    public void Stream_names_are_compared_case_insensitively()
    {
        var file = Open(new CompoundFileWriter().AddStream("WordDocument", [1, 2, 3]).Build());

        Assert.True(file.HasStream("WORDDOCUMENT"));
        Assert.True(file.TryOpenStream("worddocument", out var data));
        Assert.Equal(new byte[] { 1, 2, 3 }, data);
    }

    [Fact]
    public void Missing_stream_is_reported_as_absent()
    {
        var file = Open(new CompoundFileWriter().AddStream("WordDocument", [1]).Build());

        Assert.False(file.HasStream("1Table"));
        Assert.False(file.TryOpenStream("1Table", out var data));
        Assert.Empty(data);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(70_000)]
    public void Streams_on_both_sides_of_the_mini_stream_cutoff_round_trip(int length)
    {
        var payload = Bytes(length, length);
        var file = Open(new CompoundFileWriter()
            .AddStream("Before", Bytes(100, 1))
            .AddStream("Payload", payload)
            .AddStream("After", Bytes(5000, 2))
            .Build());

        Assert.True(file.TryOpenStream("Payload", out var data));
        Assert.Equal(payload, data);
        Assert.True(file.TryOpenStream("After", out var after));
        Assert.Equal(Bytes(5000, 2), after);
    }

    [Fact]
    public void Many_entries_across_several_directory_sectors_are_all_found()
    {
        var writer = new CompoundFileWriter();
        for (var i = 0; i < 40; i++)
        {
            writer.AddStream($"Stream{i:D2}", Encoding.ASCII.GetBytes($"content {i}"));
        }
        var file = Open(writer.Build());

        Assert.Equal(40, file.RootEntryNames.Count);
        Assert.True(file.TryOpenStream("Stream37", out var data));
        Assert.Equal("content 37", Encoding.ASCII.GetString(data));
    }

    [Fact]
    public void Version_4_file_with_4096_byte_sectors_is_read()
    {
        var payload = Bytes(20_000, 4);
        var file = Open(new CompoundFileWriter(sectorShift: 12)
            .AddStream("Small", [7, 8, 9])
            .AddStream("Large", payload)
            .Build());

        Assert.True(file.TryOpenStream("Small", out var small));
        Assert.Equal(new byte[] { 7, 8, 9 }, small);
        Assert.True(file.TryOpenStream("Large", out var large));
        Assert.Equal(payload, large);
    }

    [Fact]
    public void FAT_sectors_beyond_the_first_109_are_found_through_the_DIFAT_chain()
    {
        // 7.5 MB needs ~14,700 sectors of 512 bytes, i.e. ~115 FAT sectors: the last ones are listed in a DIFAT sector,
        // and the payload's last sectors are described only by them.
        var payload = Bytes(7_500_000, 5);
        var writer = new CompoundFileWriter().AddStream("Large", payload);
        var bytes = writer.Build();
        Assert.True(writer.DifatSectorCount > 0);

        Assert.True(Open(bytes).TryOpenStream("Large", out var data));
        Assert.Equal(payload, data);
    }

    [Fact]
    public void Unpadded_final_sector_is_read_as_if_zero_filled()
    {
        var payload = Enumerable.Repeat((byte)0x41, 5000).ToArray();
        var bytes = new CompoundFileWriter().AddStream("Large", payload).Build();
        var trimmed = bytes.AsSpan(0, bytes.Length - 512 + (5000 % 512)).ToArray();

        Assert.True(Open(trimmed).TryOpenStream("Large", out var data));
        Assert.Equal(payload, data);
    }

    [Theory]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, true)]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 }, true)]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A }, false)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 }, false)]
    [InlineData(new byte[0], false)]
    public void Signature_check_recognises_only_the_compound_file_magic(byte[] header, bool expected)
    {
        Assert.Equal(expected, CompoundFile.IsCompoundFile(header));
    }

    [Fact]
    public void Zip_file_is_corrupt()
    {
        Assert.Equal(FailureReason.Corrupt, FailureOf(File.ReadAllBytes(TestData.HostileAndFormats("tika", "testWORD.docx"))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(511)]
    public void File_shorter_than_a_header_is_corrupt(int length)
    {
        var bytes = new CompoundFileWriter().AddStream("A", [1]).Build()[..length];

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Theory]
    [InlineData(26, 2)] // major version 2
    [InlineData(30, 10)] // sector shift 10
    [InlineData(32, 7)] // mini sector shift 7
    public void Unknown_version_or_sector_size_is_corrupt(int offset, int value)
    {
        var bytes = new CompoundFileWriter().AddStream("A", [1]).Build();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), (ushort)value);

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Fact]
    public void FAT_sector_count_larger_than_the_file_is_corrupt()
    {
        var bytes = new CompoundFileWriter().AddStream("A", [1]).Build();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(44), 100_000);

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Fact]
    public void Looping_stream_chain_is_corrupt()
    {
        var writer = new CompoundFileWriter().AddStream("Large", Bytes(10_000, 6));
        var bytes = writer.Build();
        var start = writer.StartSector("Large");
        // Point the stream's second sector back at its first.
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(writer.FatEntryOffset(start + 1)), start);

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes, file => file.TryOpenStream("Large", out _)));
    }

    [Fact]
    public void Looping_directory_chain_is_corrupt()
    {
        var writer = new CompoundFileWriter().AddStream("A", [1]);
        var bytes = writer.Build();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(writer.FatEntryOffset(writer.DirectoryStartSector)), writer.DirectoryStartSector);

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Fact]
    public void Looping_mini_stream_chain_is_corrupt()
    {
        var writer = new CompoundFileWriter().AddStream("Small", Bytes(1000, 7));
        var bytes = writer.Build();
        var start = writer.StartSector("Small");
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(writer.MiniFatEntryOffset(start + 3)), start + 1);

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes, file => file.TryOpenStream("Small", out _)));
    }

    [Fact]
    public void Looping_DIFAT_chain_is_corrupt()
    {
        var writer = new CompoundFileWriter().AddStream("Large", Bytes(7_500_000, 8));
        var bytes = writer.Build();
        // Claim more FAT sectors than the single DIFAT sector lists and make that DIFAT sector point to itself.
        var difat = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(68));
        var fatCount = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(44));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(44), fatCount + 200);
        var difatSector = bytes.AsSpan((((int)difat) + 1) * 512, 512);
        var validFatSector = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(76));
        for (var i = 0; i < 127; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(difatSector[(4 * i)..], validFatSector);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(difatSector[508..], difat);

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Fact]
    public void Stream_chain_ending_before_its_size_is_corrupt()
    {
        var writer = new CompoundFileWriter().AddStream("Large", Bytes(10_000, 9));
        var bytes = writer.Build();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(writer.FatEntryOffset(writer.StartSector("Large") + 2)), 0xFFFFFFFE);

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes, file => file.TryOpenStream("Large", out _)));
    }

    [Theory]
    [InlineData(0x0000FFFFu)]
    [InlineData(0xFFFFFFFDu)] // FATSECT marker used as a sector number
    [InlineData(0xFFFFFFFFu)] // FREESECT marker
    public void Stream_starting_at_an_invalid_sector_is_corrupt(uint start)
    {
        var writer = new CompoundFileWriter().AddStream("Large", Bytes(10_000, 10));
        var bytes = writer.Build();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(writer.DirectoryEntryOffset("Large") + 116), start);

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes, file => file.TryOpenStream("Large", out _)));
    }

    [Fact]
    public void Stream_claiming_more_bytes_than_the_file_is_corrupt()
    {
        var writer = new CompoundFileWriter().AddStream("Large", Bytes(10_000, 11));
        var bytes = writer.Build();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(writer.DirectoryEntryOffset("Large") + 120), 0x7FFF0000);

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes, file => file.TryOpenStream("Large", out _)));
    }

    [Fact]
    public void Version_3_ignores_garbage_in_the_high_half_of_a_stream_size()
    {
        var payload = Bytes(10_000, 12);
        var writer = new CompoundFileWriter().AddStream("Large", payload);
        var bytes = writer.Build();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(writer.DirectoryEntryOffset("Large") + 124), 0xDEADBEEF);

        Assert.True(Open(bytes).TryOpenStream("Large", out var data));
        Assert.Equal(payload, data);
    }

    [Fact]
    public void Stream_over_the_size_limit_is_too_large()
    {
        var bytes = new CompoundFileWriter().AddStream("Large", Bytes(10_000, 13)).Build();

        Assert.Equal(FailureReason.TooLarge, FailureOf(bytes, file => file.TryOpenStream("Large", out _), maxStreamBytes: 5_000));
    }

    [Fact]
    public void Directory_tree_with_a_cycle_is_corrupt()
    {
        var writer = new CompoundFileWriter().AddStream("A", [1]).AddStream("B", [2]).AddStream("C", [3]);
        var bytes = writer.Build();
        var rootChild = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(writer.DirectoryEntryOffset(0) + 76));
        // The tree root's left sibling points back to itself.
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(writer.DirectoryEntryOffset((int)rootChild) + 68), rootChild);

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Fact]
    public void Directory_sibling_outside_the_directory_is_corrupt()
    {
        var writer = new CompoundFileWriter().AddStream("A", [1]);
        var bytes = writer.Build();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(writer.DirectoryEntryOffset("A") + 72), 5000);

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }

    [Fact]
    public void First_directory_entry_that_is_not_the_root_is_corrupt()
    {
        var writer = new CompoundFileWriter().AddStream("A", [1]);
        var bytes = writer.Build();
        bytes[writer.DirectoryEntryOffset(0) + 66] = 1;

        Assert.Equal(FailureReason.Corrupt, FailureOf(bytes));
    }
}

/// <summary>
/// Writes small, valid [MS-CFB] files for tests: streams under the root storage only, a balanced sibling tree,
/// streams under 4096 bytes in the mini stream, and DIFAT sectors when more than 109 FAT sectors are needed.
/// Exposes where structures landed so that tests can damage them precisely.
/// </summary>
internal sealed class CompoundFileWriter(int sectorShift = 9)
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;
    private const uint NoStream = 0xFFFFFFFF;
    private const int MiniSectorSize = 64;

    private readonly int _sectorSize = 1 << sectorShift;
    private readonly List<(string Name, byte[]? Data)> _children = [];
    private readonly Dictionary<string, uint> _startSectors = new(StringComparer.Ordinal);
    private uint[] _fatSectors = [];
    private uint[] _miniFatSectors = [];

    public uint DirectoryStartSector { get; private set; }

    public int DifatSectorCount { get; private set; }

    public CompoundFileWriter AddStream(string name, byte[] data)
    {
        _children.Add((name, data));
        return this;
    }

    public CompoundFileWriter AddStorage(string name)
    {
        _children.Add((name, null));
        return this;
    }

    /// <summary>First sector (mini sector for streams under 4096 bytes) of a stream, after <see cref="Build"/>.</summary>
    public uint StartSector(string name) => _startSectors[name];

    /// <summary>File offset of the FAT entry describing <paramref name="sector"/>.</summary>
    public int FatEntryOffset(uint sector) => SectorOffset(_fatSectors[sector / (_sectorSize / 4)]) + (int)(4 * (sector % (_sectorSize / 4)));

    public int MiniFatEntryOffset(uint miniSector) => SectorOffset(_miniFatSectors[miniSector / (_sectorSize / 4)]) + (int)(4 * (miniSector % (_sectorSize / 4)));

    public int DirectoryEntryOffset(string name) => DirectoryEntryOffset(_children.FindIndex(c => c.Name == name) + 1);

    /// <summary>File offset of directory entry <paramref name="index"/> (0 is the root); the directory is contiguous.</summary>
    public int DirectoryEntryOffset(int index) => SectorOffset(DirectoryStartSector) + (128 * index);

    public byte[] Build()
    {
        var perSector = _sectorSize / 4;
        var entryCount = _children.Count + 1;
        var directorySectors = Ceiling(entryCount * 128, _sectorSize);

        // Streams under the cutoff are packed into the mini stream in 64-byte mini sectors.
        var miniStream = new MemoryStream();
        var miniFat = new List<uint>();
        var miniStarts = new Dictionary<string, uint>();
        foreach (var (name, data) in _children)
        {
            if (data is null || data.Length >= 4096 || data.Length == 0)
            {
                continue;
            }
            var first = (uint)miniFat.Count;
            var count = Ceiling(data.Length, MiniSectorSize);
            for (var i = 0; i < count; i++)
            {
                miniFat.Add(i == count - 1 ? EndOfChain : first + (uint)i + 1);
            }
            miniStarts[name] = first;
            miniStream.Write(data);
            miniStream.Write(new byte[(count * MiniSectorSize) - data.Length]);
        }
        var miniFatSectors = Ceiling(miniFat.Count * 4, _sectorSize);
        var miniStreamSectors = Ceiling((int)miniStream.Length, _sectorSize);
        var largeSectors = _children.Where(c => c.Data is { Length: >= 4096 }).Sum(c => Ceiling(c.Data!.Length, _sectorSize));
        var contentSectors = directorySectors + miniFatSectors + miniStreamSectors + largeSectors;

        // Find FAT and DIFAT sector counts that can describe every sector including themselves.
        int fatCount = 1, difatCount = 0;
        while (true)
        {
            difatCount = fatCount <= 109 ? 0 : Ceiling(fatCount - 109, perSector - 1);
            if ((long)fatCount * perSector >= contentSectors + fatCount + difatCount)
            {
                break;
            }
            fatCount++;
        }
        DifatSectorCount = difatCount;

        var totalSectors = fatCount + difatCount + contentSectors;
        var fat = Enumerable.Repeat(FreeSector, fatCount * perSector).ToArray();
        var image = new byte[(totalSectors + 1) * _sectorSize];
        uint next = 0;

        _fatSectors = new uint[fatCount];
        for (var i = 0; i < fatCount; i++)
        {
            _fatSectors[i] = next;
            fat[next++] = 0xFFFFFFFD;
        }
        var difatSectors = new uint[difatCount];
        for (var i = 0; i < difatCount; i++)
        {
            difatSectors[i] = next;
            fat[next++] = 0xFFFFFFFC;
        }
        uint Chain(int count)
        {
            if (count == 0)
            {
                return EndOfChain;
            }
            var first = next;
            for (var i = 0; i < count; i++, next++)
            {
                fat[next] = i == count - 1 ? EndOfChain : next + 1;
            }
            return first;
        }

        DirectoryStartSector = Chain(directorySectors);
        var miniFatStart = Chain(miniFatSectors);
        _miniFatSectors = [.. Enumerable.Range(0, miniFatSectors).Select(i => miniFatStart + (uint)i)];
        var miniStreamStart = Chain(miniStreamSectors);
        _startSectors.Clear();
        foreach (var (name, data) in _children)
        {
            if (data is { Length: >= 4096 })
            {
                var start = Chain(Ceiling(data.Length, _sectorSize));
                _startSectors[name] = start;
                data.CopyTo(image, SectorOffset(start));
            }
            else if (data is { Length: > 0 })
            {
                _startSectors[name] = miniStarts[name];
            }
        }
        miniStream.ToArray().CopyTo(image, SectorOffset(miniStreamStart == EndOfChain ? 0 : miniStreamStart));
        for (var i = 0; i < miniFat.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(SectorOffset(miniFatStart) + (4 * i)), miniFat[i]);
        }
        for (var i = miniFat.Count; i < miniFatSectors * perSector; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(SectorOffset(miniFatStart) + (4 * i)), FreeSector);
        }

        for (var i = 0; i < fat.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(FatEntryOffset((uint)i)), fat[i]);
        }
        for (var d = 0; d < difatCount; d++)
        {
            var offset = SectorOffset(difatSectors[d]);
            for (var i = 0; i < perSector - 1; i++)
            {
                var fatIndex = 109 + (d * (perSector - 1)) + i;
                BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(offset + (4 * i)), fatIndex < fatCount ? _fatSectors[fatIndex] : FreeSector);
            }
            BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(offset + (4 * (perSector - 1))), d == difatCount - 1 ? EndOfChain : difatSectors[d + 1]);
        }

        WriteHeader(image, fatCount, difatCount, difatSectors, miniFatStart, miniFatSectors, directorySectors);
        WriteDirectory(image, directorySectors, miniStreamStart, miniStream.Length);
        return image;
    }

    private void WriteHeader(byte[] image, int fatCount, int difatCount, uint[] difatSectors, uint miniFatStart, int miniFatSectors, int directorySectors)
    {
        var header = image.AsSpan(0, 512);
        ReadOnlySpan<byte> signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)(sectorShift == 9 ? 3 : 4));
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], (ushort)sectorShift);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], sectorShift == 9 ? 0u : (uint)directorySectors);
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], (uint)fatCount);
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], DirectoryStartSector);
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], miniFatStart);
        BinaryPrimitives.WriteUInt32LittleEndian(header[64..], (uint)miniFatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], difatCount == 0 ? EndOfChain : difatSectors[0]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[72..], (uint)difatCount);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + (4 * i))..], i < fatCount ? _fatSectors[i] : FreeSector);
        }
    }

    private void WriteDirectory(byte[] image, int directorySectors, uint miniStreamStart, long miniStreamLength)
    {
        var slots = directorySectors * _sectorSize / 128;
        for (var i = 0; i < slots; i++)
        {
            var entry = image.AsSpan(DirectoryEntryOffset(i), 128);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], NoStream);
        }

        // [MS-CFB] 2.6.4 orders siblings by name length, then by upper-cased name; a balanced tree of them is valid
        // when every node is black.
        var order = Enumerable.Range(1, _children.Count)
            .OrderBy(i => _children[i - 1].Name.Length)
            .ThenBy(i => _children[i - 1].Name.ToUpperInvariant(), StringComparer.Ordinal)
            .ToArray();
        WriteEntry(image, 0, "Root Entry", 5, miniStreamStart, miniStreamLength);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(DirectoryEntryOffset(0) + 76), Link(image, order));
        for (var i = 1; i <= _children.Count; i++)
        {
            var (name, data) = _children[i - 1];
            WriteEntry(image, i, name, data is null ? (byte)1 : (byte)2, _startSectors.GetValueOrDefault(name, data is null ? 0 : EndOfChain), data?.Length ?? 0);
        }
    }

    private uint Link(byte[] image, ReadOnlySpan<int> sorted)
    {
        if (sorted.IsEmpty)
        {
            return NoStream;
        }
        var middle = sorted.Length / 2;
        var entry = image.AsSpan(DirectoryEntryOffset(sorted[middle]), 128);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], Link(image, sorted[..middle]));
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], Link(image, sorted[(middle + 1)..]));
        return (uint)sorted[middle];
    }

    private void WriteEntry(byte[] image, int index, string name, byte type, uint start, long size)
    {
        var entry = image.AsSpan(DirectoryEntryOffset(index), 128);
        Encoding.Unicode.GetBytes(name).CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)((name.Length + 1) * 2));
        entry[66] = type;
        entry[67] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], start);
        BinaryPrimitives.WriteInt64LittleEndian(entry[120..], size);
    }

    private int SectorOffset(uint sector) => (int)((sector + 1) * _sectorSize);

    private static int Ceiling(int value, int unit) => (value + unit - 1) / unit;
}
