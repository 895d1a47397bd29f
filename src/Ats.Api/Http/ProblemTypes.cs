namespace Ats.Api.Http;

/// <summary>Stable problem <c>type</c> values a client can branch on.</summary>
public static class ProblemTypes
{
    public const string Validation = "urn:ats:problem:validation";
    public const string NotFound = "urn:ats:problem:not-found";
    public const string CandidateMerged = "urn:ats:problem:candidate-merged";
    public const string Conflict = "urn:ats:problem:conflict";
    public const string PreconditionFailed = "urn:ats:problem:precondition-failed";
    public const string Unauthorized = "urn:ats:problem:unauthorized";
    public const string Forbidden = "urn:ats:problem:forbidden";
    public const string BadRequest = "urn:ats:problem:bad-request";
    public const string PayloadTooLarge = "urn:ats:problem:payload-too-large";
    public const string UnsupportedMediaType = "urn:ats:problem:unsupported-media-type";
    public const string Internal = "urn:ats:problem:internal";
    public const string StorageUnavailable = "urn:ats:problem:storage-unavailable";
    public const string IndexNotReady = "urn:ats:problem:index-not-ready";
}
