using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Ats.Api.Resumes.TextExtraction;

namespace Ats.Api.Tests.Resumes.TextExtraction;

public sealed class ZipGuardTests
{
    private static readonly byte[] CentralHeader = [0x50, 0x4B, 0x01, 0x02];
    private static readonly byte[] LocalHeader = [0x50, 0x4B, 0x03, 0x04];

    [Fact]
    public void Bytes_that_are_not_a_zip_are_corrupt()
    {
        var e = Assert.Throws<ExtractionException>(() => ZipGuard.Open(new MemoryStream("This is not a zip file!"u8.ToArray()), new ExtractionLimits()));

        Assert.Equal(FailureReason.Corrupt, e.Reason);
    }

    [Fact]
    public void Truncated_zip_without_central_directory_is_corrupt()
    {
        using var file = File.OpenRead(TestData.HostileAndFormats("tika", "testWORD_truncated.docx"));

        var e = Assert.Throws<ExtractionException>(() => ZipGuard.Open(file, new ExtractionLimits()));

        Assert.Equal(FailureReason.Corrupt, e.Reason);
    }

    [Fact]
    public void Small_valid_archive_opens_and_entries_read_back()
    {
        var zip = Zip(("a.xml", "<a>Привет</a>"), ("b.txt", "b"));

        using var guard = ZipGuard.Open(new MemoryStream(zip), new ExtractionLimits());
        using var reader = new StreamReader(guard.OpenEntry(guard.Find("/a.xml")!));

        Assert.Equal("<a>Привет</a>", reader.ReadToEnd());
        Assert.Equal(2, guard.Entries.Count);
        Assert.Null(guard.Find("missing.xml"));
    }

    [Fact]
    public void More_entries_than_allowed_is_too_large()
    {
        var zip = Zip(Enumerable.Range(0, 11).Select(i => ($"e{i}.txt", "x")).ToArray());

        var e = Assert.Throws<ExtractionException>(() => ZipGuard.Open(new MemoryStream(zip), new ExtractionLimits { MaxZipEntries = 10 }));

        Assert.Equal(FailureReason.TooLarge, e.Reason);
    }

    [Fact]
    public void Declared_sizes_adding_up_past_the_budget_are_too_large()
    {
        var zip = Zip(CompressionLevel.NoCompression, ("a.bin", new string('a', 800)), ("b.bin", new string('b', 800)));

        var e = Assert.Throws<ExtractionException>(() => ZipGuard.Open(new MemoryStream(zip), new ExtractionLimits { MaxUncompressedBytes = 1_000 }));

        Assert.Equal(FailureReason.TooLarge, e.Reason);
    }

    [Fact]
    public void Entry_packed_past_the_ratio_limit_is_too_large()
    {
        var zip = Zip(CompressionLevel.SmallestSize, ("zeros.bin", new string('\0', 1024 * 1024)));

        var e = Assert.Throws<ExtractionException>(() => ZipGuard.Open(new MemoryStream(zip), new ExtractionLimits { MaxCompressionRatio = 200 }));

        Assert.Equal(FailureReason.TooLarge, e.Reason);
        Assert.Contains(":1", e.Message);
    }

    [Fact]
    public void Small_entry_packed_well_is_exempt_from_the_ratio_limit()
    {
        var zip = Zip(CompressionLevel.SmallestSize, ("styles.xml", new string(' ', (int)ZipGuard.RatioExemptBytes - 1)));

        using var guard = ZipGuard.Open(new MemoryStream(zip), new ExtractionLimits { MaxCompressionRatio = 2 });

        var entry = Assert.Single(guard.Entries);
        Assert.True(entry.Length > 2 * entry.CompressedLength);
    }

    [Fact]
    public void Encrypted_entry_is_reported_as_encrypted()
    {
        var zip = Zip(("secret.txt", "secret"));
        SetEncryptedFlag(zip);

        var e = Assert.Throws<ExtractionException>(() => ZipGuard.Open(new MemoryStream(zip), new ExtractionLimits()));

        Assert.Equal(FailureReason.Encrypted, e.Reason);
    }

    [Fact]
    public void Limited_stream_refuses_bytes_past_the_declared_size()
    {
        using var guard = ZipGuard.Open(new MemoryStream(Zip(("a.txt", "a"))), new ExtractionLimits());
        using var limited = guard.Limit(new MemoryStream(new byte[5_000]), declaredLength: 1_000);

        var e = Assert.Throws<ExtractionException>(() => limited.CopyTo(Stream.Null));

        Assert.Equal(FailureReason.TooLarge, e.Reason);
    }

    [Fact]
    public void Reading_entries_again_and_again_is_counted_against_one_budget()
    {
        var zip = Zip(CompressionLevel.NoCompression, ("a.bin", new string('a', 600)));
        using var guard = ZipGuard.Open(new MemoryStream(zip), new ExtractionLimits { MaxUncompressedBytes = 1_000 });
        var entry = guard.Find("a.bin")!;
        using (var first = guard.OpenEntry(entry))
        {
            first.CopyTo(Stream.Null);
        }
        Assert.Equal(400, guard.RemainingBytes);

        using var second = guard.OpenEntry(entry);
        var e = Assert.Throws<ExtractionException>(() => second.CopyTo(Stream.Null));

        Assert.Equal(FailureReason.TooLarge, e.Reason);
    }

    [Fact]
    public void Entry_whose_header_understates_its_size_never_yields_more_than_declared()
    {
        var zip = Zip(CompressionLevel.SmallestSize, ("big.txt", new string('x', 50_000)));
        PatchDeclaredSize(zip, "big.txt", 1_000);
        using var guard = ZipGuard.Open(new MemoryStream(zip), new ExtractionLimits());
        var entry = guard.Find("big.txt")!;
        Assert.Equal(1_000, entry.Length);

        long read = 0;
        var error = Record.Exception(() =>
        {
            using var stream = guard.OpenEntry(entry);
            var buffer = new byte[4096];
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                read += n;
            }
        });

        // System.IO.Compression stops at the declared size itself; if it ever did not, the limiter must refuse.
        if (error is null)
        {
            Assert.True(read <= 1_000, $"read {read} bytes");
        }
        else
        {
            Assert.IsType<ExtractionException>(error);
        }
    }

    [Fact]
    public void Xml_reader_refuses_a_dtd()
    {
        var zip = Zip(("x.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>"));
        using var guard = ZipGuard.Open(new MemoryStream(zip), new ExtractionLimits());
        using var reader = guard.OpenXml(guard.Find("x.xml")!);

        var e = Assert.Throws<XmlException>(() =>
        {
            while (reader.Read())
            {
            }
        });

        Assert.Contains("DTD", e.Message);
    }

    internal static byte[] Zip(params (string Name, string Content)[] entries) => Zip(CompressionLevel.Optimal, entries);

    internal static byte[] Zip(CompressionLevel level, params (string Name, string Content)[] entries)
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, level).Open();
                stream.Write(new UTF8Encoding(false).GetBytes(content));
            }
        }
        return output.ToArray();
    }

    /// <summary>Rewrites the uncompressed size of <paramref name="name"/> in its local and central headers, as a lying zip bomb would.</summary>
    internal static void PatchDeclaredSize(byte[] zip, string name, int size)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var patched = 0;
        foreach (var (signature, sizeOffset, nameLengthOffset, nameOffset) in new[] { (LocalHeader, 22, 26, 30), (CentralHeader, 24, 28, 46) })
        {
            for (var at = IndexOf(zip, signature, 0); at >= 0; at = IndexOf(zip, signature, at + 4))
            {
                var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + nameLengthOffset));
                if (zip.AsSpan(at + nameOffset, nameLength).SequenceEqual(nameBytes))
                {
                    BinaryPrimitives.WriteInt32LittleEndian(zip.AsSpan(at + sizeOffset), size);
                    patched++;
                }
            }
        }
        Assert.Equal(2, patched);
    }

    /// <summary>Sets general-purpose flag bit 0 ("encrypted") on every entry.</summary>
    internal static void SetEncryptedFlag(byte[] zip)
    {
        foreach (var (signature, flagOffset) in new[] { (LocalHeader, 6), (CentralHeader, 8) })
        {
            for (var at = IndexOf(zip, signature, 0); at >= 0; at = IndexOf(zip, signature, at + 4))
            {
                zip[at + flagOffset] |= 1;
            }
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        var found = haystack.AsSpan(from).IndexOf(needle);
        return found < 0 ? -1 : from + found;
    }
}
