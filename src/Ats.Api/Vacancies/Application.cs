using Ats.Api.Candidates;
using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Vacancies;

public enum ApplicationStage
{
    Sourced,
    Screening,
    Interview,
    Assessment,
    Offer,
}

public enum ApplicationOutcome
{
    Hired,
    Rejected,
    Withdrawn,
}

/// <summary>
/// A candidate's passage through one vacancy: a stage while it is open, an outcome (with a reason and a date)
/// once it ends. Every change is kept in <see cref="ApplicationEvent"/> so retention can reason about dates.
/// </summary>
public sealed class Application : Search.ICandidateOwned
{
    public const int ReasonMax = 2000;

    public Guid Id { get; private set; }
    public Guid CandidateId { get; private set; }
    public Guid VacancyId { get; private set; }
    public ApplicationStage Stage { get; private set; }
    public ApplicationOutcome? Outcome { get; private set; }
    public string? OutcomeReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset StageChangedAt { get; private set; }
    public DateTimeOffset? OutcomeAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public List<ApplicationEvent> Events { get; private set; } = [];

    public bool IsClosed => Outcome is not null;

    private Application() { }

    public Application(Guid candidateId, Guid vacancyId, ApplicationStage stage, string by, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CandidateId = candidateId;
        VacancyId = vacancyId;
        Stage = stage;
        CreatedAt = now;
        StageChangedAt = now;
        UpdatedAt = now;
        Events.Add(new ApplicationEvent(Id, ApplicationEventKind.Created, null, JsonText(stage), null, by, now));
    }

    /// <summary>Moves to another stage; returns false when the application already has an outcome.</summary>
    public bool MoveTo(ApplicationStage stage, string? comment, string by, DateTimeOffset now)
    {
        if (IsClosed)
        {
            return false;
        }
        if (stage != Stage)
        {
            Events.Add(new ApplicationEvent(Id, ApplicationEventKind.StageChanged, JsonText(Stage), JsonText(stage), comment, by, now));
            Stage = stage;
            StageChangedAt = now;
            UpdatedAt = now;
        }
        return true;
    }

    public bool Close(ApplicationOutcome outcome, string? reason, string by, DateTimeOffset now)
    {
        if (IsClosed)
        {
            return false;
        }
        Outcome = outcome;
        OutcomeReason = reason;
        OutcomeAt = now;
        UpdatedAt = now;
        Events.Add(new ApplicationEvent(Id, ApplicationEventKind.OutcomeSet, null, JsonText(outcome), reason, by, now));
        return true;
    }

    /// <summary>Undoes an outcome set by mistake; the history keeps both events.</summary>
    public bool Reopen(string? comment, string by, DateTimeOffset now)
    {
        if (!IsClosed)
        {
            return false;
        }
        Events.Add(new ApplicationEvent(Id, ApplicationEventKind.Reopened, JsonText(Outcome!.Value), null, comment, by, now));
        Outcome = null;
        OutcomeReason = null;
        OutcomeAt = null;
        UpdatedAt = now;
        return true;
    }

    private static string JsonText<T>(T value) where T : struct, Enum => Http.JsonEnum.ToText(value);
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ToTable("applications");
        b.HasKey(a => a.Id);
        b.Property(a => a.Stage).HasConversion(EnumText.Converter<ApplicationStage>()).HasMaxLength(16);
        b.Property(a => a.Outcome).HasConversion(EnumText.Converter<ApplicationOutcome>()).HasMaxLength(16);
        b.Property(a => a.OutcomeReason).HasMaxLength(Application.ReasonMax);
        b.Property(a => a.Version).IsRowVersion();
        b.Ignore(a => a.IsClosed);
        b.HasOne<Candidate>().WithMany().HasForeignKey(a => a.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Vacancy>().WithMany().HasForeignKey(a => a.VacancyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.CandidateId, a.VacancyId }).IsUnique();
        b.HasIndex(a => new { a.VacancyId, a.Outcome });
        b.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("ck_applications_outcome_at", "(outcome IS NULL) = (outcome_at IS NULL)"));
    }
}
