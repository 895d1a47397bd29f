using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.Resumes;
using Ats.Api.Search;
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
    public DbSet<SearchChange> SearchChanges => Set<SearchChange>();
    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();
    public DbSet<SearchLogHorizon> SearchLogHorizon => Set<SearchLogHorizon>();
    public DbSet<Audit.AuditEvent> AuditLog => Set<Audit.AuditEvent>();
    public DbSet<Deduplication.MatchKey> MatchKeys => Set<Deduplication.MatchKey>();
    public DbSet<Deduplication.MatchQueueItem> MatchQueue => Set<Deduplication.MatchQueueItem>();
    public DbSet<Deduplication.DuplicateSuggestion> DuplicateSuggestions => Set<Deduplication.DuplicateSuggestion>();
    public DbSet<Deduplication.MergeRecord> Merges => Set<Deduplication.MergeRecord>();

    /// <summary>
    /// Every save that touches a candidate or anything it owns also writes a search change row, in the same
    /// transaction, so the index can never miss a committed change. (ExecuteUpdate/ExecuteDelete bypass this;
    /// code that uses them on candidate data must write the change itself.)
    /// </summary>
    /// <summary>
    /// Saves a change to something a candidate owns (a contact, note, source, file) and moves the candidate's
    /// UpdatedAt. The candidate's row version makes two such writes at once conflict although neither touched the
    /// profile; the loser reloads the candidate and tries again instead of failing the request.
    /// </summary>
    public async Task SaveTouchingAsync(Candidate candidate, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            candidate.Touch(now);
            try
            {
                await SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException e) when (attempt < 5 && e.Entries.All(x => x.Entity is Candidate))
            {
                foreach (var entry in e.Entries)
                {
                    await entry.ReloadAsync(ct);
                    // The other write may have been a merge: then this one belongs to the kept candidate, not here.
                    if (entry.Entity is Candidate { MergedIntoId: { } into })
                    {
                        throw new CandidateMergedException(into);
                    }
                }
            }
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var touched = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch
            {
                Candidate c => c.Id,
                ICandidateOwned o => o.CandidateId,
                _ => Guid.Empty,
            })
            .Where(id => id != Guid.Empty)
            .Distinct()
            .ToList();
        if (touched.Count > 0)
        {
            var now = DateTimeOffset.UtcNow;
            SearchChanges.AddRange(touched.Select(id => new SearchChange(id, now)));
            // Deduplication looks again at a candidate whose name, contacts, sources or files changed (not at notes
            // or applications, which carry no identity).
            var identity = ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => e.Entity switch
                {
                    Candidate c => c.Id,
                    Contact c => c.CandidateId,
                    SourceRecord s => s.CandidateId,
                    Attachment a => a.CandidateId,
                    _ => Guid.Empty,
                })
                .Where(id => id != Guid.Empty)
                .Distinct()
                .ToList();
            MatchQueue.AddRange(identity.Select(id => new Deduplication.MatchQueueItem(id, now)));
        }
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

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
