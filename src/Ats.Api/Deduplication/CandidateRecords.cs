using Ats.Api.Candidates;
using Ats.Api.Data;
using Ats.Api.Deduplication.Matching;
using Ats.Api.Resumes;
using Microsoft.EntityFrameworkCore;
using NameGender = Ats.Api.Deduplication.Names.Gender;

namespace Ats.Api.Deduplication;

/// <summary>
/// Reads candidates as the matcher sees them (<see cref="PersonRecord"/>): profile, contacts (and contacts found in
/// their résumés but not yet confirmed — they are evidence all the same), site records, hashes of current files and
/// the SimHash of the current résumé text. A handful of queries for any number of ids.
/// </summary>
public static class CandidateRecords
{
    public static async Task<Dictionary<Guid, PersonRecord>> LoadAsync(AtsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var candidates = await db.Candidates.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Include(c => c.Contacts).Include(c => c.Sources).AsSplitQuery().ToListAsync(ct);
        var found = candidates.Select(c => c.Id).ToList();
        var files = (await db.Attachments.AsNoTracking().Where(a => found.Contains(a.CandidateId) && a.SupersededAt == null)
                .Select(a => new { a.Id, a.CandidateId, a.Sha256, a.Kind }).ToListAsync(ct))
            .ToLookup(a => a.CandidateId);
        var resumeIds = files.SelectMany(g => g).Where(a => a.Kind == AttachmentKind.Resume).Select(a => a.Id).ToList();
        var texts = await db.AttachmentTexts.AsNoTracking().Where(t => resumeIds.Contains(t.AttachmentId))
            .Select(t => new { t.AttachmentId, t.Text }).ToDictionaryAsync(t => t.AttachmentId, t => t.Text, ct);
        var found2 = (await db.ContactSuggestions.AsNoTracking()
                .Where(s => found.Contains(s.CandidateId) && s.Status != SuggestionStatus.Dismissed)
                .Select(s => new { s.CandidateId, s.Kind, s.Normalized }).ToListAsync(ct))
            .ToLookup(s => s.CandidateId);

        var records = new Dictionary<Guid, PersonRecord>(candidates.Count);
        foreach (var c in candidates)
        {
            var mine = files[c.Id].ToList();
            var simHash = mine.Where(a => a.Kind == AttachmentKind.Resume && texts.ContainsKey(a.Id))
                .Select(a => ResumeSimHash.Compute(texts[a.Id])).FirstOrDefault(h => h is not null);
            var suggested = found2[c.Id].ToList();
            records[c.Id] = Record(c) with
            {
                Phones = Values(c, suggested.Where(s => s.Kind == ContactKind.Phone).Select(s => s.Normalized), ContactKind.Phone),
                Emails = Values(c, suggested.Where(s => s.Kind == ContactKind.Email).Select(s => s.Normalized), ContactKind.Email),
                ProfileLinks = Values(c, suggested.Where(s => s.Kind == ContactKind.Link).Select(s => s.Normalized), ContactKind.Link),
                FileHashes = mine.Select(a => a.Sha256).Distinct().ToList(),
                ResumeSimHash = simHash,
            };
        }
        return records;
    }

    private static List<string> Values(Candidate c, IEnumerable<string> suggested, ContactKind kind) =>
        c.Contacts.Where(x => x.Kind == kind).Select(x => x.Normalized).Concat(suggested).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The profile, contacts and site records of a loaded candidate (no files).</summary>
    public static PersonRecord Record(Candidate c) => new()
    {
        Surname = c.Surname,
        FirstName = c.FirstName,
        Patronymic = c.Patronymic,
        DisplayName = c.DisplayName,
        BirthDate = c.Birth,
        City = c.City,
        Gender = c.Gender switch { Candidates.Gender.Male => NameGender.Male, Candidates.Gender.Female => NameGender.Female, _ => NameGender.Unknown },
        Phones = c.Contacts.Where(x => x.Kind == ContactKind.Phone).Select(x => x.Normalized).ToList(),
        Emails = c.Contacts.Where(x => x.Kind == ContactKind.Email).Select(x => x.Normalized).ToList(),
        ProfileLinks = c.Contacts.Where(x => x.Kind == ContactKind.Link).Select(x => x.Normalized).ToList(),
        ExternalIds = c.Sources.Where(s => s.ExternalId != null).Select(s => new ExternalId(s.Site, s.ExternalId!)).ToList(),
    };
}
