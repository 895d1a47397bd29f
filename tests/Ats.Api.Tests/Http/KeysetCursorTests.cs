using Ats.Api.Http;

namespace Ats.Api.Tests.Http;

public class KeysetCursorTests
{
    public static TheoryData<Guid> Ids => new()
    {
        Guid.Empty,
        Guid.Parse("01020304-0506-0708-090a-0b0c0d0e0f10"),
        Guid.Parse("0192f0c1-7a3b-7c4d-8e5f-a1b2c3d4e5f6"),
        Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"),
        Guid.Parse("fbfffbff-fbff-fbff-fbff-fbfffbfffbff"),
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public void Encoded_id_decodes_back_to_the_same_id(Guid id)
    {
        Assert.True(KeysetCursor.TryDecode(KeysetCursor.Encode(id), out var decoded));
        Assert.Equal(id, decoded);
    }

    [Fact]
    public void Fresh_version_7_ids_round_trip()
    {
        for (var i = 0; i < 100; i++)
        {
            var id = Guid.CreateVersion7();

            Assert.True(KeysetCursor.TryDecode(KeysetCursor.Encode(id), out var decoded));
            Assert.Equal(id, decoded);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Cursor_is_22_url_safe_characters_without_padding(Guid id)
    {
        Assert.Matches("^[A-Za-z0-9_-]{22}$", KeysetCursor.Encode(id));
    }

    [Fact]
    public void Cursor_is_the_id_bytes_in_big_endian_order()
    {
        var id = Guid.Parse("01020304-0506-0708-090a-0b0c0d0e0f10");

        Assert.Equal("AQIDBAUGBwgJCgsMDQ4PEA", KeysetCursor.Encode(id));
    }

    [Fact]
    public void Different_ids_give_different_cursors()
    {
        var a = Guid.Parse("0192f0c1-7a3b-7c4d-8e5f-a1b2c3d4e5f6");
        var b = Guid.Parse("0192f0c1-7a3b-7c4d-8e5f-a1b2c3d4e5f7");

        Assert.NotEqual(KeysetCursor.Encode(a), KeysetCursor.Encode(b));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("abc")]
    [InlineData("AAAA")]
    [InlineData("A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%%%%%%%%%%%%%%%%%%%%%%")]
    [InlineData("AQIDBAUGBwgJCgsMDQ4P.A")]
    [InlineData("0192f0c1-7a3b-7c4d-8e5f-a1b2c3d4e5f6")]
    public void Garbage_cursor_is_rejected_with_empty_id(string? cursor)
    {
        Assert.False(KeysetCursor.TryDecode(cursor, out var id));
        Assert.Equal(Guid.Empty, id);
    }
}
