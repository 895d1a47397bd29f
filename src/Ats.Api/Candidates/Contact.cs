using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Candidates;

public enum ContactKind
{
    Phone,
    Email,
    Link,
}

/// <summary>A phone, e-mail or profile link: the text as received and its normal form (E.164, normalised e-mail, canonical URL).</summary>
public sealed class Contact : Search.ICandidateOwned
{
    public Guid Id { get; private set; }
    public Guid CandidateId { get; private set; }
    public ContactKind Kind { get; private set; }
    public string Raw { get; private set; } = "";
    public string Normalized { get; private set; } = "";
    public string? Extension { get; private set; }
    public LinkSite? Site { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private Contact() { }

    internal Contact(Guid candidateId, ContactKind kind, string raw, string normalized, string? extension, LinkSite? site, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CandidateId = candidateId;
        Kind = kind;
        Raw = raw;
        Normalized = normalized;
        Extension = extension;
        Site = site;
        CreatedAt = now;
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("contacts");
        b.HasKey(c => c.Id);
        b.Property(c => c.Kind).HasConversion(EnumText.Converter<ContactKind>()).HasMaxLength(8);
        b.Property(c => c.Raw).HasMaxLength(2000).IsRequired();
        b.Property(c => c.Normalized).HasMaxLength(2000).IsRequired();
        b.Property(c => c.Extension).HasMaxLength(20);
        b.Property(c => c.Site).HasConversion(EnumText.Converter<LinkSite>()).HasMaxLength(16);
        b.HasIndex(c => new { c.CandidateId, c.Kind, c.Normalized }).IsUnique();
        // Deduplication looks people up by normal form: "who else has +79991234567?"
        b.HasIndex(c => new { c.Kind, c.Normalized });
    }
}
