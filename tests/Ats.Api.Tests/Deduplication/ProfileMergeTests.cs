using Ats.Api.Candidates;
using Ats.Api.Deduplication;
using Ats.Api.Deduplication.Matching;

namespace Ats.Api.Tests.Deduplication;

public sealed class ProfileMergeTests
{
    private static readonly Guid Kept = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Merged = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    private static ProfileSnapshot Snapshot(string? surname = "Иванов", string? first = "Иван", string? patronymic = null, string? city = null,
        string? birth = null, string[]? tags = null, string status = "active", decimal? salary = null) =>
        new(surname, first, patronymic, null, birth, null, city, null, salary, salary is null ? null : "RUB", null, tags ?? [], status);

    [Fact]
    public void Kept_values_win_empty_fields_are_filled_and_each_value_names_its_record()
    {
        var kept = Snapshot(patronymic: "Иванович", tags: ["java"]);
        var merged = Snapshot(first: "Ваня", city: "Казань", birth: "1990", tags: ["kafka", "Java"], status: "new");
        var (result, sources) = ProfileMerge.Combine(kept, Kept, merged, Merged, new HashSet<string>());

        Assert.Equal("Иван", result.FirstName);
        Assert.Equal("Иванович", result.Patronymic);
        Assert.Equal("Казань", result.City);
        Assert.Equal("1990", result.BirthDate);
        Assert.Equal("active", result.Status);
        Assert.Equal(["java", "kafka"], result.Tags);
        Assert.Equal(Kept, sources["firstName"]);
        Assert.Equal(Merged, sources["city"]);
        Assert.Equal(Merged, sources["birthDate"]);
        Assert.Equal(Kept, sources["status"]);
        Assert.False(sources.ContainsKey("summary"));
    }

    [Fact]
    public void Fields_a_person_chose_come_from_the_merged_record_unless_it_has_nothing_there()
    {
        var kept = Snapshot(city: "Москва", salary: 100_000);
        var merged = Snapshot(city: "Казань", status: "reserve");
        var (result, sources) = ProfileMerge.Combine(kept, Kept, merged, Merged, new HashSet<string> { "city", "status", "salary" });
        Assert.Equal("Казань", result.City);
        Assert.Equal("reserve", result.Status);
        Assert.Equal(100_000, result.SalaryAmount); // the merged record has no salary: nothing to take
        Assert.Equal(Merged, sources["city"]);
        Assert.Equal(Kept, sources["salary"]);
    }

    [Fact]
    public void Restore_returns_untouched_fields_and_keeps_edits_made_after_the_merge()
    {
        var before = Snapshot(city: null, birth: null, tags: ["java"]);
        var merged = Snapshot(city: "Казань", birth: "1990", tags: ["kafka"]);
        var (after, _) = ProfileMerge.Combine(before, Kept, merged, Merged, new HashSet<string>());
        var current = after with { BirthDate = "1991" };

        var (restored, edited) = ProfileMerge.Restore(before, after, current);
        Assert.Null(restored.City);
        Assert.Equal("1991", restored.BirthDate);
        Assert.Equal(["java"], restored.Tags);
        Assert.Equal(["birthDate"], edited);
    }

    [Fact]
    public void Snapshot_round_trips_through_json_and_back_to_a_profile()
    {
        var snapshot = new ProfileSnapshot("Щеглова", "Юлия", "Сергеевна", "Юля Щеглова", "1991-04", "female", "Пермь", "QA", 150_000.50m, "RUB",
            "Итог", ["qa", "selenium"], "reserve");
        var back = ProfileSnapshot.FromJson(snapshot.ToJson());
        Assert.Equal(snapshot, back);
        var profile = back.ToProfile();
        Assert.Equal(new PartialDate(new DateOnly(1991, 4, 1), DatePrecision.Month), profile.BirthDate);
        Assert.Equal(Gender.Female, profile.Gender);
        Assert.Equal(CandidateStatus.Reserve, profile.Status);
        Assert.Equal("Юля Щеглова", profile.DisplayName);
    }

    [Fact]
    public void Not_the_same_person_reopens_only_on_strong_evidence_not_seen_when_a_person_decided()
    {
        var nameOnly = new MatchResult(8, MatchDecision.Suggest,
            [new MatchReason(MatchReasonKind.NameExact, 7, "same name"), new MatchReason(MatchReasonKind.SameCity, 1, "same city Томск")]);
        var row = new DuplicateSuggestion(Kept, Merged, nameOnly, DateTimeOffset.UnixEpoch);
        row.MarkNotSame(DuplicateSuggestion.Evidence(nameOnly), "r", "тёзки", DateTimeOffset.UnixEpoch);

        Assert.False(row.HasNewStrongEvidence(nameOnly));
        var birthday = nameOnly with { Reasons = [.. nameOnly.Reasons, new MatchReason(MatchReasonKind.SameBirthDate, 3, "same birth date 1990-01-01")] };
        Assert.False(row.HasNewStrongEvidence(birthday)); // weak evidence: still two people
        var phone = nameOnly with { Reasons = [.. nameOnly.Reasons, new MatchReason(MatchReasonKind.Phone, 9, "same phone +79991234567")] };
        Assert.True(row.HasNewStrongEvidence(phone));

        row.MarkNotSame(DuplicateSuggestion.Evidence(phone), "r", "отец и сын", DateTimeOffset.UnixEpoch);
        Assert.False(row.HasNewStrongEvidence(phone)); // the phone was seen when they said no
    }
}
