using Ats.Api.Auth;
using Ats.Api.Candidates;
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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AtsDbContext).Assembly);
}
