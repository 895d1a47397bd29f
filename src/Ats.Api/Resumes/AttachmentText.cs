using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Resumes;

/// <summary>The extracted text, apart from the attachment row so listings never drag megabytes along.</summary>
public sealed class AttachmentText
{
    public Guid AttachmentId { get; private set; }
    public string Text { get; private set; } = "";

    private AttachmentText() { }

    public AttachmentText(Guid attachmentId, string text)
    {
        AttachmentId = attachmentId;
        Text = text;
    }

    public void Replace(string text) => Text = text;
}

internal sealed class AttachmentTextConfiguration : IEntityTypeConfiguration<AttachmentText>
{
    public void Configure(EntityTypeBuilder<AttachmentText> b)
    {
        b.ToTable("attachment_texts");
        b.HasKey(t => t.AttachmentId);
        b.HasOne<Attachment>().WithOne().HasForeignKey<AttachmentText>(t => t.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
