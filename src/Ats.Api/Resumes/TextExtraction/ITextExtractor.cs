namespace Ats.Api.Resumes.TextExtraction;

/// <summary>
/// Reads the text of one document format. The stream is seekable and read-only. Expected failures (encrypted,
/// corrupt, over a limit) throw <see cref="ExtractionException"/>; an empty string means "no text in it".
/// Implementations check <paramref name="ct"/> in their loops; the caller also enforces a hard time and
/// memory limit by running extraction in a child process.
/// </summary>
public interface ITextExtractor
{
    IReadOnlyCollection<FileFormat> Formats { get; }

    string Extract(Stream content, ExtractionLimits limits, CancellationToken ct);
}
