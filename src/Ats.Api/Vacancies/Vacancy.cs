using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Vacancies;

public enum VacancyStatus
{
    Open,
    Closed,
}

/// <summary>An open position. Retention rules hang on its closing date ("delete the rejected a month after it closes").</summary>
public sealed class Vacancy
{
    public const int TitleMax = 200;
    public const int DepartmentMax = 200;
    public const int DescriptionMax = 20_000;

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string? Department { get; private set; }
    public string? Description { get; private set; }
    public VacancyStatus Status { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    private Vacancy() { }

    public Vacancy(string title, string? department, string? description, DateOnly openedOn, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Title = title;
        Department = department;
        Description = description;
        Status = VacancyStatus.Open;
        OpenedOn = openedOn;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public void Edit(string title, string? department, string? description, DateOnly openedOn, DateTimeOffset now)
    {
        Title = title;
        Department = department;
        Description = description;
        OpenedOn = openedOn;
        UpdatedAt = now;
    }

    public void Close(DateOnly closedOn, DateTimeOffset now)
    {
        Status = VacancyStatus.Closed;
        ClosedOn = closedOn;
        UpdatedAt = now;
    }

    public void Reopen(DateTimeOffset now)
    {
        Status = VacancyStatus.Open;
        ClosedOn = null;
        UpdatedAt = now;
    }
}

internal sealed class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> b)
    {
        b.ToTable("vacancies");
        b.HasKey(v => v.Id);
        b.Property(v => v.Title).HasMaxLength(Vacancy.TitleMax).IsRequired();
        b.Property(v => v.Department).HasMaxLength(Vacancy.DepartmentMax);
        b.Property(v => v.Description).HasMaxLength(Vacancy.DescriptionMax);
        b.Property(v => v.Status).HasConversion(EnumText.Converter<VacancyStatus>()).HasMaxLength(8);
        b.Property(v => v.Version).IsRowVersion();
        b.HasIndex(v => new { v.Status, v.ClosedOn });
        b.ToTable(t => t.HasCheckConstraint("ck_vacancies_closed_on", "(status = 'closed') = (closed_on IS NOT NULL)"));
    }
}
