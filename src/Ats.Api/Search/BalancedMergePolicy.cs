using Lucene.Net.Index;

namespace Ats.Api.Search;

/// <summary>
/// Lucene's tiered policy, except that a forced merge to N segments makes N segments of about equal size (the tiered
/// policy merges the smallest and leaves one big segment with a few small ones), so that a
/// <see cref="SlicedIndexSearcher"/> can give each thread an equal share. The N merges are independent and run at the
/// same time when the merge scheduler has threads for them. Ordinary merges must be off while it runs
/// (<see cref="NaturalMerges"/> false, as a rebuild has it): it waits for running merges before planning, and one that
/// began after the forced merge started would not ask again when it finishes.
/// </summary>
public sealed class BalancedMergePolicy : TieredMergePolicy
{
    /// <summary>
    /// False while a rebuild adds documents: the flushed segments stay small and alike, so that the forced merge at the
    /// end can share them out evenly (the tiered merges would make one segment of most of the index first — measured
    /// at 1M: 700,076 and 299,924 documents) and every document is merged once instead of once per tier.
    /// </summary>
    public bool NaturalMerges { get; set; } = true;

    public override MergeSpecification? FindMerges(MergeTrigger mergeTrigger, SegmentInfos infos) =>
        NaturalMerges ? base.FindMerges(mergeTrigger, infos) : null;

    public override MergeSpecification? FindForcedMerges(SegmentInfos infos, int maxSegmentCount, IDictionary<SegmentCommitInfo, bool> segmentsToMerge)
    {
        if (maxSegmentCount <= 1)
        {
            return base.FindForcedMerges(infos, maxSegmentCount, segmentsToMerge);
        }
        var merging = m_writer.Get().MergingSegments;
        var eligible = infos.Segments.Where(s => segmentsToMerge.ContainsKey(s) && !merging.Contains(s)).ToList();
        if (eligible.Count <= maxSegmentCount || merging.Count > 0)
        {
            // Done, or the groups are being merged: a merge finishing asks again, and the others are not yet done.
            return null;
        }
        var groups = Enumerable.Range(0, maxSegmentCount).Select(_ => new List<SegmentCommitInfo>()).ToArray();
        var sizes = new long[maxSegmentCount];
        foreach (var segment in eligible.OrderByDescending(Live))
        {
            var lightest = Array.IndexOf(sizes, sizes.Min());
            groups[lightest].Add(segment);
            sizes[lightest] += Live(segment);
        }
        var specification = new MergeSpecification();
        foreach (var group in groups.Where(g => g.Count > 1 || (g.Count == 1 && g[0].HasDeletions)))
        {
            specification.Add(new OneMerge(group));
        }
        return specification.Merges.Count == 0 ? null : specification;
    }

    private static long Live(SegmentCommitInfo segment) => segment.Info.DocCount - segment.DelCount;
}
