using System.Security.Claims;
using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.Data;
using Ats.Api.Deduplication.Matching;
using Ats.Api.Deduplication.Names;
using Ats.Api.Http;
using Ats.Api.Search;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NameGender = Ats.Api.Deduplication.Names.Gender;

namespace Ats.Api.Deduplication;

/// <summary>What a recruiter sees on a job site before paying to open the contact.</summary>
public sealed record DuplicateCheckRequest(string? Site, string? ExternalId, string? Url, string? Name, string? BirthDate, string? City,
    List<string>? Phones, List<string>? Emails);

public sealed record DuplicateMatch(Guid CandidateId, string DisplayName, string? City, double Score, MatchDecision Decision, IReadOnlyList<string> Reasons);

public sealed record DuplicateCheckResponse(bool ProbablyKnown, IReadOnlyList<DuplicateMatch> Matches);

/// <summary>
/// "Check before you pay": finds the people already in the base who may be the person on a job-site page —
/// by site record, contacts and profile links (indexed look-ups), and by name through the search index's
/// script-independent name keys and surname forms — then scores each with <see cref="DuplicateScorer"/> and
/// answers with the reasons in words.
/// </summary>
public static class DuplicateCheck
{
    private const int MaxNameCandidates = 50;
    private const int MaxKeyCandidates = 200;

    public static IEndpointRouteBuilder MapDuplicateCheckEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/duplicates").WithTags("Deduplication").RequireAuthorization(Policies.ReadRecruiting).MapPost("/check", CheckDuplicates);
        return app;
    }

    public static async Task<Results<Ok<DuplicateCheckResponse>, ValidationProblem>> CheckDuplicates(
        DuplicateCheckRequest request, AtsDbContext db, SearchIndex index, PhoneNormalizer phones, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        SourceSite? site = null;
        if (!string.IsNullOrWhiteSpace(request.Site))
        {
            if (JsonEnum.TryParse<SourceSite>(request.Site, out var s)) { site = s; }
            else { errors.Add("site", $"Must be one of: {JsonEnum.Allowed<SourceSite>()}."); }
        }
        PartialDate? birth = null;
        if (!string.IsNullOrWhiteSpace(request.BirthDate))
        {
            if (PartialDate.TryParse(request.BirthDate, out var b, out var error)) { birth = b; }
            else { errors.Add("birthDate", error!); }
        }
        var name = CandidateValidation.Text("name", request.Name, CandidateProfile.DisplayNameMax, errors);
        var city = CandidateValidation.Text("city", request.City, CandidateProfile.CityMax, errors);
        var externalId = CandidateValidation.Text("externalId", request.ExternalId, 200, errors);
        var url = CandidateValidation.Text("url", request.Url, 2000, errors);
        if ((request.Phones?.Count ?? 0) > 20 || (request.Emails?.Count ?? 0) > 20)
        {
            errors.Add("phones", "At most 20 phones and 20 e-mails.");
        }
        if (name is null && externalId is null && url is null && (request.Phones?.Count ?? 0) == 0 && (request.Emails?.Count ?? 0) == 0)
        {
            errors.Add("name", "Give at least a name, a site record, a link, a phone or an e-mail.");
        }
        if (!errors.IsValid)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var externalIds = new List<ExternalId>();
        if (site is { } st && externalId is not null)
        {
            externalIds.Add(new ExternalId(st, externalId));
        }
        var links = new List<string>();
        if (url is not null && ProfileLinkNormalizer.TryNormalize(url, out var link))
        {
            links.Add(link!.Canonical);
            if (link.Site == LinkSite.Hh)
            {
                externalIds.Add(new ExternalId(SourceSite.Hh, link.Canonical[(link.Canonical.LastIndexOf('/') + 1)..]));
            }
        }
        var probe = PersonRecord.FromRaw(name, birth, city, request.Phones, request.Emails, links, externalIds, phoneNormalizer: phones);

        // Indexed look-ups only: the site record, normalised contacts, and the blocking keys every candidate is stored
        // under (name parts with a birth year, a city or a full date — see BlockingKeys).
        // One round trip for all three.
        var asTyped = probe.ExternalIds.Select(e => e.Id.Trim()).Concat(probe.ExternalIds.Select(e => e.Normalized)).Distinct().ToList();
        var sites = probe.ExternalIds.Select(e => e.Site).Distinct().ToList();
        var keys = BlockingKeys.For(probe).Where(k => k.Length <= MatchKey.KeyMax).ToList();
        var found = db.MatchKeys.Where(k => keys.Contains(k.Key)).Select(k => k.CandidateId).Take(MaxKeyCandidates);
        foreach (var (kind, values) in new[] { (ContactKind.Phone, probe.Phones), (ContactKind.Email, probe.Emails), (ContactKind.Link, probe.ProfileLinks) })
        {
            if (values.Count > 0)
            {
                // By kind and value: the (kind, normalized) index; by value alone PostgreSQL reads the whole table.
                var list = values.ToList();
                found = found.Union(db.Contacts.Where(c => c.Kind == kind && list.Contains(c.Normalized)).Select(c => c.CandidateId));
            }
        }
        if (asTyped.Count > 0)
        {
            // Both spellings of the id hit the (site, external_id) index; no lower() scan. A site/id pair that is
            // not the probe's (hh id on SuperJob) is scored as different anyway.
            found = found.Union(db.SourceRecords.Where(s => sites.Contains(s.Site) && asTyped.Contains(s.ExternalId!)).Select(s => s.CandidateId));
        }
        var ids = (await found.ToListAsync(ct)).ToHashSet();
        // A name with neither a birth date nor a city has no blocking key of its own: the search index's name keys
        // and surname forms find the namesakes instead.
        if (ids.Count == 0 && index.IsOpen && (probe.Surname is not null || probe.FirstName is not null))
        {
            ids.UnionWith(ByName(index, probe));
        }

        var candidates = await db.Candidates.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Include(c => c.Contacts).Include(c => c.Sources).AsSingleQuery().ToListAsync(ct);
        var matches = candidates
            .Select(c => (Candidate: c, Result: DuplicateScorer.Score(probe, CandidateRecords.Record(c))))
            .Where(m => m.Result.Decision != MatchDecision.Different)
            .OrderByDescending(m => m.Result.Score)
            .Take(10)
            .Select(m => new DuplicateMatch(m.Candidate.Id, m.Candidate.DisplayName, m.Candidate.City, Math.Round(m.Result.Score, 1), m.Result.Decision,
                m.Result.Reasons.Select(r => r.Text).ToList()))
            .ToList();
        return TypedResults.Ok(new DuplicateCheckResponse(matches.Count > 0, matches));
    }

    /// <summary>Surname (its forms, or its transliteration key) and, when given, a first name or any full form of it.</summary>
    private static IEnumerable<Guid> ByName(SearchIndex index, PersonRecord probe)
    {
        var query = new BooleanQuery();
        if (probe.Surname is { } surname)
        {
            var either = new BooleanQuery();
            foreach (var term in Analyze(index, SearchFields.Surname, surname))
            {
                either.Add(new TermQuery(new Term(SearchFields.Surname, term)), Occur.SHOULD);
            }
            foreach (var key in Analyze(index, SearchFields.NameKey, surname))
            {
                either.Add(new TermQuery(new Term(SearchFields.NameKey, key)), Occur.SHOULD);
            }
            query.Add(either, Occur.MUST);
        }
        if (probe.FirstName is { } first)
        {
            var forms = new BooleanQuery();
            foreach (var full in Diminutives.FullNamesFor(first).Append(first).Distinct())
            {
                foreach (var key in Analyze(index, SearchFields.NameKey, full))
                {
                    forms.Add(new TermQuery(new Term(SearchFields.NameKey, key)), Occur.SHOULD);
                }
            }
            if (forms.Clauses.Count > 0)
            {
                query.Add(forms, probe.Surname is null ? Occur.MUST : Occur.SHOULD);
            }
        }
        if (query.Clauses.Count == 0)
        {
            return [];
        }
        return index.Search(searcher => searcher.Search(query, MaxNameCandidates).ScoreDocs
            .Select(d => Guid.Parse(searcher.Doc(d.Doc).Get(SearchFields.Id))).ToList());
    }

    private static List<string> Analyze(SearchIndex index, string field, string text)
    {
        var terms = new List<string>();
        using var stream = index.Analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }
        stream.End();
        return terms;
    }
}
