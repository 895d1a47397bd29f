using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ats.Api.Deduplication.Matching;

/// <summary>One scored pair of a batch scan: positions in the input list, smaller first.</summary>
public readonly record struct ScoredPair(int First, int Second, MatchResult Result);

/// <summary>What a batch scan found and what it cost.</summary>
public sealed record BatchScanResult(
    IReadOnlyList<ScoredPair> Pairs,
    int[] ClusterOf,
    long Keys,
    long ComparedPairs,
    int SkippedBlocks,
    TimeSpan KeysTime,
    TimeSpan PairsTime,
    TimeSpan ScoreTime)
{
    /// <summary>Clusters of two or more records joined by a non-"different" pair, as lists of positions.</summary>
    public IEnumerable<IReadOnlyList<int>> Clusters() => Enumerable.Range(0, ClusterOf.Length)
        .GroupBy(i => ClusterOf[i]).Where(g => g.Count() > 1).Select(g => (IReadOnlyList<int>)g.ToList());
}

/// <summary>
/// The whole base against itself, in memory: every record's <see cref="BlockingKeys"/> are hashed to 64 bits and
/// sorted, so records sharing a key sit next to each other; every pair inside a block (blocks larger than
/// <c>maxBlock</c> are skipped — a key shared by that many people is a common name with nothing else and proves
/// nothing) is scored once, in parallel, and pairs that are not "different" are joined into clusters (union-find).
/// Cost grows with the sum of squared block sizes, not with N²: see BlockingKeys for the estimates per key.
/// </summary>
public static class BatchScan
{
    public static BatchScanResult Run(IReadOnlyList<PersonRecord> records, MatchThresholds thresholds, int maxBlock,
        Action<int, IReadOnlyList<string>>? keysOf = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var clock = Stopwatch.StartNew();

        // 1. Keys, hashed: (hash, record) in two parallel arrays.
        var perRecord = new ulong[records.Count][];
        Parallel.For(0, records.Count, i =>
        {
            var keys = BlockingKeys.For(records[i]);
            keysOf?.Invoke(i, keys);
            var hashes = new ulong[keys.Count];
            for (var k = 0; k < keys.Count; k++)
            {
                hashes[k] = Hash(keys[k]);
            }
            perRecord[i] = hashes;
        });
        var total = perRecord.Sum(h => (long)h.Length);
        var hashesAll = new ulong[total];
        var owners = new int[total];
        var at = 0L;
        for (var i = 0; i < perRecord.Length; i++)
        {
            foreach (var h in perRecord[i])
            {
                hashesAll[at] = h;
                owners[at++] = i;
            }
        }
        perRecord = null!;
        var keysTime = clock.Elapsed;

        // 2. Sort by hash; pairs inside each block, deduplicated.
        Array.Sort(hashesAll, owners);
        var pairList = new List<long>();
        var skipped = 0;
        for (long start = 0; start < total;)
        {
            var end = start + 1;
            while (end < total && hashesAll[end] == hashesAll[start])
            {
                end++;
            }
            var size = end - start;
            if (size > maxBlock)
            {
                skipped++;
            }
            else
            {
                for (var x = start; x < end; x++)
                {
                    for (var y = x + 1; y < end; y++)
                    {
                        var (a, b) = owners[x] < owners[y] ? (owners[x], owners[y]) : (owners[y], owners[x]);
                        if (a != b)
                        {
                            pairList.Add(((long)a << 32) | (uint)b);
                        }
                    }
                }
            }
            start = end;
        }
        hashesAll = null!;
        owners = null!;
        var pairs = pairList.ToArray();
        pairList = null!;
        Array.Sort(pairs);
        var unique = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            if (i == 0 || pairs[i] != pairs[i - 1])
            {
                pairs[unique++] = pairs[i];
            }
        }
        var pairsTime = clock.Elapsed - keysTime;

        // 3. Score in parallel; keep what is not "different".
        var found = new ConcurrentBag<ScoredPair>();
        // (An empty base or one without a shared key has no pairs, and a partitioner cannot be made of nothing.)
        Parallel.ForEach(unique == 0 ? [] : System.Collections.Concurrent.Partitioner.Create(0, unique, 4096).GetDynamicPartitions(), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var a = (int)(pairs[i] >> 32);
                var b = (int)(pairs[i] & 0xFFFFFFFF);
                var result = DuplicateScorer.Score(records[a], records[b], thresholds);
                if (result.Decision != MatchDecision.Different)
                {
                    found.Add(new ScoredPair(a, b, result));
                }
            }
        });
        var scoreTime = clock.Elapsed - keysTime - pairsTime;

        // 4. Clusters.
        var parent = Enumerable.Range(0, records.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
        var list = found.OrderBy(p => p.First).ThenBy(p => p.Second).ToList();
        foreach (var p in list)
        {
            var (ra, rb) = (Find(p.First), Find(p.Second));
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = Find(i);
        }
        return new BatchScanResult(list, parent, total, unique, skipped, keysTime, pairsTime, scoreTime);
    }

    /// <summary>FNV-1a over the key's UTF-16 code units: 64 bits make a collision between two of a few dozen
    /// million keys unlikely, and a collision only costs one extra scored pair.</summary>
    public static ulong Hash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}
