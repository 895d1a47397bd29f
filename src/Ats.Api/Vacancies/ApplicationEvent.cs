using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ats.Api.Vacancies;

public enum ApplicationEventKind
{
    Created,
    StageChanged,
    OutcomeSet,
    Reopened,
}

public sealed class ApplicationEvent
{
    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public ApplicationEventKind Kind { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public string? Comment { get; private set; }
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    private ApplicationEvent() { }

    internal ApplicationEvent(Guid applicationId, ApplicationEventKind kind, string? from, string? to, string? comment, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ApplicationId = applicationId;
        Kind = kind;
        From = from;
        To = to;
        Comment = comment;
        By = by;
        At = at;
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> b)
    {
        b.ToTable("application_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasConversion(EnumText.Converter<ApplicationEventKind>()).HasMaxLength(16);
        b.Property(e => e.From).HasMaxLength(16);
        b.Property(e => e.To).HasMaxLength(16);
        b.Property(e => e.Comment).HasMaxLength(Application.ReasonMax);
        b.Property(e => e.By).HasMaxLength(200).IsRequired();
        b.HasIndex(e => new { e.ApplicationId, e.At });
    }
}
