using Ats.Api.Candidates;
using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Resumes;

public enum SuggestionStatus
{
    Pending,
    Accepted,
    Dismissed,
}

/// <summary>A phone, e-mail or profile link found in a résumé's text: offered to a person, never merged silently.</summary>
public sealed class ContactSuggestion
{
    public Guid Id { get; private set; }
    public Guid CandidateId { get; private set; }
    public Guid AttachmentId { get; private set; }
    public ContactKind Kind { get; private set; }
    public string Value { get; private set; } = "";
    public string Normalized { get; private set; } = "";
    public LinkSite? Site { get; private set; }
    public SuggestionStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }

    private ContactSuggestion() { }

    public ContactSuggestion(Guid candidateId, Guid attachmentId, ParsedContact contact, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CandidateId = candidateId;
        AttachmentId = attachmentId;
        Kind = contact.Kind;
        Value = contact.Raw;
        Normalized = contact.Normalized;
        Site = contact.Site;
        Status = SuggestionStatus.Pending;
        CreatedAt = now;
    }

    public void Decide(SuggestionStatus status, string by, DateTimeOffset now)
    {
        Status = status;
        DecidedBy = by;
        DecidedAt = now;
    }
}

internal sealed class ContactSuggestionConfiguration : IEntityTypeConfiguration<ContactSuggestion>
{
    public void Configure(EntityTypeBuilder<ContactSuggestion> b)
    {
        b.ToTable("contact_suggestions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Kind).HasConversion(EnumText.Converter<ContactKind>()).HasMaxLength(8);
        b.Property(s => s.Value).HasMaxLength(2000).IsRequired();
        b.Property(s => s.Normalized).HasMaxLength(2000).IsRequired();
        b.Property(s => s.Site).HasConversion(EnumText.Converter<LinkSite>()).HasMaxLength(16);
        b.Property(s => s.Status).HasConversion(EnumText.Converter<SuggestionStatus>()).HasMaxLength(16);
        b.Property(s => s.DecidedBy).HasMaxLength(200);
        b.HasOne<Candidate>().WithMany().HasForeignKey(s => s.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Attachment>().WithMany().HasForeignKey(s => s.AttachmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.CandidateId, s.Kind, s.Normalized }).IsUnique();
    }
}
