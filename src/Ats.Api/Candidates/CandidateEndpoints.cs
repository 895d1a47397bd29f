using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ats.Api.Auth;
using Ats.Api.Data;
using Ats.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ats.Api.Candidates;

public static class CandidateEndpoints
{
    public static WebApplicationBuilder AddCandidates(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CandidateOptions>().BindConfiguration(CandidateOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => new PhoneNormalizer(sp.GetRequiredService<IOptions<CandidateOptions>>().Value.DefaultPhoneRegion));
        builder.Services.AddSingleton<ContactParser>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCandidateEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/candidates").WithTags("Candidates").RequireAuthorization(Policies.ReadRecruiting);
        var write = app.MapGroup("/candidates").WithTags("Candidates").RequireAuthorization(Policies.WriteRecruiting);

        write.MapPost("/", CreateCandidate);
        read.MapGet("/", ListCandidates);
        read.MapGet("/{id:guid}", GetCandidate);
        write.MapPut("/{id:guid}", ReplaceCandidate);
        write.MapPatch("/{id:guid}", PatchCandidate)
            .Accepts<CandidateProfileInput>("application/merge-patch+json", "application/json");

        read.MapGet("/{id:guid}/contacts", CandidateDetailEndpoints.ListContacts);
        write.MapPost("/{id:guid}/contacts", CandidateDetailEndpoints.AddContact);
        write.MapDelete("/{id:guid}/contacts/{contactId:guid}", CandidateDetailEndpoints.RemoveContact);
        read.MapGet("/{id:guid}/sources", CandidateDetailEndpoints.ListSources);
        write.MapPost("/{id:guid}/sources", CandidateDetailEndpoints.AddSource);
        read.MapGet("/{id:guid}/notes", CandidateDetailEndpoints.ListNotes);
        write.MapPost("/{id:guid}/notes", CandidateDetailEndpoints.AddNote);
        return app;
    }

    public static async Task<Results<Created<CandidateResponse>, ValidationProblem, ProblemHttpResult>> CreateCandidate(
        CreateCandidateRequest request, AtsDbContext db, ContactParser contacts, TimeProvider clock, ClaimsPrincipal user,
        HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var profile = CandidateValidation.ToProfile(request, errors);
        var parsed = new List<ParsedContact>();
        ParseAll(ContactKind.Phone, "phones", request.Phones, contacts, parsed, errors);
        ParseAll(ContactKind.Email, "emails", request.Emails, contacts, parsed, errors);
        ParseAll(ContactKind.Link, "links", request.Links, contacts, parsed, errors);
        var now = clock.GetUtcNow();
        var source = request.Source is null ? null : CandidateDetailEndpoints.ValidateSource(request.Source, "source.", now, errors);
        if (!errors.IsValid || profile is null)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        if (source is { ExternalId: { } externalId })
        {
            var owner = await db.SourceRecords.Where(s => s.Site == source.Site && s.ExternalId == externalId)
                .Select(s => (Guid?)s.CandidateId).FirstOrDefaultAsync(ct);
            if (owner is { } existing)
            {
                return CandidateDetailEndpoints.SourceTaken(existing);
            }
        }

        var candidate = new Candidate(profile, now, user.Name());
        foreach (var c in parsed.DistinctBy(c => (c.Kind, c.Normalized)))
        {
            candidate.AddContact(c.Kind, c.Raw, c.Normalized, c.Extension, c.Site, now);
        }
        db.Candidates.Add(candidate);
        if (source is not null)
        {
            db.SourceRecords.Add(new SourceRecord(candidate.Id, source.Site, source.ExternalId, source.Url, source.ReceivedAt,
                source.Payload, now, user.Name()));
        }
        await db.SaveChangesAsync(ct);
        ETag.Set(http, candidate.Version);
        return TypedResults.Created($"/candidates/{candidate.Id}", CandidateResponse.From(candidate));
    }

    public static async Task<Results<Ok<CandidateResponse>, ProblemHttpResult>> GetCandidate(
        Guid id, AtsDbContext db, HttpContext http, CancellationToken ct)
    {
        var candidate = await db.Candidates.AsNoTracking().Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            // A merged record answers where the person is now, so old links still lead somewhere.
            var mergedInto = await db.Candidates.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.MergedIntoId).FirstOrDefaultAsync(ct);
            return mergedInto is { } into ? Problems.Merged(into) : Problems.NotFound("Candidate");
        }
        ETag.Set(http, candidate.Version);
        return TypedResults.Ok(CandidateResponse.From(candidate));
    }

    public static async Task<Results<Ok<Page<CandidateListItem>>, ValidationProblem>> ListCandidates(
        [AsParameters] CandidateListQuery query, AtsDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var filter = query.Validate(errors);
        if (filter is null)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        var rows = await db.Candidates.AsNoTracking()
            .Matching(filter)
            .OrderByDescending(c => c.Id)
            .Take(filter.Limit + 1)
            .Select(c => new CandidateListItem(c.Id, c.DisplayName, c.City, c.DesiredPosition, c.Status, c.Tags, c.UpdatedAt))
            .ToListAsync(ct);
        var hasMore = rows.Count > filter.Limit;
        var items = hasMore ? rows[..filter.Limit] : rows;
        return TypedResults.Ok(new Page<CandidateListItem>(items, hasMore ? KeysetCursor.Encode(items[^1].Id) : null));
    }

    public static async Task<Results<Ok<CandidateResponse>, ProblemHttpResult, ValidationProblem>> ReplaceCandidate(
        Guid id, CandidateProfileInput request, AtsDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var candidate = await db.Candidates.Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return Problems.NotFound("Candidate");
        }
        return await Save(candidate, request, db, clock, http, ct);
    }

    public static async Task<Results<Ok<CandidateResponse>, ProblemHttpResult, ValidationProblem>> PatchCandidate(
        Guid id, AtsDbContext db, TimeProvider clock, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (patch, error) = await MergePatch.ReadAsync(http.Request, ct);
        if (error == "media")
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, type: ProblemTypes.UnsupportedMediaType,
                title: "Unsupported media type", detail: "Send the patch as application/merge-patch+json (RFC 7396) or application/json.");
        }
        if (patch is null)
        {
            return Problems.Validation("$", error!);
        }
        var candidate = await db.Candidates.Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return Problems.NotFound("Candidate");
        }
        var options = json.Value.SerializerOptions;
        var current = (JsonObject)JsonSerializer.SerializeToNode(CandidateValidation.ToInput(candidate.Profile), options)!;
        var unknown = MergePatch.UnknownMembers(patch, current).ToList();
        if (unknown.Count > 0)
        {
            return Problems.Validation(unknown.ToDictionary(u => u, _ => new[] { "Not a field of a candidate profile (contacts, sources and notes have their own endpoints)." }));
        }
        CandidateProfileInput merged;
        try
        {
            merged = MergePatch.Apply(current, patch).Deserialize<CandidateProfileInput>(options)!;
        }
        catch (JsonException e)
        {
            return Problems.Validation(e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "$", "Wrong type for this field.");
        }
        return await Save(candidate, merged, db, clock, http, ct);
    }

    private static async Task<Results<Ok<CandidateResponse>, ProblemHttpResult, ValidationProblem>> Save(
        Candidate candidate, CandidateProfileInput input, AtsDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!ETag.Matches(http.Request, candidate.Version))
        {
            return Problems.PreconditionFailed();
        }
        var errors = new ValidationErrors();
        var profile = CandidateValidation.ToProfile(input, errors);
        if (profile is null)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        candidate.Apply(profile, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        ETag.Set(http, candidate.Version);
        return TypedResults.Ok(CandidateResponse.From(candidate));
    }

    private static void ParseAll(ContactKind kind, string field, List<string>? values, ContactParser parser, List<ParsedContact> into, ValidationErrors errors)
    {
        if (values is null)
        {
            return;
        }
        if (values.Count > CandidateOptions.MaxContactsPerKind)
        {
            errors.Add(field, $"At most {CandidateOptions.MaxContactsPerKind} per candidate.");
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            var contact = parser.Parse(kind, values[i], out var error);
            if (contact is null)
            {
                errors.Add($"{field}[{i}]", error!);
            }
            else
            {
                into.Add(contact);
            }
        }
    }
}
