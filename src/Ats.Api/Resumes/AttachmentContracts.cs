using Ats.Api.Candidates;
using Ats.Api.Resumes.TextExtraction;

namespace Ats.Api.Resumes;

public sealed record ExtractionResponse(ExtractionStatus Status, FailureReason? Reason, string? ReasonText, string? Detail,
    DateTimeOffset? ExtractedAt, int? TextLength, string? Language);

public sealed record AttachmentResponse(Guid Id, Guid CandidateId, AttachmentKind Kind, string FileName, string ContentType, FileFormat Format,
    long SizeBytes, string Sha256, DateTimeOffset UploadedAt, string UploadedBy, Guid? PreviousVersionId, DateTimeOffset? SupersededAt,
    ExtractionResponse Extraction)
{
    public static AttachmentResponse From(Attachment a) => new(a.Id, a.CandidateId, a.Kind, a.FileName, a.ContentType, a.Format, a.SizeBytes,
        a.Sha256, a.UploadedAt, a.UploadedBy, a.PreviousVersionId, a.SupersededAt,
        new ExtractionResponse(a.ExtractionStatus, a.FailureReason, a.FailureReason is { } r ? FailureReasons.Describe(r) : null, a.FailureDetail,
            a.ExtractedAt, a.TextLength, a.Language));
}

public sealed record AttachmentTextResponse(Guid AttachmentId, ExtractionStatus Status, string? Text, string? Language, FailureReason? Reason, string? ReasonText);

public sealed record DownloadUrlResponse(Uri Url, DateTimeOffset ExpiresAt);

public sealed record ContactSuggestionResponse(Guid Id, Guid AttachmentId, ContactKind Kind, string Value, string Normalized, LinkSite? Site,
    SuggestionStatus Status, DateTimeOffset CreatedAt)
{
    public static ContactSuggestionResponse From(ContactSuggestion s) => new(s.Id, s.AttachmentId, s.Kind, s.Value, s.Normalized, s.Site, s.Status, s.CreatedAt);
}
