using Ats.Api.Candidates;
using Ats.Api.Data;
using Ats.Api.Resumes.TextExtraction;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Resumes;

public enum AttachmentKind
{
    Resume,
    CoverLetter,
    Photo,
    Video,
    Other,
}

public enum ExtractionStatus
{
    /// <summary>Photos and videos are stored, not read.</summary>
    NotApplicable,
    Pending,
    Extracted,
    Failed,
    Empty,
}

/// <summary>
/// A stored file of a candidate. The object lives under a content address (SHA-256) in the file store; the row
/// keeps what a person needs (original name, kind, real format) and the state of its text extraction.
/// </summary>
public sealed class Attachment : Search.ICandidateOwned
{
    public const int FileNameMax = 255;

    public Guid Id { get; private set; }
    public Guid CandidateId { get; private set; }
    public AttachmentKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public FileFormat Format { get; private set; }
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string ObjectKey { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedBy { get; private set; } = "";
    /// <summary>The version this one replaced; the old one stays until retention removes it.</summary>
    public Guid? PreviousVersionId { get; private set; }
    public DateTimeOffset? SupersededAt { get; private set; }
    public ExtractionStatus ExtractionStatus { get; private set; }
    public FailureReason? FailureReason { get; private set; }
    public string? FailureDetail { get; private set; }
    public DateTimeOffset? ExtractedAt { get; private set; }
    public int? TextLength { get; private set; }
    public string? Language { get; private set; }
    public uint Version { get; private set; }

    private Attachment() { }

    public Attachment(Guid candidateId, AttachmentKind kind, string fileName, FileFormat format, string contentType, long size,
        string sha256, string uploadedBy, Guid? previousVersionId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CandidateId = candidateId;
        Kind = kind;
        FileName = fileName;
        Format = format;
        ContentType = contentType;
        SizeBytes = size;
        Sha256 = sha256;
        ObjectKey = KeyFor(candidateId, sha256);
        UploadedBy = uploadedBy;
        UploadedAt = now;
        PreviousVersionId = previousVersionId;
        ExtractionStatus = FileFormats.HasText(format) ? ExtractionStatus.Pending : ExtractionStatus.NotApplicable;
    }

    /// <summary>Content-addressed, no names: the candidate's random id and the SHA-256 of the bytes.</summary>
    public static string KeyFor(Guid candidateId, string sha256) => $"candidates/{candidateId:N}/{sha256}";

    public void Supersede(DateTimeOffset now) => SupersededAt ??= now;

    public void MarkPending()
    {
        ExtractionStatus = ExtractionStatus.Pending;
        FailureReason = null;
        FailureDetail = null;
    }

    public void RecordExtraction(ExtractionStatus status, int? textLength, string? language, FailureReason? reason, string? detail, DateTimeOffset now)
    {
        ExtractionStatus = status;
        TextLength = textLength;
        Language = language;
        FailureReason = reason;
        FailureDetail = detail;
        ExtractedAt = now;
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("attachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Kind).HasConversion(EnumText.Converter<AttachmentKind>()).HasMaxLength(16);
        b.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMax).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        b.Property(a => a.Format).HasConversion(EnumText.Converter<FileFormat>()).HasMaxLength(16);
        b.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        b.Property(a => a.ObjectKey).HasMaxLength(200).IsRequired();
        b.Property(a => a.UploadedBy).HasMaxLength(200).IsRequired();
        b.Property(a => a.ExtractionStatus).HasConversion(EnumText.Converter<ExtractionStatus>()).HasMaxLength(16);
        b.Property(a => a.FailureReason).HasConversion(EnumText.Converter<FailureReason>()).HasMaxLength(24);
        b.Property(a => a.FailureDetail).HasMaxLength(1000);
        b.Property(a => a.Language).HasMaxLength(8);
        b.Property(a => a.Version).IsRowVersion();
        b.HasOne<Candidate>().WithMany().HasForeignKey(a => a.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Attachment>().WithMany().HasForeignKey(a => a.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);
        // The same bytes for one candidate are one attachment (and one object).
        b.HasIndex(a => new { a.CandidateId, a.Sha256 }).IsUnique();
        b.HasIndex(a => a.ObjectKey);
        b.HasIndex(a => a.ExtractionStatus);
    }
}
