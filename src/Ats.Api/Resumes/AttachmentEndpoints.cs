using System.Security.Claims;
using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.Data;
using Ats.Api.Http;
using Ats.Api.Resumes.Storage;
using Ats.Api.Resumes.TextExtraction;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Ats.Api.Resumes;

public static class AttachmentEndpoints
{
    public static WebApplicationBuilder AddResumes(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section);
        builder.Services.AddOptions<FileStorageOptions>().BindConfiguration(FileStorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ExtractionOptions>().BindConfiguration(ExtractionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IFileStore>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<FileStorageOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(o.S3.Endpoint))
            {
                if (string.IsNullOrWhiteSpace(o.S3.AccessKey) || string.IsNullOrWhiteSpace(o.S3.SecretKey))
                {
                    throw new InvalidOperationException("Storage:S3:Endpoint is set but Storage:S3:AccessKey or Storage:S3:SecretKey is missing.");
                }
                return new S3FileStore(o.S3);
            }
            var env = sp.GetRequiredService<IHostEnvironment>();
            return new LocalFileStore(Path.IsPathRooted(o.LocalPath) ? o.LocalPath : Path.Combine(env.ContentRootPath, o.LocalPath));
        });
        builder.Services.AddSingleton<ExtractionSignal>();
        builder.Services.AddSingleton<ExtractionRunner>();
        builder.Services.AddSingleton<ContactFinder>();
        builder.Services.AddScoped<AttachmentService>();
        builder.Services.AddScoped<ExtractionQueue>();
        builder.Services.AddScoped<FileConsistency>();
        builder.Services.AddHostedService<FileStoreInitializer>();
        builder.Services.AddHostedService<ExtractionWorker>();
        builder.Services.AddHostedService<OrphanSweeper>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/candidates/{id:guid}").WithTags("Files").RequireAuthorization(Policies.ReadRecruiting).AnswerForMergedCandidates();
        var write = app.MapGroup("/candidates/{id:guid}").WithTags("Files").RequireAuthorization(Policies.WriteRecruiting).AnswerForMergedCandidates();
        write.MapPost("/files", UploadFile).Accepts<IFormFile>("multipart/form-data");
        read.MapGet("/files", ListFiles);
        read.MapGet("/files/{fileId:guid}", GetFile);
        read.MapGet("/files/{fileId:guid}/content", DownloadFile);
        read.MapGet("/files/{fileId:guid}/download-url", GetDownloadUrl);
        read.MapGet("/files/{fileId:guid}/text", GetFileText);
        write.MapPost("/files/{fileId:guid}/versions", ReplaceFile).Accepts<IFormFile>("multipart/form-data");
        write.MapPost("/files/{fileId:guid}/reextract", Reextract);
        write.MapDelete("/files/{fileId:guid}", DeleteFile);
        read.MapGet("/contact-suggestions", ListSuggestions);
        write.MapPost("/contact-suggestions/{suggestionId:guid}/accept", AcceptSuggestion);
        write.MapPost("/contact-suggestions/{suggestionId:guid}/dismiss", DismissSuggestion);

        var admin = app.MapGroup("/admin/files").WithTags("Admin: files").RequireAuthorization(Policies.Admin);
        admin.MapGet("/consistency", CheckConsistency);
        admin.MapPost("/sweep", SweepOrphans);
        return app;
    }

    public static Task<Results<Created<AttachmentResponse>, Ok<AttachmentResponse>, ValidationProblem, ProblemHttpResult>> UploadFile(
        Guid id, string? kind, HttpRequest request, AttachmentService service, IOptions<AttachmentOptions> options, ClaimsPrincipal user, CancellationToken ct) =>
        Upload(id, kind, null, request, service, options, user, ct);

    public static async Task<Results<Created<AttachmentResponse>, Ok<AttachmentResponse>, ValidationProblem, ProblemHttpResult>> ReplaceFile(
        Guid id, Guid fileId, HttpRequest request, AttachmentService service, AtsDbContext db, IOptions<AttachmentOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        var previous = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == fileId && a.CandidateId == id, ct);
        if (previous is null)
        {
            return Problems.NotFound("File");
        }
        return await Upload(id, JsonEnum.ToText(previous.Kind), fileId, request, service, options, user, ct);
    }

    private static async Task<Results<Created<AttachmentResponse>, Ok<AttachmentResponse>, ValidationProblem, ProblemHttpResult>> Upload(
        Guid id, string? kindText, Guid? replaces, HttpRequest request, AttachmentService service, IOptions<AttachmentOptions> options,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var kind = AttachmentKind.Resume;
        if (!string.IsNullOrWhiteSpace(kindText) && !JsonEnum.TryParse(kindText, out kind))
        {
            return Problems.Validation("kind", $"Must be one of: {JsonEnum.Allowed<AttachmentKind>()}.");
        }
        var policy = options.Value.For(kind);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Multipart framing adds a little; the spool enforces the exact per-kind limit.
            limit.MaxRequestBodySize = policy.MaxBytes + 64 * 1024;
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, type: ProblemTypes.UnsupportedMediaType,
                title: "Unsupported media type", detail: "Send the file as multipart/form-data in a part named \"file\".");
        }
        var reader = new MultipartReader(boundary, request.Body);
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.IsFileDisposition() && disposition.Name.Value?.Trim('"') == "file")
            {
                var fileName = disposition.FileNameStar.Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "";
                UploadResult result;
                try
                {
                    result = await service.UploadAsync(id, kind, fileName, section.Body, user.Name(), replaces, ct);
                }
                catch (FileStoreUnavailableException)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, type: ProblemTypes.StorageUnavailable,
                        title: "File storage unavailable", detail: "File storage is unreachable right now; nothing was saved. Try again in a few minutes.");
                }
                return result.Outcome switch
                {
                    UploadOutcome.Created => TypedResults.Created($"/candidates/{id}/files/{result.Attachment!.Id}", AttachmentResponse.From(result.Attachment)),
                    UploadOutcome.Duplicate => TypedResults.Ok(AttachmentResponse.From(result.Attachment!)),
                    UploadOutcome.CandidateNotFound => Problems.NotFound("Candidate"),
                    UploadOutcome.PreviousNotFound => Problems.Conflict("Only the current version of a file can be replaced."),
                    UploadOutcome.Empty => Problems.Validation("file", "The file is empty (0 bytes)."),
                    UploadOutcome.TooLarge => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, type: ProblemTypes.PayloadTooLarge,
                        title: "File too large", detail: $"A {JsonEnum.ToText(kind)} file may be at most {result.MaxBytes / (1024 * 1024)} MB."),
                    _ => TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, type: ProblemTypes.UnsupportedMediaType,
                        title: "Unsupported file type",
                        detail: result.Format == FileFormat.Unknown
                            ? $"The file's content is not a recognised format. A {JsonEnum.ToText(kind)} may be: {string.Join(", ", policy.Formats.Select(f => JsonEnum.ToText(f)))}."
                            : $"The file is really {JsonEnum.ToText(result.Format)} (whatever its name says); a {JsonEnum.ToText(kind)} may be: {string.Join(", ", policy.Formats.Select(f => JsonEnum.ToText(f)))}."),
                };
            }
            await section.Body.DrainAsync(ct);
        }
        return Problems.Validation("file", "No part named \"file\" with a file name in the multipart body.");
    }

    public static async Task<Results<Ok<List<AttachmentResponse>>, ProblemHttpResult>> ListFiles(Guid id, bool? includeVersions, AtsDbContext db, CancellationToken ct)
    {
        if (!await db.Candidates.AnyAsync(c => c.Id == id, ct))
        {
            return Problems.NotFound("Candidate");
        }
        var query = db.Attachments.AsNoTracking().Where(a => a.CandidateId == id);
        if (includeVersions != true)
        {
            query = query.Where(a => a.SupersededAt == null);
        }
        var files = await query.OrderByDescending(a => a.UploadedAt).ToListAsync(ct);
        return TypedResults.Ok(files.Select(AttachmentResponse.From).ToList());
    }

    public static async Task<Results<Ok<AttachmentResponse>, ProblemHttpResult>> GetFile(Guid id, Guid fileId, AtsDbContext db, CancellationToken ct)
    {
        var file = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == fileId && a.CandidateId == id, ct);
        return file is null ? Problems.NotFound("File") : TypedResults.Ok(AttachmentResponse.From(file));
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> DownloadFile(
        Guid id, Guid fileId, AtsDbContext db, IFileStore store, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var file = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == fileId && a.CandidateId == id, ct);
        if (file is null)
        {
            return Problems.NotFound("File");
        }
        try
        {
            if (!await store.ExistsAsync(file.ObjectKey, ct))
            {
                return Problems.NotFound("The stored file");
            }
            await RecordAccessAsync(db, file, FileAccessAction.Download, user, clock, ct);
            http.Response.ContentType = file.ContentType;
            http.Response.ContentLength = file.SizeBytes;
            http.Response.Headers.ContentDisposition = ContentDisposition.Attachment(file.FileName);
            http.Response.Headers["X-Content-Type-Options"] = "nosniff";
            await store.CopyToAsync(file.ObjectKey, http.Response.Body, ct);
            return TypedResults.Empty;
        }
        catch (FileStoreUnavailableException) when (!http.Response.HasStarted)
        {
            return StorageUnavailable();
        }
    }

    public static async Task<Results<Ok<DownloadUrlResponse>, ProblemHttpResult>> GetDownloadUrl(
        Guid id, Guid fileId, AtsDbContext db, IFileStore store, TimeProvider clock, IOptions<FileStorageOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        var file = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == fileId && a.CandidateId == id, ct);
        if (file is null)
        {
            return Problems.NotFound("File");
        }
        var lifetime = options.Value.PresignedUrlLifetime;
        Uri? url;
        try
        {
            url = await store.GetDownloadUrlAsync(file.ObjectKey, lifetime, file.FileName, file.ContentType, ct);
        }
        catch (FileStoreUnavailableException)
        {
            return StorageUnavailable();
        }
        if (url is null)
        {
            return Problems.Conflict("Direct download links need S3 storage; with local storage download through /content.");
        }
        await RecordAccessAsync(db, file, FileAccessAction.PresignedUrl, user, clock, ct);
        return TypedResults.Ok(new DownloadUrlResponse(url, clock.GetUtcNow() + lifetime));
    }

    public static async Task<Results<Ok<AttachmentTextResponse>, ProblemHttpResult>> GetFileText(
        Guid id, Guid fileId, AtsDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var file = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == fileId && a.CandidateId == id, ct);
        if (file is null)
        {
            return Problems.NotFound("File");
        }
        var text = await db.AttachmentTexts.AsNoTracking().Where(t => t.AttachmentId == fileId).Select(t => t.Text).SingleOrDefaultAsync(ct);
        await RecordAccessAsync(db, file, FileAccessAction.TextViewed, user, clock, ct);
        return TypedResults.Ok(new AttachmentTextResponse(file.Id, file.ExtractionStatus, text, file.Language, file.FailureReason,
            file.FailureReason is { } r ? FailureReasons.Describe(r) : null));
    }

    public static async Task<Results<Accepted<AttachmentResponse>, ProblemHttpResult>> Reextract(
        Guid id, Guid fileId, AtsDbContext db, AttachmentService service, CancellationToken ct)
    {
        var file = await db.Attachments.SingleOrDefaultAsync(a => a.Id == fileId && a.CandidateId == id, ct);
        if (file is null)
        {
            return Problems.NotFound("File");
        }
        if (!await service.RequeueAsync(file, ct))
        {
            return Problems.Conflict("Text is not read from this kind of file (photos and videos are stored only).");
        }
        return TypedResults.Accepted($"/candidates/{id}/files/{fileId}", AttachmentResponse.From(file));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteFile(Guid id, Guid fileId, AttachmentService service, CancellationToken ct) =>
        await service.DeleteAsync(id, fileId, ct) ? TypedResults.NoContent() : Problems.NotFound("File");

    public static async Task<Results<Ok<List<ContactSuggestionResponse>>, ValidationProblem, ProblemHttpResult>> ListSuggestions(Guid id, string? status, AtsDbContext db, CancellationToken ct)
    {
        if (!await db.Candidates.AnyAsync(c => c.Id == id, ct))
        {
            return Problems.NotFound("Candidate");
        }
        var wanted = SuggestionStatus.Pending;
        if (!string.IsNullOrWhiteSpace(status) && !JsonEnum.TryParse(status, out wanted))
        {
            return Problems.Validation("status", $"Must be one of: {JsonEnum.Allowed<SuggestionStatus>()}.");
        }
        var suggestions = await db.ContactSuggestions.AsNoTracking().Where(s => s.CandidateId == id && s.Status == wanted)
            .OrderBy(s => s.Kind).ThenBy(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(suggestions.Select(ContactSuggestionResponse.From).ToList());
    }

    public static async Task<Results<Ok<ContactResponse>, ProblemHttpResult>> AcceptSuggestion(
        Guid id, Guid suggestionId, AtsDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var suggestion = await db.ContactSuggestions.SingleOrDefaultAsync(s => s.Id == suggestionId && s.CandidateId == id, ct);
        var candidate = await db.Candidates.Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (suggestion is null || candidate is null)
        {
            return Problems.NotFound("Suggestion");
        }
        if (suggestion.Status != SuggestionStatus.Pending)
        {
            return Problems.Conflict("The suggestion was already decided.");
        }
        var now = clock.GetUtcNow();
        suggestion.Decide(SuggestionStatus.Accepted, user.Name(), now);
        var contact = candidate.Contacts.SingleOrDefault(c => c.Kind == suggestion.Kind && c.Normalized == suggestion.Normalized)
            ?? candidate.AddContact(suggestion.Kind, suggestion.Value, suggestion.Normalized, null, suggestion.Site, now);
        await db.SaveTouchingAsync(candidate, now, ct);
        return TypedResults.Ok(ContactResponse.From(contact));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DismissSuggestion(
        Guid id, Guid suggestionId, AtsDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var suggestion = await db.ContactSuggestions.SingleOrDefaultAsync(s => s.Id == suggestionId && s.CandidateId == id, ct);
        if (suggestion is null)
        {
            return Problems.NotFound("Suggestion");
        }
        if (suggestion.Status != SuggestionStatus.Pending)
        {
            return Problems.Conflict("The suggestion was already decided.");
        }
        suggestion.Decide(SuggestionStatus.Dismissed, user.Name(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ConsistencyReport>, ProblemHttpResult>> CheckConsistency(FileConsistency consistency, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await consistency.CheckAsync(ct));
        }
        catch (FileStoreUnavailableException)
        {
            return StorageUnavailable();
        }
    }

    public static async Task<Results<Ok<SweepReport>, ProblemHttpResult>> SweepOrphans(FileConsistency consistency, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await consistency.SweepAsync(ct));
        }
        catch (FileStoreUnavailableException)
        {
            return StorageUnavailable();
        }
    }

    private static ProblemHttpResult StorageUnavailable() => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
        type: ProblemTypes.StorageUnavailable, title: "File storage unavailable", detail: "File storage is unreachable right now. Try again in a few minutes.");

    private static async Task RecordAccessAsync(AtsDbContext db, Attachment file, FileAccessAction action, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var keyId = Guid.TryParse(user.FindFirstValue(ApiKeyClaims.KeyId), out var k) ? k : (Guid?)null;
        db.FileAccessLog.Add(new FileAccessRecord(file.Id, file.CandidateId, action, user.Name(), keyId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }
}
