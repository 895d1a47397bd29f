using System.Text.Json;
using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Candidates;

public enum SourceSite
{
    Hh,
    Superjob,
    Rabota,
    JobRu,
    Avito,
    Linkedin,
    Indeed,
    File,
    Excel,
    Manual,
    Referral,
    Other,
}

/// <summary>What one job site or file said about the person, kept as received.</summary>
public sealed class SourceRecord : Search.ICandidateOwned
{
    public Guid Id { get; private set; }
    public Guid CandidateId { get; private set; }
    public SourceSite Site { get; private set; }
    public string? ExternalId { get; private set; }
    public string? Url { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public JsonDocument? RawPayload { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }

    private SourceRecord() { }

    public SourceRecord(Guid candidateId, SourceSite site, string? externalId, string? url, DateTimeOffset receivedAt,
        JsonDocument? rawPayload, DateTimeOffset now, string? createdBy)
    {
        Id = Guid.CreateVersion7(now);
        CandidateId = candidateId;
        Site = site;
        ExternalId = externalId;
        Url = url;
        ReceivedAt = receivedAt;
        RawPayload = rawPayload;
        CreatedAt = now;
        CreatedBy = createdBy;
    }
}

internal sealed class SourceRecordConfiguration : IEntityTypeConfiguration<SourceRecord>
{
    public void Configure(EntityTypeBuilder<SourceRecord> b)
    {
        b.ToTable("source_records");
        b.HasKey(s => s.Id);
        b.Property(s => s.Site).HasConversion(EnumText.Converter<SourceSite>()).HasMaxLength(16);
        b.Property(s => s.ExternalId).HasMaxLength(200);
        b.Property(s => s.Url).HasMaxLength(2000);
        b.Property(s => s.RawPayload).HasColumnType("jsonb");
        b.Property(s => s.CreatedBy).HasMaxLength(200);
        // One résumé id on one site is one person: a second candidate claiming it is a conflict (a duplicate).
        b.HasIndex(s => new { s.Site, s.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");
        b.HasIndex(s => new { s.CandidateId, s.Site });
    }
}
