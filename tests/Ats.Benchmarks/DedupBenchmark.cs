using System.Diagnostics;
using Ats.Api.Deduplication.Matching;
using Ats.Api.Tests.Deduplication.Matching;

namespace Ats.Benchmarks;

/// <summary>
/// Batch deduplication of a whole base (issue 6): generated people (<see cref="SyntheticPeople"/>: names from
/// ../shared/testdata/names-ru, each written 2–4 times the way hh.ru, SuperJob, LinkedIn, an Excel sheet and a
/// recruiter write them, a quarter of them relatives or namesakes of another) are scanned with the product's
/// <see cref="BatchScan"/> — blocking keys, every pair inside a block scored, clusters — and the decisions are
/// compared with who is who: pairwise precision, recall and F1 of automatic merges and of suggestions.
/// </summary>
public static class DedupBenchmark
{
    public static int Run(int records, int maxBlock)
    {
        var clock = Stopwatch.StartNew();
        var data = new SyntheticPeople(seed: 7).Generate(Math.Max(1, records * 10 / 28));
        var labelled = data.Records.Take(records).ToList();
        var input = labelled.Select(r => r.Record).ToList();
        var generated = clock.Elapsed;
        Console.WriteLine($"generated {input.Count:N0} records of {labelled.Select(r => r.PersonId).Distinct().Count():N0} people in {generated.TotalSeconds:0.0} s");

        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var thresholds = new MatchThresholds();
        var result = BatchScan.Run(input, thresholds, maxBlock);
        var total = result.KeysTime + result.PairsTime + result.ScoreTime;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"scan: keys {result.Keys:N0} in {result.KeysTime.TotalSeconds:0.0} s; candidate pairs {result.ComparedPairs:N0} "
            + $"in {result.PairsTime.TotalSeconds:0.0} s (blocks over {maxBlock} skipped: {result.SkippedBlocks:N0}); scored in {result.ScoreTime.TotalSeconds:0.0} s");
        Console.WriteLine($"total {total.TotalSeconds:0.0} s = {input.Count / total.TotalSeconds:N0} records/s; {result.ComparedPairs / result.ScoreTime.TotalSeconds:N0} pairs/s; "
            + $"peak working set {peak / 1048576:N0} MB (heap before {before / 1048576:N0} MB); cores {Environment.ProcessorCount}");

        // Quality: every pair of records of one person is a true pair.
        var truePairs = new HashSet<(int, int)>();
        var contactPairs = new HashSet<(int, int)>();
        var nameOnlyPairs = new HashSet<(int, int)>();
        foreach (var group in Enumerable.Range(0, labelled.Count).GroupBy(i => labelled[i].PersonId))
        {
            var members = group.ToList();
            for (var x = 0; x < members.Count; x++)
            {
                for (var y = x + 1; y < members.Count; y++)
                {
                    var pair = (members[x], members[y]);
                    truePairs.Add(pair);
                    var (a, b) = (input[members[x]], input[members[y]]);
                    if (a.Phones.Intersect(b.Phones).Any() || a.Emails.Intersect(b.Emails).Any())
                    {
                        contactPairs.Add(pair);
                    }
                    else if ((a.BirthDate is not null && b.BirthDate is not null) || (a.City is not null && b.City is not null))
                    {
                        nameOnlyPairs.Add(pair);
                    }
                }
            }
        }
        var auto = result.Pairs.Where(p => p.Result.Decision == MatchDecision.AutoMerge).Select(p => (p.First, p.Second)).ToHashSet();
        var suggest = result.Pairs.Where(p => p.Result.Decision == MatchDecision.Suggest).Select(p => (p.First, p.Second)).ToHashSet();
        var any = auto.Concat(suggest).ToHashSet();
        Report("automatic merges", auto, truePairs);
        Report("suggestions only", suggest, truePairs);
        Report("automatic + suggestions", any, truePairs);
        Console.WriteLine($"recall (automatic + suggestions) when a phone or e-mail agrees: {Recall(any, contactPairs):0.000} of {contactPairs.Count:N0} pairs");
        Console.WriteLine($"recall (automatic + suggestions) name-only with birth date or city: {Recall(any, nameOnlyPairs):0.000} of {nameOnlyPairs.Count:N0} pairs");
        Console.WriteLine($"clusters for review: {result.Clusters().Count():N0}");
        return 0;
    }

    private static void Report(string what, HashSet<(int, int)> found, HashSet<(int, int)> truth)
    {
        var correct = found.Count(truth.Contains);
        var precision = found.Count == 0 ? 1 : (double)correct / found.Count;
        var recall = truth.Count == 0 ? 1 : (double)correct / truth.Count;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        Console.WriteLine($"{what}: {found.Count:N0} pairs, precision {precision:0.0000}, recall {recall:0.000}, F1 {f1:0.000}");
    }

    private static double Recall(HashSet<(int, int)> found, HashSet<(int, int)> truth) =>
        truth.Count == 0 ? 1 : (double)truth.Count(found.Contains) / truth.Count;
}
