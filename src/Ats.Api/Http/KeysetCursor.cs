using System.Buffers.Text;

namespace Ats.Api.Http;

/// <summary>An opaque page cursor: the id of the last row returned, base64url-encoded.</summary>
public static class KeysetCursor
{
    public static string Encode(Guid lastId) => Base64Url.EncodeToString(lastId.ToByteArray(bigEndian: true));

    public static bool TryDecode(string? cursor, out Guid lastId)
    {
        lastId = Guid.Empty;
        if (string.IsNullOrEmpty(cursor))
        {
            return false;
        }
        try
        {
            var bytes = Base64Url.DecodeFromChars(cursor);
            if (bytes.Length != 16)
            {
                return false;
            }
            lastId = new Guid(bytes, bigEndian: true);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
