namespace Ats.Api.Resumes.TextExtraction;

public static class FileFormats
{
    public static bool HasText(FileFormat format) => format is FileFormat.Pdf or FileFormat.Docx or FileFormat.Doc or FileFormat.Rtf
        or FileFormat.Odt or FileFormat.Txt or FileFormat.Html;

    /// <summary>The content type sent on download, from the detected format — never the client's claim.</summary>
    public static string ContentType(FileFormat format) => format switch
    {
        FileFormat.Pdf => "application/pdf",
        FileFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileFormat.Doc => "application/msword",
        FileFormat.Rtf => "application/rtf",
        FileFormat.Odt => "application/vnd.oasis.opendocument.text",
        FileFormat.Txt => "text/plain",
        FileFormat.Html => "text/html",
        FileFormat.Jpeg => "image/jpeg",
        FileFormat.Png => "image/png",
        FileFormat.Gif => "image/gif",
        FileFormat.Webp => "image/webp",
        FileFormat.Bmp => "image/bmp",
        FileFormat.Tiff => "image/tiff",
        FileFormat.Heic => "image/heic",
        FileFormat.Mp4 => "video/mp4",
        FileFormat.Mov => "video/quicktime",
        FileFormat.Webm => "video/webm",
        FileFormat.Avi => "video/x-msvideo",
        FileFormat.OtherZip => "application/zip",
        _ => "application/octet-stream",
    };
}
