namespace Ats.Api.Resumes.TextExtraction;

/// <summary>An expected failure to read a file's text. The message is for people and never contains the file's content.</summary>
public sealed class ExtractionException(FailureReason reason, string message, Exception? inner = null) : Exception(message, inner)
{
    public FailureReason Reason { get; } = reason;
}
