using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ats.Api.Candidates;

namespace Ats.Api.Deduplication;

/// <summary>
/// A candidate's editable profile as plain values, for the merge record (JSON) and for comparing field by field.
/// <see cref="DisplayName"/> is null when the display name is just the composed ФИО.
/// </summary>
public sealed record ProfileSnapshot(
    string? Surname,
    string? FirstName,
    string? Patronymic,
    string? DisplayName,
    string? BirthDate,
    string? Gender,
    string? City,
    string? DesiredPosition,
    decimal? SalaryAmount,
    string? SalaryCurrency,
    string? Summary,
    IReadOnlyList<string> Tags,
    string Status)
{
    /// <summary>Profile fields in the order a person reads them; the names the merge request's <c>take</c> uses.</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["surname", "firstName", "patronymic", "displayName", "birthDate", "gender", "city", "desiredPosition", "salary", "summary", "tags", "status"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static ProfileSnapshot From(Candidate c)
    {
        var p = c.Profile;
        return new ProfileSnapshot(p.Surname, p.FirstName, p.Patronymic, p.DisplayName, p.BirthDate?.ToString(),
            p.Gender is { } g ? Http.JsonEnum.ToText(g) : null, p.City, p.DesiredPosition, p.SalaryAmount, p.SalaryCurrency, p.Summary,
            [.. p.Tags], Http.JsonEnum.ToText(p.Status));
    }

    public CandidateProfile ToProfile() => new(Surname, FirstName, Patronymic, DisplayName,
        BirthDate is not null && PartialDate.TryParse(BirthDate, out var d, out _) ? d : null,
        Gender is not null && Http.JsonEnum.TryParse<Candidates.Gender>(Gender, out var g) ? g : null,
        City, DesiredPosition, SalaryAmount, SalaryCurrency, Summary, [.. Tags],
        Http.JsonEnum.TryParse<CandidateStatus>(Status, out var s) ? s : CandidateStatus.New);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ProfileSnapshot FromJson(string json) => JsonSerializer.Deserialize<ProfileSnapshot>(json, Json)
        ?? throw new InvalidOperationException("Empty profile snapshot.");

    /// <summary>The field's value as comparable text (null when empty).</summary>
    public string? Get(string field) => field switch
    {
        "surname" => Surname,
        "firstName" => FirstName,
        "patronymic" => Patronymic,
        "displayName" => DisplayName,
        "birthDate" => BirthDate,
        "gender" => Gender,
        "city" => City,
        "desiredPosition" => DesiredPosition,
        "salary" => SalaryAmount is { } a ? a.ToString(CultureInfo.InvariantCulture) + " " + SalaryCurrency : null,
        "summary" => Summary,
        "tags" => Tags.Count == 0 ? null : string.Join('\n', Tags),
        "status" => Status,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a profile field."),
    };

    /// <summary>A copy with one field taken from <paramref name="other"/>.</summary>
    public ProfileSnapshot With(string field, ProfileSnapshot other) => field switch
    {
        "surname" => this with { Surname = other.Surname },
        "firstName" => this with { FirstName = other.FirstName },
        "patronymic" => this with { Patronymic = other.Patronymic },
        "displayName" => this with { DisplayName = other.DisplayName },
        "birthDate" => this with { BirthDate = other.BirthDate },
        "gender" => this with { Gender = other.Gender },
        "city" => this with { City = other.City },
        "desiredPosition" => this with { DesiredPosition = other.DesiredPosition },
        "salary" => this with { SalaryAmount = other.SalaryAmount, SalaryCurrency = other.SalaryCurrency },
        "summary" => this with { Summary = other.Summary },
        "tags" => this with { Tags = other.Tags },
        "status" => this with { Status = other.Status },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a profile field."),
    };

    public bool Equals(ProfileSnapshot? other) =>
        other is not null && Fields.All(f => Get(f) == other.Get(f));

    public override int GetHashCode() => Fields.Aggregate(0, (h, f) => HashCode.Combine(h, Get(f)));
}

/// <summary>
/// The profile rules of a merge and an unmerge, pure so they can be tested without a database.
/// </summary>
public static class ProfileMerge
{
    /// <summary>
    /// The kept profile after a merge: every field keeps the kept candidate's value, an empty one is filled from the
    /// merged candidate, and the fields a person named in <paramref name="take"/> come from the merged candidate.
    /// Tags are the union. Returns, for every field that holds a value, whose value it is.
    /// </summary>
    public static (ProfileSnapshot Result, Dictionary<string, Guid> Sources) Combine(
        ProfileSnapshot kept, Guid keptId, ProfileSnapshot merged, Guid mergedId, IReadOnlySet<string> take)
    {
        var result = kept;
        var sources = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var field in ProfileSnapshot.Fields)
        {
            if (field == "tags")
            {
                var union = kept.Tags.Concat(merged.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Take(CandidateProfile.TagsMax).ToList();
                result = result with { Tags = union };
                if (union.Count > 0)
                {
                    sources[field] = kept.Tags.Count > 0 ? keptId : mergedId;
                }
                continue;
            }
            var useMerged = take.Contains(field) ? merged.Get(field) is not null : kept.Get(field) is null && merged.Get(field) is not null;
            // The status is the kept person's recruiting state; a merged "new" must not overwrite an "active".
            if (field == "status" && !take.Contains(field))
            {
                useMerged = false;
            }
            if (useMerged)
            {
                result = result.With(field, merged);
            }
            if (result.Get(field) is not null)
            {
                sources[field] = useMerged ? mergedId : keptId;
            }
        }
        return (result, sources);
    }

    /// <summary>
    /// The kept profile after an unmerge: a field still holding the value the merge gave it goes back to what it was
    /// before; a field someone edited since the merge keeps the edit (and is reported), because that edit is newer
    /// knowledge about the kept person than either old value.
    /// </summary>
    public static (ProfileSnapshot Result, List<string> LeftAsEdited) Restore(ProfileSnapshot before, ProfileSnapshot after, ProfileSnapshot current)
    {
        var result = current;
        var edited = new List<string>();
        foreach (var field in ProfileSnapshot.Fields)
        {
            if (after.Get(field) == current.Get(field))
            {
                result = result.With(field, before);
            }
            else
            {
                edited.Add(field);
            }
        }
        return (result, edited);
    }
}
