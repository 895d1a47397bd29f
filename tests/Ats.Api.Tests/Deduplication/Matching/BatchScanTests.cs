using Ats.Api.Deduplication.Matching;

namespace Ats.Api.Tests.Deduplication.Matching;

public sealed class BatchScanTests
{
    private static readonly string[] Names = ["Абрамов", "Борисов", "Волков", "Гусев", "Дьяков", "Ершов", "Жуков", "Зайцев"];
    private static readonly string[] Firsts = ["Антон", "Борис", "Виктор", "Глеб", "Денис"];

    [Fact]
    public void Finds_exactly_the_pairs_that_share_a_key_and_are_not_different()
    {
        var records = new SyntheticPeople(seed: 5).Generate(300).Records.Select(r => r.Record).ToList();
        var thresholds = new MatchThresholds();

        var scan = BatchScan.Run(records, thresholds, maxBlock: 1_000);

        // The same by brute force: every pair, scored when the two share a blocking key.
        var keys = records.Select(r => BlockingKeys.For(r).ToHashSet(StringComparer.Ordinal)).ToList();
        var expected = new List<(int, int, MatchDecision)>();
        for (var a = 0; a < records.Count; a++)
        {
            for (var b = a + 1; b < records.Count; b++)
            {
                if (keys[a].Overlaps(keys[b]))
                {
                    var result = DuplicateScorer.Score(records[a], records[b], thresholds);
                    if (result.Decision != MatchDecision.Different)
                    {
                        expected.Add((a, b, result.Decision));
                    }
                }
            }
        }
        Assert.Equal(expected, scan.Pairs.Select(p => (p.First, p.Second, p.Result.Decision)).ToList());
        Assert.True(expected.Count > 100, $"only {expected.Count} pairs: the generated set should hold many duplicates");
    }

    [Fact]
    public void Clusters_join_the_spellings_of_one_person_and_keep_a_stranger_apart()
    {
        PersonRecord[] records =
        [
            PersonRecord.FromRaw("Иванов Иван Иванович", new(new DateOnly(1990, 5, 17), Api.Candidates.DatePrecision.Day), "Казань", phones: ["+7 999 123-45-67"]),
            PersonRecord.FromRaw("Ваня Иванов", city: "Казань", phones: ["8 (999) 123-45-67"]),
            PersonRecord.FromRaw("Ivan Ivanov", new(new DateOnly(1990, 1, 1), Api.Candidates.DatePrecision.Year), "Kazan"),
            PersonRecord.FromRaw("Петров Пётр", new(new DateOnly(1971, 1, 1), Api.Candidates.DatePrecision.Year), "Омск", phones: ["+7 912 000-00-01"]),
        ];
        var scan = BatchScan.Run(records, new MatchThresholds(), maxBlock: 200);
        var clusters = scan.Clusters().ToList();
        Assert.Equal([0, 1, 2], Assert.Single(clusters));
        Assert.NotEqual(scan.ClusterOf[0], scan.ClusterOf[3]);
    }

    [Fact]
    public void Blocks_larger_than_the_limit_are_skipped_and_counted()
    {
        // Forty people with one phone (a call centre's number on every résumé) and nothing else in common.
        var records = Enumerable.Range(0, 40).Select(i => PersonRecord.FromRaw(Names[i % Names.Length] + " " + Firsts[i / Names.Length], phones: ["+7 495 123-45-67"])).ToList();
        var limited = BatchScan.Run(records, new MatchThresholds(), maxBlock: 10);
        Assert.Equal(1, limited.SkippedBlocks);
        Assert.Equal(0, limited.ComparedPairs);
        var unlimited = BatchScan.Run(records, new MatchThresholds(), maxBlock: 100);
        Assert.Equal(40 * 39 / 2, unlimited.ComparedPairs);
        Assert.Empty(BatchScan.Run([], new MatchThresholds(), maxBlock: 10).Pairs);
    }
}
