using System.ComponentModel.DataAnnotations;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>Section "Extraction": the background text extraction and its limits.</summary>
public sealed class ExtractionOptions
{
    public const string Section = "Extraction";

    public ExtractionLimits Limits { get; set; } = new();

    /// <summary>Wall-clock limit per file; the reader process is killed after it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Managed heap limit of the reader process (DOTNET_GCHeapHardLimit).</summary>
    [Range(64, 64_000)]
    public int MemoryLimitMb { get; set; } = 512;

    /// <summary>Workers in this instance; every instance may run workers, the queue hands each item to one.</summary>
    [Range(0, 64)]
    public int Workers { get; set; } = 2;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A claimed item is leased for Timeout + LeaseMargin; if the worker dies, another takes the item when the
    /// lease runs out. The margin covers reading the object back and saving the outcome.
    /// </summary>
    public TimeSpan LeaseMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts for failures that are not the file's fault (storage down, reader could not start).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;
}
