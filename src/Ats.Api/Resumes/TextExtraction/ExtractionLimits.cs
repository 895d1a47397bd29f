using System.ComponentModel.DataAnnotations;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>Limits against hostile files, bound from configuration section "Extraction:Limits".</summary>
public sealed class ExtractionLimits
{
    /// <summary>Extracted text is cut at this many characters (a résumé is a few thousand).</summary>
    [Range(1_000, 100_000_000)]
    public int MaxTextChars { get; set; } = 2_000_000;

    /// <summary>Total bytes a zip-based document (DOCX, ODT) may unpack to.</summary>
    [Range(1_000, 10_000_000_000)]
    public long MaxUncompressedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest allowed ratio of unpacked to packed size for one zip entry (zip bombs are 1000:1 and more).</summary>
    [Range(2, 100_000)]
    public double MaxCompressionRatio { get; set; } = 200;

    [Range(1, 1_000_000)]
    public int MaxZipEntries { get; set; } = 10_000;

    /// <summary>Deepest XML element nesting, RTF group nesting or similar recursion accepted.</summary>
    [Range(8, 100_000)]
    public int MaxNestingDepth { get; set; } = 512;

    [Range(1, 100_000)]
    public int MaxPdfPages { get; set; } = 1_000;
}
