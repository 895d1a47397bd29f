using System.Security.Claims;
using System.Text.Json;
using Ats.Api.Auth;
using Ats.Api.Data;
using Ats.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.Candidates;

/// <summary>Contacts, sources and notes of one candidate.</summary>
public static class CandidateDetailEndpoints
{
    public const int NotesMaxLimit = 500;

    public static async Task<Results<Ok<List<ContactResponse>>, ProblemHttpResult>> ListContacts(Guid id, AtsDbContext db, CancellationToken ct)
    {
        if (!await db.Candidates.AnyAsync(c => c.Id == id, ct))
        {
            return Problems.NotFound("Candidate");
        }
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.CandidateId == id)
            .OrderBy(c => c.Kind).ThenBy(c => c.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(contacts.Select(ContactResponse.From).ToList());
    }

    public static async Task<Results<Created<ContactResponse>, ProblemHttpResult, ValidationProblem>> AddContact(
        Guid id, AddContactRequest request, AtsDbContext db, ContactParser parser, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        ParsedContact? parsed = null;
        if (!JsonEnum.TryParse<ContactKind>(request.Kind, out var kind))
        {
            errors.Add("kind", $"Must be one of: {JsonEnum.Allowed<ContactKind>()}.");
        }
        else
        {
            parsed = parser.Parse(kind, request.Value, out var error);
            if (parsed is null)
            {
                errors.Add("value", error!);
            }
        }
        if (parsed is null)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        var candidate = await db.Candidates.Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return Problems.NotFound("Candidate");
        }
        if (candidate.HasContact(parsed.Kind, parsed.Normalized))
        {
            return Problems.Conflict("The candidate already has this contact (compared in normal form).");
        }
        if (candidate.Contacts.Count(c => c.Kind == parsed.Kind) >= CandidateOptions.MaxContactsPerKind)
        {
            return Problems.Conflict($"A candidate can have at most {CandidateOptions.MaxContactsPerKind} contacts of one kind.");
        }
        var now = clock.GetUtcNow();
        var contact = candidate.AddContact(parsed.Kind, parsed.Raw, parsed.Normalized, parsed.Extension, parsed.Site, now);
        await db.SaveTouchingAsync(candidate, now, ct);
        return TypedResults.Created($"/candidates/{id}/contacts/{contact.Id}", ContactResponse.From(contact));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveContact(
        Guid id, Guid contactId, AtsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var candidate = await db.Candidates.Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == id, ct);
        var contact = candidate?.Contacts.SingleOrDefault(c => c.Id == contactId);
        if (candidate is null || contact is null)
        {
            return Problems.NotFound("Contact");
        }
        candidate.Contacts.Remove(contact);
        await db.SaveTouchingAsync(candidate, clock.GetUtcNow(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<List<SourceResponse>>, ProblemHttpResult>> ListSources(Guid id, AtsDbContext db, CancellationToken ct)
    {
        if (!await db.Candidates.AnyAsync(c => c.Id == id, ct))
        {
            return Problems.NotFound("Candidate");
        }
        var sources = await db.SourceRecords.AsNoTracking().Where(s => s.CandidateId == id).OrderBy(s => s.ReceivedAt).ToListAsync(ct);
        return TypedResults.Ok(sources.Select(SourceResponse.From).ToList());
    }

    public static async Task<Results<Created<SourceResponse>, ProblemHttpResult, ValidationProblem>> AddSource(
        Guid id, AddSourceRequest request, AtsDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var now = clock.GetUtcNow();
        var source = ValidateSource(request, "", now, errors);
        if (source is null)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        var candidate = await db.Candidates.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return Problems.NotFound("Candidate");
        }
        if (source.ExternalId is { } externalId)
        {
            var owner = await db.SourceRecords.Where(s => s.Site == source.Site && s.ExternalId == externalId)
                .Select(s => (Guid?)s.CandidateId).FirstOrDefaultAsync(ct);
            if (owner is { } existing)
            {
                return existing == id
                    ? Problems.Conflict("This source record is already attached to the candidate.")
                    : SourceTaken(existing);
            }
        }
        var record = new SourceRecord(id, source.Site, source.ExternalId, source.Url, source.ReceivedAt, source.Payload, now, user.Name());
        db.SourceRecords.Add(record);
        await db.SaveTouchingAsync(candidate, now, ct);
        return TypedResults.Created($"/candidates/{id}/sources/{record.Id}", SourceResponse.From(record));
    }

    internal static ProblemHttpResult SourceTaken(Guid owner) => Problems.Conflict(
        "This job-site record already belongs to another candidate — probably the same person.",
        new Dictionary<string, object?> { ["candidateId"] = owner });

    internal sealed record ValidSource(SourceSite Site, string? ExternalId, string? Url, DateTimeOffset ReceivedAt, JsonDocument? Payload);

    internal static ValidSource? ValidateSource(AddSourceRequest request, string prefix, DateTimeOffset now, ValidationErrors errors)
    {
        var before = errors.Count;
        if (!JsonEnum.TryParse<SourceSite>(request.Site, out var site))
        {
            errors.Add(prefix + "site", $"Must be one of: {JsonEnum.Allowed<SourceSite>()}.");
        }
        var externalId = CandidateValidation.Text(prefix + "externalId", request.ExternalId, 200, errors);
        string? url = null;
        if (!string.IsNullOrWhiteSpace(request.Url))
        {
            url = request.Url.Trim();
            if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add(prefix + "url", "Must be an absolute http(s) URL of at most 2000 characters.");
            }
        }
        var receivedAt = request.ReceivedAt ?? now;
        if (receivedAt > now.AddMinutes(5))
        {
            errors.Add(prefix + "receivedAt", "Cannot be in the future.");
        }
        JsonDocument? payload = null;
        if (request.Payload is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } element)
        {
            var raw = element.GetRawText();
            if (raw.Contains("\\u0000", StringComparison.OrdinalIgnoreCase))
            {
                // PostgreSQL's jsonb cannot hold a NUL character anywhere.
                errors.Add(prefix + "payload", "Contains a NUL character (\\u0000), which cannot be stored.");
            }
            else
            {
                payload = JsonDocument.Parse(raw);
            }
        }
        return errors.Count == before ? new ValidSource(site, externalId, url, receivedAt.ToUniversalTime(), payload) : null;
    }

    public static async Task<Results<Ok<Page<NoteResponse>>, ProblemHttpResult, ValidationProblem>> ListNotes(
        Guid id, string? cursor, int? limit, AtsDbContext db, CancellationToken ct)
    {
        var take = limit ?? 100;
        if (take is < 1 or > NotesMaxLimit)
        {
            return Problems.Validation("limit", $"Must be a whole number from 1 to {NotesMaxLimit}.");
        }
        Guid after = default;
        if (cursor is not null && !KeysetCursor.TryDecode(cursor, out after))
        {
            return Problems.Validation("cursor", "Not a cursor returned by this endpoint.");
        }
        if (!await db.Candidates.AnyAsync(c => c.Id == id, ct))
        {
            return Problems.NotFound("Candidate");
        }
        var query = db.Notes.AsNoTracking().Where(n => n.CandidateId == id);
        if (cursor is not null)
        {
            query = query.Where(n => n.Id.CompareTo(after) < 0);
        }
        var rows = await query.OrderByDescending(n => n.Id).Take(take + 1).ToListAsync(ct);
        var items = rows.Take(take).Select(NoteResponse.From).ToList();
        return TypedResults.Ok(new Page<NoteResponse>(items, rows.Count > take ? KeysetCursor.Encode(items[^1].Id) : null));
    }

    public static async Task<Results<Created<NoteResponse>, ProblemHttpResult, ValidationProblem>> AddNote(
        Guid id, AddNoteRequest request, AtsDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!JsonEnum.TryParse<NoteKind>(request.Kind, out var kind))
        {
            errors.Add("kind", $"Must be one of: {JsonEnum.Allowed<NoteKind>()}.");
        }
        var text = CandidateValidation.Multiline("text", request.Text, Note.TextMax, errors);
        if (text is null && string.IsNullOrWhiteSpace(request.Text))
        {
            errors.Add("text", "Required.");
        }
        var now = clock.GetUtcNow();
        var at = request.At?.ToUniversalTime() ?? now;
        if (at > now.AddMinutes(5) || at.Year < 2000)
        {
            errors.Add("at", "Must be between 2000-01-01 and now.");
        }
        if (!errors.IsValid)
        {
            return Problems.Validation(errors.ToDictionary());
        }
        var candidate = await db.Candidates.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return Problems.NotFound("Candidate");
        }
        var note = new Note(id, kind, text!, user.Name(), at);
        db.Notes.Add(note);
        await db.SaveTouchingAsync(candidate, now, ct);
        return TypedResults.Created($"/candidates/{id}/notes/{note.Id}", NoteResponse.From(note));
    }
}
