namespace Ats.Api.Resumes.TextExtraction;

/// <summary>A file's real format, as told by its bytes — never by its name or declared content type.</summary>
public enum FileFormat
{
    Unknown,
    Pdf,
    Docx,
    Doc,
    Rtf,
    Odt,
    Txt,
    Html,
    Jpeg,
    Png,
    Gif,
    Webp,
    Bmp,
    Tiff,
    Heic,
    Mp4,
    Mov,
    Webm,
    Avi,
    /// <summary>A zip that is neither DOCX nor ODT (xlsx, pptx, an archive…).</summary>
    OtherZip,
    /// <summary>An OLE compound file that is not a Word document (xls, msg…), or an encrypted OOXML container.</summary>
    OtherCompound,
}
