namespace Ats.Api.Resumes.TextExtraction;

/// <summary>Why a file's text could not be read, in terms a recruiter understands (see <see cref="FailureReasons.Describe"/>).</summary>
public enum FailureReason
{
    /// <summary>Password-protected or encrypted.</summary>
    Encrypted,
    /// <summary>Damaged or not what it claims to be.</summary>
    Corrupt,
    /// <summary>A format we do not read text from.</summary>
    Unsupported,
    /// <summary>A scan: pages are images with no text layer (needs OCR).</summary>
    ScannedImage,
    /// <summary>Bigger than the configured limits (size, pages, decompressed size, compression ratio, nesting).</summary>
    TooLarge,
    /// <summary>Took longer than the time limit.</summary>
    TimedOut,
    /// <summary>The stored file could not be read back (storage down); retried, then reported.</summary>
    StorageUnavailable,
}

public static class FailureReasons
{
    public static string Describe(FailureReason reason) => reason switch
    {
        FailureReason.Encrypted => "The file is password-protected or encrypted; ask the candidate for an unprotected copy.",
        FailureReason.Corrupt => "The file is damaged or is not what its name says; ask for the file again.",
        FailureReason.Unsupported => "Text cannot be read from this kind of file.",
        FailureReason.ScannedImage => "The document is a scan (pictures of pages, no text); its text needs OCR.",
        FailureReason.TooLarge => "The file is too large to read (size, pages or unpacked size over the limits).",
        FailureReason.TimedOut => "Reading the file took too long and was stopped.",
        FailureReason.StorageUnavailable => "The stored file could not be read back from file storage; try re-extracting later.",
        _ => reason.ToString(),
    };
}
