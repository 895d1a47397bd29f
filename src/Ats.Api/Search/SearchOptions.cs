using System.ComponentModel.DataAnnotations;

namespace Ats.Api.Search;

/// <summary>Section "Search".</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>This instance's own index folder (relative to the content root). Lost or corrupt: rebuilt on start.</summary>
    [Required]
    public string IndexPath { get; set; } = "index";

    /// <summary>How often the indexer looks for changes after its cursor.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Changes applied per commit: a commit costs an fsync, so batches, not single documents.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1_000;

    /// <summary>Optional administrator's skill-synonym file; re-read when it changes, no code rebuild needed.</summary>
    public string? SynonymsPath { get; set; }

    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Change-log rows older than this are deleted; an instance whose index is older than that rebuilds.</summary>
    public TimeSpan ChangeLogRetention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A rebuilt index is merged into one segment before it is swapped in (at 1M candidates: about a minute more,
    /// searches about 1.5× faster at the median; BENCHMARKS.md). Turn off for the quickest possible rebuild.
    /// </summary>
    public bool MergeAfterRebuild { get; set; } = true;
}
