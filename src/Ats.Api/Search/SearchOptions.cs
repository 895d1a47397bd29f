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

    /// <summary>How long after a failed background rebuild of an older-layout index the next one starts (the old index
    /// answers searches meanwhile; the status endpoint shows the failure).</summary>
    public TimeSpan RebuildRetryInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A rebuilt index is merged into one segment before it is swapped in (at 1M candidates: about a minute more,
    /// searches about 1.5× faster at the median; BENCHMARKS.md). Turn off for the quickest possible rebuild.
    /// </summary>
    public bool MergeAfterRebuild { get; set; } = true;

    /// <summary>
    /// How many threads one search may use (0: one per processor core, at most 4). The index is searched as this many
    /// equal ranges of documents at the same time (<see cref="SlicedIndexSearcher"/>), and a rebuilt index is merged
    /// into this many equal segments; 1 gives one segment searched by one thread.
    /// </summary>
    [Range(0, 64)]
    public int SearchThreads { get; set; }

    /// <summary>An index smaller than this is searched by one thread: handing half of a tiny search away costs more than it saves.</summary>
    [Range(0, int.MaxValue)]
    public int MinDocumentsToSlice { get; set; } = SlicedIndexSearcher.MinDocumentsToSlice;

    /// <summary>
    /// <see cref="SearchThreads"/> with 0 resolved to this machine's processor count, at most 4 (each range looks every
    /// query term up again and makes its own scorers; beyond a few ranges that costs more than it shares out).
    /// </summary>
    public int EffectiveSearchThreads => SearchThreads > 0 ? SearchThreads : Math.Min(Environment.ProcessorCount, 4);
}
