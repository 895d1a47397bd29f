using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Search;

/// <summary>A recruiter's stored query with its filters, and when its owner last ran it ("new since last run").</summary>
public sealed class SavedSearch
{
    public Guid Id { get; private set; }
    public string Owner { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Query { get; private set; }
    public string? City { get; private set; }
    public List<string> Tags { get; private set; } = [];
    public string? Source { get; private set; }
    public string? Status { get; private set; }
    public Guid? Vacancy { get; private set; }
    public bool? HasResume { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastRunAt { get; private set; }

    private SavedSearch() { }

    public SavedSearch(string owner, string name, string? query, string? city, List<string> tags, string? source, string? status, Guid? vacancy, bool? hasResume, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Owner = owner;
        Name = name;
        Query = query;
        City = city;
        Tags = tags;
        Source = source;
        Status = status;
        Vacancy = vacancy;
        HasResume = hasResume;
        CreatedAt = now;
        LastRunAt = now;
    }

    public void MarkRun(DateTimeOffset now) => LastRunAt = now;
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b)
    {
        b.ToTable("saved_searches");
        b.HasKey(s => s.Id);
        b.Property(s => s.Owner).HasMaxLength(200).IsRequired();
        b.Property(s => s.Name).HasMaxLength(200).IsRequired();
        b.Property(s => s.Query).HasMaxLength(2000);
        b.Property(s => s.City).HasMaxLength(100);
        b.Property(s => s.Tags).HasColumnType("text[]");
        b.Property(s => s.Source).HasMaxLength(16);
        b.Property(s => s.Status).HasMaxLength(16);
        b.HasIndex(s => new { s.Owner, s.Name }).IsUnique();
    }
}
