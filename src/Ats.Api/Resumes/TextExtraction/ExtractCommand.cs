using System.Text.Json;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>
/// The reader process: <c>Ats.Api extract FORMAT INPUT OUTPUT</c>. Runs one extractor on one file and writes an
/// <see cref="ExtractionOutcome"/> as JSON. It is a separate process so that a hostile file can at worst kill
/// this process (a stack overflow cannot be caught in .NET), run out of its own heap limit, or be killed on
/// time — the service and the queue carry on.
/// </summary>
public static class ExtractCommand
{
    public const string LimitsVariable = "ATS_EXTRACTION_LIMITS";

    public static int Run(string[] args)
    {
        if (args.Length != 4 || !Enum.TryParse<FileFormat>(args[1], ignoreCase: true, out var format))
        {
            Console.Error.WriteLine("usage: extract FORMAT INPUT OUTPUT");
            return 2;
        }
        var limits = Environment.GetEnvironmentVariable(LimitsVariable) is { Length: > 0 } json
            ? JsonSerializer.Deserialize<ExtractionLimits>(json) ?? new ExtractionLimits()
            : new ExtractionLimits();
        var outcome = Extract(format, args[2], limits, CancellationToken.None);
        File.WriteAllText(args[3], JsonSerializer.Serialize(outcome));
        return 0;
    }

    public static ExtractionOutcome Extract(FileFormat format, string path, ExtractionLimits limits, CancellationToken ct)
    {
        var extractor = ExtractorRegistry.For(format);
        if (extractor is null)
        {
            return ExtractionOutcome.Failed(FailureReason.Unsupported, $"No text reader for {format} files.");
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.RandomAccess);
            return ExtractionOutcome.FromText(extractor.Extract(stream, limits, ct));
        }
        catch (ExtractionException e)
        {
            return ExtractionOutcome.Failed(e.Reason, e.Message);
        }
        catch (Exception e) when (e is OutOfMemoryException or InsufficientExecutionStackException)
        {
            return ExtractionOutcome.Failed(FailureReason.TooLarge, $"Reading the file needed more memory or nesting than allowed ({e.GetType().Name}).");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The reader's own bug or a file it cannot cope with: the type only, never the message (it may quote content).
            return ExtractionOutcome.Failed(FailureReason.Corrupt, $"The file could not be read ({e.GetType().Name}).");
        }
    }
}
