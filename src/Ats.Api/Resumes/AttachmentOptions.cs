using Ats.Api.Resumes.TextExtraction;

namespace Ats.Api.Resumes;

/// <summary>Per-kind limits for uploads, section "Attachments:Kinds:{kind}". Formats are detected from bytes.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    private static readonly FileFormat[] Documents = [FileFormat.Pdf, FileFormat.Docx, FileFormat.Doc, FileFormat.Rtf, FileFormat.Odt, FileFormat.Txt, FileFormat.Html];
    private static readonly FileFormat[] Images = [FileFormat.Jpeg, FileFormat.Png, FileFormat.Gif, FileFormat.Webp, FileFormat.Heic, FileFormat.Bmp, FileFormat.Tiff];
    private static readonly FileFormat[] Videos = [FileFormat.Mp4, FileFormat.Mov, FileFormat.Webm, FileFormat.Avi];

    public Dictionary<AttachmentKind, KindPolicy> Kinds { get; set; } = new()
    {
        [AttachmentKind.Resume] = new KindPolicy { MaxBytes = 20L * 1024 * 1024, Formats = Documents },
        [AttachmentKind.CoverLetter] = new KindPolicy { MaxBytes = 10L * 1024 * 1024, Formats = Documents },
        [AttachmentKind.Photo] = new KindPolicy { MaxBytes = 10L * 1024 * 1024, Formats = Images },
        [AttachmentKind.Video] = new KindPolicy { MaxBytes = 500L * 1024 * 1024, Formats = Videos },
        [AttachmentKind.Other] = new KindPolicy { MaxBytes = 50L * 1024 * 1024, Formats = [.. Documents, .. Images, .. Videos, FileFormat.OtherZip] },
    };

    public KindPolicy For(AttachmentKind kind) => Kinds.TryGetValue(kind, out var p) ? p : new KindPolicy { MaxBytes = 0, Formats = [] };
}

public sealed class KindPolicy
{
    public long MaxBytes { get; set; }
    public FileFormat[] Formats { get; set; } = [];
}
