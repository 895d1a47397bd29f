using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Candidates;

public enum CandidateStatus
{
    New,
    Active,
    Reserve,
    Hired,
    Archived,
}

public enum Gender
{
    Male,
    Female,
}

/// <summary>One real person as the database knows them.</summary>
public sealed class Candidate
{
    public Guid Id { get; private set; }
    public string? Surname { get; private set; }
    public string? FirstName { get; private set; }
    public string? Patronymic { get; private set; }
    public string DisplayName { get; private set; } = "";
    public DateOnly? BirthDate { get; private set; }
    public DatePrecision? BirthDatePrecision { get; private set; }
    public Gender? Gender { get; private set; }
    public string? City { get; private set; }
    public string? DesiredPosition { get; private set; }
    public decimal? SalaryAmount { get; private set; }
    public string? SalaryCurrency { get; private set; }
    public string? Summary { get; private set; }
    public List<string> Tags { get; private set; } = [];
    public CandidateStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? CreatedBy { get; private set; }

    /// <summary>Set when this record was merged into another candidate: the row is kept (hidden from every query
    /// by a global filter) so the merge can be undone.</summary>
    public Guid? MergedIntoId { get; private set; }
    public DateTimeOffset? MergedAt { get; private set; }

    /// <summary>PostgreSQL's xmin: changes on every UPDATE of the row, used as the ETag.</summary>
    public uint Version { get; private set; }

    public List<Contact> Contacts { get; private set; } = [];
    public List<SourceRecord> Sources { get; private set; } = [];
    public List<Note> Notes { get; private set; } = [];

    private Candidate() { }

    public Candidate(CandidateProfile profile, DateTimeOffset now, string? createdBy)
    {
        Id = Guid.CreateVersion7(now);
        CreatedAt = now;
        CreatedBy = createdBy;
        Apply(profile, now);
    }

    public PartialDate? Birth => BirthDate is { } d && BirthDatePrecision is { } p ? new PartialDate(d, p) : null;

    /// <summary>The display name counts as chosen by a person only when it differs from the composed ФИО; otherwise it follows the name parts.</summary>
    public CandidateProfile Profile => new(Surname, FirstName, Patronymic,
        DisplayName == new CandidateProfile(Surname, FirstName, Patronymic, null, null, null, null, null, null, null, null, [], Status).ComposeDisplayName() ? null : DisplayName,
        Birth, Gender, City, DesiredPosition,
        SalaryAmount, SalaryCurrency, Summary, Tags, Status);

    public void Apply(CandidateProfile p, DateTimeOffset now)
    {
        Surname = p.Surname;
        FirstName = p.FirstName;
        Patronymic = p.Patronymic;
        DisplayName = string.IsNullOrWhiteSpace(p.DisplayName) ? p.ComposeDisplayName() : p.DisplayName.Trim();
        BirthDate = p.BirthDate?.Value;
        BirthDatePrecision = p.BirthDate?.Precision;
        Gender = p.Gender;
        City = p.City;
        DesiredPosition = p.DesiredPosition;
        SalaryAmount = p.SalaryAmount;
        SalaryCurrency = p.SalaryCurrency;
        Summary = p.Summary;
        Tags = [.. p.Tags];
        Status = p.Status;
        Touch(now);
    }

    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    public Contact AddContact(ContactKind kind, string raw, string normalized, string? extension, LinkSite? site, DateTimeOffset now)
    {
        var contact = new Contact(Id, kind, raw, normalized, extension, site, now);
        Contacts.Add(contact);
        Touch(now);
        return contact;
    }

    public void MarkMergedInto(Guid keptId, DateTimeOffset now)
    {
        MergedIntoId = keptId;
        MergedAt = now;
        Touch(now);
    }

    public void ClearMerged(DateTimeOffset now)
    {
        MergedIntoId = null;
        MergedAt = null;
        Touch(now);
    }

    public bool HasContact(ContactKind kind, string normalized) =>
        Contacts.Any(c => c.Kind == kind && c.Normalized == normalized);
}

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> b)
    {
        b.ToTable("candidates");
        b.HasKey(c => c.Id);
        b.Property(c => c.Surname).HasMaxLength(CandidateProfile.NameMax);
        b.Property(c => c.FirstName).HasMaxLength(CandidateProfile.NameMax);
        b.Property(c => c.Patronymic).HasMaxLength(CandidateProfile.NameMax);
        b.Property(c => c.DisplayName).HasMaxLength(CandidateProfile.DisplayNameMax).IsRequired();
        b.Property(c => c.BirthDatePrecision).HasConversion(EnumText.Converter<DatePrecision>()).HasMaxLength(8);
        b.Property(c => c.Gender).HasConversion(EnumText.Converter<Gender>()).HasMaxLength(8);
        b.Property(c => c.City).HasMaxLength(CandidateProfile.CityMax);
        b.Property(c => c.DesiredPosition).HasMaxLength(CandidateProfile.PositionMax);
        b.Property(c => c.SalaryAmount).HasPrecision(14, 2);
        b.Property(c => c.SalaryCurrency).HasMaxLength(3).IsFixedLength();
        b.Property(c => c.Summary).HasMaxLength(CandidateProfile.SummaryMax);
        b.Property(c => c.Tags).HasColumnType("text[]");
        b.Property(c => c.Status).HasConversion(EnumText.Converter<CandidateStatus>()).HasMaxLength(16);
        b.Property(c => c.CreatedBy).HasMaxLength(200);
        b.Property(c => c.Version).IsRowVersion();
        b.Ignore(c => c.Birth);
        b.Ignore(c => c.Profile);
        b.HasIndex(c => c.Tags).HasMethod("gin");
        b.HasIndex(c => c.Status);
        b.HasIndex(c => c.UpdatedAt);
        b.HasIndex(c => c.City);
        b.HasIndex(c => c.MergedIntoId).HasFilter("merged_into_id IS NOT NULL");
        // A merged candidate is part of its kept candidate's history, not a person of its own: every query
        // (lists, search projection, duplicates) skips it; merge and unmerge code reads it with IgnoreQueryFilters.
        b.HasQueryFilter(c => c.MergedIntoId == null);
        b.HasMany(c => c.Contacts).WithOne().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Sources).WithOne().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Notes).WithOne().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}
