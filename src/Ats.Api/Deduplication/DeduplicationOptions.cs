using System.ComponentModel.DataAnnotations;

namespace Ats.Api.Deduplication;

/// <summary>Configuration section <see cref="Section"/>; the scoring thresholds are in <see cref="Matching.MatchThresholds"/>.</summary>
public sealed class DeduplicationOptions
{
    public const string Section = "Deduplication";

    /// <summary>Whether pairs the scorer calls certain are merged without asking (they stay undoable).</summary>
    public bool AutoMerge { get; set; } = true;

    /// <summary>How long after a merge it can be undone: the merged record's rows are kept that long at least.</summary>
    public TimeSpan UnmergeWindow { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Most candidates a changed record is compared with; a blocking key shared by more is a key of a
    /// common name with no year or city and says nothing.</summary>
    [Range(10, 100_000)]
    public int MaxCandidatesPerCheck { get; set; } = 500;

    /// <summary>A blocking key held by more candidates than this is skipped in the batch scan (its pairs would be
    /// quadratic and its evidence weak).</summary>
    [Range(10, 100_000)]
    public int MaxBlockSize { get; set; } = 200;

    /// <summary>Queue items one worker takes at a time.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 50;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether this instance runs the duplicate worker (one or more instances may; they share the queue).</summary>
    public bool RunWorker { get; set; } = true;
}
