using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Resumes;

/// <summary>
/// A durable work item: taken with FOR UPDATE SKIP LOCKED under a lease, so several workers never take the same
/// item, and an item whose worker died is taken again once its lease runs out.
/// </summary>
public sealed class ExtractionJob
{
    public Guid Id { get; private set; }
    public Guid AttachmentId { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NotBefore { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public string? LockedBy { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private ExtractionJob() { }

    public ExtractionJob(Guid attachmentId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        AttachmentId = attachmentId;
        NotBefore = now;
        CreatedAt = now;
    }
}

internal sealed class ExtractionJobConfiguration : IEntityTypeConfiguration<ExtractionJob>
{
    public void Configure(EntityTypeBuilder<ExtractionJob> b)
    {
        b.ToTable("extraction_jobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.LockedBy).HasMaxLength(100);
        b.Property(j => j.LastError).HasMaxLength(1000);
        b.HasOne<Attachment>().WithMany().HasForeignKey(j => j.AttachmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(j => j.AttachmentId).IsUnique();
        b.HasIndex(j => j.NotBefore);
    }
}
