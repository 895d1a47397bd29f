using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.Resumes;
using Ats.Api.Vacancies;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.Data;

public sealed class AtsDbContext(DbContextOptions<AtsDbContext> options) : DbContext(options)
{
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<SourceRecord> SourceRecords => Set<SourceRecord>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<Vacancy> Vacancies => Set<Vacancy>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationEvent> ApplicationEvents => Set<ApplicationEvent>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentText> AttachmentTexts => Set<AttachmentText>();
    public DbSet<ExtractionJob> ExtractionJobs => Set<ExtractionJob>();
    public DbSet<FileAccessRecord> FileAccessLog => Set<FileAccessRecord>();
    public DbSet<ContactSuggestion> ContactSuggestions => Set<ContactSuggestion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AtsDbContext).Assembly);
        // Ids are UUIDv7 made by the entities themselves; telling EF so makes a new child added through a
        // navigation an INSERT, not an UPDATE of a row that does not exist.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var key = entity.FindPrimaryKey();
            if (key is { Properties: [{ ClrType: var type } property] } && type == typeof(Guid))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }
}
