using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Resumes;

public enum FileAccessAction
{
    Download,
    PresignedUrl,
    TextViewed,
}

/// <summary>Who downloaded or was handed a link to which file, and when — the start of the audit trail.</summary>
public sealed class FileAccessRecord
{
    public Guid Id { get; private set; }
    public Guid AttachmentId { get; private set; }
    public Guid CandidateId { get; private set; }
    public FileAccessAction Action { get; private set; }
    public string UserName { get; private set; } = "";
    public Guid? KeyId { get; private set; }
    public DateTimeOffset At { get; private set; }

    private FileAccessRecord() { }

    public FileAccessRecord(Guid attachmentId, Guid candidateId, FileAccessAction action, string userName, Guid? keyId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        AttachmentId = attachmentId;
        CandidateId = candidateId;
        Action = action;
        UserName = userName;
        KeyId = keyId;
        At = at;
    }
}

internal sealed class FileAccessRecordConfiguration : IEntityTypeConfiguration<FileAccessRecord>
{
    public void Configure(EntityTypeBuilder<FileAccessRecord> b)
    {
        b.ToTable("file_access_log");
        b.HasKey(r => r.Id);
        b.Property(r => r.Action).HasConversion(EnumText.Converter<FileAccessAction>()).HasMaxLength(16);
        b.Property(r => r.UserName).HasMaxLength(200).IsRequired();
        // No foreign keys: the record of an access must outlive the file it names.
        b.HasIndex(r => new { r.CandidateId, r.At });
        b.HasIndex(r => r.AttachmentId);
    }
}
