using Ats.Api.Deduplication.Matching;
using Xunit.Abstractions;

namespace Ats.Api.Tests.Deduplication.Matching;

/// <summary>
/// Quality on generated data (see <see cref="SyntheticPeople"/>): records are blocked with <see cref="BlockingKeys"/>,
/// every pair sharing a key is scored, and the decisions are compared with who is who. The floors are a little under
/// what was measured when the weights were set, so a regression shows; the numbers are printed for the report.
/// </summary>
public class MatchQualityTests(ITestOutputHelper output)
{
    private sealed record Measured(
        int People, int Records, int TruePairs, int BlockedTruePairs, int ScoredPairs, int MaxBlock,
        int AutoPairs, int AutoCorrect, int SuggestPairs, int SuggestCorrect,
        Recall Contact, Recall NameOnly, Recall All,
        List<string> WrongMerges, List<string> Missed, List<(MatchResult Result, bool Same)> Scored);

    private sealed record Recall(int Pairs, int Blocked, int Found)
    {
        public double Blocking => Pairs == 0 ? 1 : (double)Blocked / Pairs;

        public double Value => Pairs == 0 ? 1 : (double)Found / Pairs;
    }

    private static readonly Lazy<Measured> Result = new(() => Measure(seed: 20240601, people: 2000));

    private static Measured Measure(int seed, int people)
    {
        var data = new SyntheticPeople(seed).Generate(people);
        var records = data.Records;
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var key in BlockingKeys.For(records[i].Record))
            {
                if (!blocks.TryGetValue(key, out var list))
                {
                    blocks[key] = list = [];
                }
                list.Add(i);
            }
        }
        var candidates = new HashSet<(int, int)>();
        foreach (var list in blocks.Values)
        {
            for (var x = 0; x < list.Count; x++)
            {
                for (var y = x + 1; y < list.Count; y++)
                {
                    candidates.Add((Math.Min(list[x], list[y]), Math.Max(list[x], list[y])));
                }
            }
        }

        var decisions = new Dictionary<(int, int), MatchResult>();
        var autoPairs = 0;
        var autoCorrect = 0;
        var suggestPairs = 0;
        var suggestCorrect = 0;
        var wrong = new List<string>();
        foreach (var (i, j) in candidates)
        {
            var result = DuplicateScorer.Score(records[i].Record, records[j].Record);
            decisions[(i, j)] = result;
            var same = records[i].PersonId == records[j].PersonId;
            if (result.Decision == MatchDecision.AutoMerge)
            {
                autoPairs++;
                autoCorrect += same ? 1 : 0;
                if (!same)
                {
                    var relation = data.People[Math.Max(records[i].PersonId, records[j].PersonId)].Relation;
                    wrong.Add($"{relation}: {records[i].Source} {records[i].Record.NameText} / {records[j].Source} {records[j].Record.NameText}: {result}");
                }
            }
            else if (result.Decision == MatchDecision.Suggest)
            {
                suggestPairs++;
                suggestCorrect += same ? 1 : 0;
            }
        }

        var contact = new List<(bool Blocked, bool Found)>();
        var nameOnly = new List<(bool Blocked, bool Found)>();
        var all = new List<(bool Blocked, bool Found)>();
        var missed = new List<string>();
        foreach (var group in Enumerable.Range(0, records.Count).GroupBy(i => records[i].PersonId))
        {
            var members = group.ToList();
            for (var x = 0; x < members.Count; x++)
            {
                for (var y = x + 1; y < members.Count; y++)
                {
                    var (i, j) = (members[x], members[y]);
                    var blocked = decisions.TryGetValue((i, j), out var result);
                    var found = blocked && result!.Decision != MatchDecision.Different;
                    var a = records[i].Record;
                    var b = records[j].Record;
                    all.Add((blocked, found));
                    if (a.Phones.Intersect(b.Phones).Any() || a.Emails.Intersect(b.Emails).Any())
                    {
                        contact.Add((blocked, found));
                    }
                    else if (!a.ExternalIds.Any(id => b.ExternalIds.Any(id.SameAs)) && !a.ProfileLinks.Intersect(b.ProfileLinks).Any()
                        && TwoNamePartsOnBothSides(a, b)
                        && ((a.BirthDate is not null && b.BirthDate is not null) || (a.City is not null && b.City is not null)))
                    {
                        nameOnly.Add((blocked, found));
                        if (!found)
                        {
                            missed.Add($"{(blocked ? "scored" : "unblocked")}: {Describe(records[i])} / {Describe(records[j])}" + (blocked ? ": " + result : ""));
                        }
                    }
                }
            }
        }

        return new Measured(data.People.Count, records.Count, all.Count, all.Count(p => p.Blocked), candidates.Count,
            blocks.Values.Max(b => b.Count), autoPairs, autoCorrect, suggestPairs, suggestCorrect,
            Tally(contact), Tally(nameOnly), Tally(all), wrong, missed,
            decisions.Select(d => (d.Value, records[d.Key.Item1].PersonId == records[d.Key.Item2].PersonId)).ToList());
    }

    private static string Describe(SyntheticPeople.Labelled r) =>
        $"{r.Source} [{r.Record.Surname}|{r.Record.FirstName}|{r.Record.Patronymic}] {r.Record.BirthDate} {r.Record.City}";

    /// <summary>A name-only pair has something to compare: surname and first name, or first name and patronymic, on
    /// both sides. An Excel row «Иван Иванович» against a LinkedIn "Ivan Ivanov" shares only a first name.</summary>
    private static bool TwoNamePartsOnBothSides(PersonRecord a, PersonRecord b)
    {
        static bool Both(string? x, string? y) => !string.IsNullOrWhiteSpace(x) && !string.IsNullOrWhiteSpace(y);
        return Both(a.FirstName, b.FirstName) && (Both(a.Surname, b.Surname) || Both(a.Patronymic, b.Patronymic));
    }

    private static Recall Tally(List<(bool Blocked, bool Found)> pairs) =>
        new(pairs.Count, pairs.Count(p => p.Blocked), pairs.Count(p => p.Found));

    private void Report(Measured m)
    {
        output.WriteLine($"{m.People} people, {m.Records} records, {m.TruePairs} true pairs, {m.ScoredPairs} pairs scored (largest block {m.MaxBlock})");
        output.WriteLine($"blocking recall (true pairs sharing a key): {(double)m.BlockedTruePairs / m.TruePairs:F4}");
        output.WriteLine($"auto-merge: {m.AutoPairs} pairs, precision {Ratio(m.AutoCorrect, m.AutoPairs):F4}, recall {Ratio(m.AutoCorrect, m.TruePairs):F4}");
        output.WriteLine($"suggest: {m.SuggestPairs} pairs, precision {Ratio(m.SuggestCorrect, m.SuggestPairs):F4}");
        output.WriteLine($"auto+suggest: recall {m.All.Value:F4}, precision {Ratio(m.AutoCorrect + m.SuggestCorrect, m.AutoPairs + m.SuggestPairs):F4}");
        output.WriteLine($"  phone or e-mail agrees: {m.Contact.Pairs} pairs, blocking {m.Contact.Blocking:F4}, recall {m.Contact.Value:F4}");
        output.WriteLine($"  name-only with birth date or city: {m.NameOnly.Pairs} pairs, blocking {m.NameOnly.Blocking:F4}, recall {m.NameOnly.Value:F4}");
        foreach (var threshold in new[] { 14.0, 15, 16, 17, 18, 19, 20 })
        {
            var auto = m.Scored.Where(p => p.Result.Decision != MatchDecision.Different && p.Result.Score >= threshold
                && (p.Result.Has(MatchReasonKind.ExternalId) || !p.Result.Reasons.Any(r => r.BlocksAutoMerge))
                && p.Result.Reasons.Any(r => r.Kind is MatchReasonKind.Phone or MatchReasonKind.Email or MatchReasonKind.ProfileLink
                    or MatchReasonKind.FileHash or MatchReasonKind.ExternalId)).ToList();
            output.WriteLine($"  auto-merge at {threshold}: {auto.Count} pairs, precision {Ratio(auto.Count(p => p.Same), auto.Count):F4}, recall {Ratio(auto.Count(p => p.Same), m.TruePairs):F4}");
        }
        foreach (var line in m.WrongMerges.Take(20))
        {
            output.WriteLine("wrong merge: " + line);
        }
        foreach (var line in m.Missed.Take(10))
        {
            output.WriteLine("missed: " + line);
        }
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;

    [Fact]
    public void Automatic_merges_are_nearly_always_right()
    {
        var m = Result.Value;
        Report(m);

        // measured: 1,031 automatic merges, precision 1.0000 (the issue's target is 0.995)
        Assert.True(m.AutoPairs >= 900, $"only {m.AutoPairs} automatic merges");
        Assert.True(Ratio(m.AutoCorrect, m.AutoPairs) >= 0.995, $"auto-merge precision {Ratio(m.AutoCorrect, m.AutoPairs):F4}");
    }

    [Fact]
    public void Blocking_keeps_the_pairs_that_can_be_told_and_few_others()
    {
        var m = Result.Value;
        Report(m);

        // measured: 5,990 pairs scored for 6,151 records (under one per record), largest block 8
        Assert.True(m.ScoredPairs < m.Records * 2, $"{m.ScoredPairs} pairs scored");
        Assert.True(m.MaxBlock <= 20, $"largest block {m.MaxBlock}");
        // measured 0.984 on name-only pairs; all pairs 0.704 (the rest share neither a contact nor two name parts)
        Assert.True(m.NameOnly.Blocking >= 0.97, $"blocking recall {m.NameOnly.Blocking:F4}");
    }

    [Fact]
    public void Pairs_sharing_a_phone_or_email_are_found()
    {
        var m = Result.Value;
        Report(m);

        // measured: 2,875 pairs, recall 0.9976
        Assert.True(m.Contact.Pairs > 2000, $"{m.Contact.Pairs} pairs");
        Assert.Equal(1.0, m.Contact.Blocking);
        Assert.True(m.Contact.Value >= 0.99, $"recall {m.Contact.Value:F4}");
    }

    [Fact]
    public void Name_only_variants_with_birth_date_or_city_are_found()
    {
        var m = Result.Value;
        Report(m);

        // measured: 2,157 pairs, recall 0.9754 (the issue's target is 0.90)
        Assert.True(m.NameOnly.Pairs > 1500, $"{m.NameOnly.Pairs} pairs");
        Assert.True(m.NameOnly.Value >= 0.96, $"recall {m.NameOnly.Value:F4} (blocking {m.NameOnly.Blocking:F4})");
    }
}
