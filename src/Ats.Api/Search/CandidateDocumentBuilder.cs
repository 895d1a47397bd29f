using System.Globalization;
using System.Text;
using System.Text.Json;
using Ats.Api.Candidates;
using Ats.Api.Data;
using Ats.Api.Http;
using Ats.Api.Resumes;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.Search;

/// <summary>
/// Reads candidates from PostgreSQL and turns each into one Lucene document: names in their own fields (never
/// stemmed), position, city, skills and companies from job-site payloads, résumé text of current file versions,
/// notes, normalised contacts, and the filter/facet/sort values. PostgreSQL stays the truth; this is a projection.
/// </summary>
public sealed class CandidateDocumentBuilder(AtsDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, Document?>> BuildAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var candidates = await db.Candidates.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Include(c => c.Contacts).Include(c => c.Sources).Include(c => c.Notes)
            .AsSplitQuery().ToListAsync(ct);
        var vacancies = (await db.Applications.AsNoTracking().Where(a => ids.Contains(a.CandidateId))
            .Select(a => new { a.CandidateId, a.VacancyId }).ToListAsync(ct)).ToLookup(a => a.CandidateId, a => a.VacancyId);
        var texts = await ResumeTexts.LoadAsync(db, ids, ct);
        var result = ids.ToDictionary(id => id, _ => (Document?)null);
        foreach (var c in candidates)
        {
            result[c.Id] = Build(c, vacancies[c.Id], texts.GetValueOrDefault(c.Id));
        }
        return result;
    }

    private static Document Build(Candidate c, IEnumerable<Guid> vacancyIds, string? resume)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Id, c.Id.ToString(), Field.Store.YES),
            new SortedDocValuesField(SearchFields.Id, new BytesRef(c.Id.ToString())),
            new TextField(SearchFields.DisplayName, c.DisplayName, Field.Store.NO),
        };
        AddText(doc, SearchFields.Surname, c.Surname);
        AddText(doc, SearchFields.FirstName, c.FirstName);
        AddText(doc, SearchFields.Patronymic, c.Patronymic);
        AddText(doc, SearchFields.NameKey, string.Join(' ', new[] { c.Surname, c.FirstName, c.Patronymic }.Where(p => !string.IsNullOrWhiteSpace(p))));
        AddText(doc, SearchFields.Position, c.DesiredPosition);
        AddText(doc, SearchFields.Summary, c.Summary);
        if (!string.IsNullOrWhiteSpace(c.City))
        {
            AddText(doc, SearchFields.City, c.City);
            var city = c.City.Trim().ToLowerInvariant();
            doc.Add(new StringField(SearchFields.CityExact, city, Field.Store.NO));
            doc.Add(new SortedDocValuesField(SearchFields.CityExact, new BytesRef(city)));
        }
        foreach (var tag in c.Tags)
        {
            doc.Add(new StringField(SearchFields.Tag, tag, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(SearchFields.Tag, new BytesRef(tag)));
        }
        doc.Add(new StringField(SearchFields.Status, JsonEnum.ToText(c.Status), Field.Store.NO));
        foreach (var site in c.Sources.Select(s => JsonEnum.ToText(s.Site)).Distinct())
        {
            doc.Add(new StringField(SearchFields.Source, site, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(SearchFields.Source, new BytesRef(site)));
        }
        var skills = new StringBuilder();
        var companies = new StringBuilder();
        foreach (var source in c.Sources.Where(s => s.RawPayload is not null))
        {
            ReadPayload(source.RawPayload!.RootElement, skills, companies);
        }
        AddText(doc, SearchFields.Skills, skills.ToString());
        AddText(doc, SearchFields.Company, companies.ToString());
        foreach (var contact in c.Contacts)
        {
            switch (contact.Kind)
            {
                case ContactKind.Email:
                    doc.Add(new StringField(SearchFields.Email, contact.Normalized, Field.Store.NO));
                    doc.Add(new StringField(SearchFields.Email, contact.Raw.Trim().ToLowerInvariant(), Field.Store.NO));
                    break;
                case ContactKind.Phone:
                    // E.164 and its national tail, so "9991234567" and "+7 (999) 123-45-67" both find it.
                    var digits = contact.Normalized.TrimStart('+');
                    doc.Add(new StringField(SearchFields.Phone, digits, Field.Store.NO));
                    if (digits.Length > 10)
                    {
                        doc.Add(new StringField(SearchFields.Phone, digits[^10..], Field.Store.NO));
                    }
                    break;
                default:
                    doc.Add(new StringField(SearchFields.Link, contact.Normalized, Field.Store.NO));
                    break;
            }
        }
        foreach (var vacancy in vacancyIds.Distinct())
        {
            doc.Add(new StringField(SearchFields.Vacancy, vacancy.ToString(), Field.Store.NO));
        }
        doc.Add(new StringField(SearchFields.HasResume, string.IsNullOrEmpty(resume) ? "0" : "1", Field.Store.NO));
        if (!string.IsNullOrEmpty(resume))
        {
            // The person's own name words are taken out of the searchable text: they live in the name fields, and a
            // stemmed «Иван» in a résumé header would otherwise answer a search for the surname «Иванов». They are
            // blanked, not cut, so the offsets in the postings point into the text as PostgreSQL holds it (snippets).
            doc.Add(new Field(SearchFields.ResumeText, WithoutOwnName(resume, c), SearchFields.ResumeTextType));
            doc.Add(new NumericDocValuesField(SearchFields.TextFingerprint, ResumeTexts.Fingerprint(resume)));
        }
        var notes = string.Join("\n", c.Notes.Select(n => n.Text));
        AddText(doc, SearchFields.Notes, notes);
        doc.Add(new Int64Field(SearchFields.Updated, c.UpdatedAt.UtcTicks, Field.Store.NO));
        doc.Add(new NumericDocValuesField(SearchFields.Updated, c.UpdatedAt.UtcTicks));
        doc.Add(new Int64Field(SearchFields.Created, c.CreatedAt.UtcTicks, Field.Store.NO));
        doc.Add(new NumericDocValuesField(SearchFields.Created, c.CreatedAt.UtcTicks));
        return doc;
    }

    private static string WithoutOwnName(string text, Candidate c)
    {
        char[]? blanked = null;
        foreach (var raw in new[] { c.Surname, c.FirstName, c.Patronymic })
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }
            var part = raw.Trim();
            for (var at = text.IndexOf(part, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + part.Length;
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    // Blanked with as many spaces, so the offsets of every other word stay those of the stored original.
                    blanked ??= text.ToCharArray();
                    Array.Fill(blanked, ' ', at, part.Length);
                }
                if (end >= text.Length)
                {
                    break;
                }
            }
        }
        return blanked is null ? text : new string(blanked);
    }

    private static void AddText(Document doc, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            doc.Add(new TextField(field, value, Field.Store.NO));
        }
    }

    /// <summary>hh.ru-style résumé JSON: skill_set[], skills, experience[].company / position / description.</summary>
    private static void ReadPayload(JsonElement root, StringBuilder skills, StringBuilder companies)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        if (root.TryGetProperty("skill_set", out var set) && set.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in set.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String))
            {
                skills.Append(s.GetString()).Append('\n');
            }
        }
        if (root.TryGetProperty("skills", out var free) && free.ValueKind == JsonValueKind.String)
        {
            skills.Append(free.GetString()).Append('\n');
        }
        if (root.TryGetProperty("experience", out var experience) && experience.ValueKind == JsonValueKind.Array)
        {
            foreach (var job in experience.EnumerateArray().Where(j => j.ValueKind == JsonValueKind.Object))
            {
                if (job.TryGetProperty("company", out var company) && company.ValueKind == JsonValueKind.String)
                {
                    companies.Append(company.GetString()).Append('\n');
                }
            }
        }
    }

    public static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
