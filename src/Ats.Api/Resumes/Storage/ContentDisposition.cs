using System.Text;

namespace Ats.Api.Resumes.Storage;

public static class ContentDisposition
{
    /// <summary>RFC 6266 with an ASCII fallback and the UTF-8 name (Cyrillic file names are the norm here).</summary>
    public static string Attachment(string fileName)
    {
        var ascii = new StringBuilder();
        foreach (var c in fileName)
        {
            ascii.Append(c is >= ' ' and < '\u007f' and not ('"' or '\\') ? c : '_');
        }
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
