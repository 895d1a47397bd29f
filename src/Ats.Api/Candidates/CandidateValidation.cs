using System.Globalization;
using System.Text;
using Ats.Api.Http;

namespace Ats.Api.Candidates;

/// <summary>Turns client input into domain values, collecting every field error at once.</summary>
public static class CandidateValidation
{
    public static CandidateProfile? ToProfile(CandidateProfileInput input, ValidationErrors errors)
    {
        var surname = Name("surname", input.Surname, errors);
        var firstName = Name("firstName", input.FirstName, errors);
        var patronymic = Name("patronymic", input.Patronymic, errors);
        if (surname is null && firstName is null && patronymic is null)
        {
            errors.Add("surname", "At least one of surname, firstName or patronymic is required.");
        }
        var displayName = Text("displayName", input.DisplayName, CandidateProfile.DisplayNameMax, errors);

        PartialDate? birth = null;
        if (!string.IsNullOrWhiteSpace(input.BirthDate))
        {
            if (PartialDate.TryParse(input.BirthDate, out var parsed, out var error))
            {
                birth = parsed;
            }
            else
            {
                errors.Add("birthDate", error!);
            }
        }

        Gender? gender = null;
        if (!string.IsNullOrWhiteSpace(input.Gender))
        {
            if (JsonEnum.TryParse<Gender>(input.Gender, out var g))
            {
                gender = g;
            }
            else
            {
                errors.Add("gender", $"Must be one of: {JsonEnum.Allowed<Gender>()}, or null when unknown.");
            }
        }

        var status = CandidateStatus.New;
        if (!string.IsNullOrWhiteSpace(input.Status) && !JsonEnum.TryParse(input.Status, out status))
        {
            errors.Add("status", $"Must be one of: {JsonEnum.Allowed<CandidateStatus>()}.");
        }

        decimal? amount = null;
        string? currency = null;
        if (input.Salary is { } salary)
        {
            amount = salary.Amount;
            if (amount is < 0 or >= 1_000_000_000_000m)
            {
                errors.Add("salary.amount", "Must be between 0 and 999 999 999 999.99.");
            }
            else if (amount is { } a && decimal.Round(a, 2) != a)
            {
                errors.Add("salary.amount", "At most two decimal places.");
            }
            currency = Currency(salary.Currency, errors);
            if (amount is not null && currency is null && string.IsNullOrWhiteSpace(salary.Currency))
            {
                errors.Add("salary.currency", "Required when an amount is given (ISO 4217, e.g. RUB, USD, EUR).");
            }
        }

        var tags = Tags(input.Tags, errors);
        var city = Text("city", input.City, CandidateProfile.CityMax, errors);
        var position = Text("desiredPosition", input.DesiredPosition, CandidateProfile.PositionMax, errors);
        var summary = Multiline("summary", input.Summary, CandidateProfile.SummaryMax, errors);

        return errors.IsValid
            ? new CandidateProfile(surname, firstName, patronymic, displayName, birth, gender, city, position, amount, currency, summary, tags, status)
            : null;
    }

    public static CandidateProfileInput ToInput(CandidateProfile p) => new()
    {
        Surname = p.Surname,
        FirstName = p.FirstName,
        Patronymic = p.Patronymic,
        DisplayName = p.DisplayName,
        BirthDate = p.BirthDate?.ToString(),
        Gender = p.Gender is { } g ? JsonEnum.ToText(g) : null,
        City = p.City,
        DesiredPosition = p.DesiredPosition,
        Salary = p.SalaryAmount is null && p.SalaryCurrency is null ? null : new SalaryDto(p.SalaryAmount, p.SalaryCurrency?.Trim()),
        Summary = p.Summary,
        Tags = [.. p.Tags],
        Status = JsonEnum.ToText(p.Status),
    };

    private static string? Name(string field, string? value, ValidationErrors errors)
    {
        var text = Text(field, value, CandidateProfile.NameMax, errors);
        if (text is not null && !text.Any(char.IsLetter))
        {
            errors.Add(field, "Must contain letters.");
        }
        return text;
    }

    /// <summary>Single-line text: trimmed, inner whitespace collapsed, control characters refused, empty becomes null.</summary>
    /// <summary>NUL and other control characters, or half of a surrogate pair: PostgreSQL cannot store them as text.</summary>
    public static bool HasUnstorableCharacters(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return true;
            }
            if (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])))
            {
                return true;
            }
            if (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1])))
            {
                return true;
            }
        }
        return false;
    }

    internal static string? Text(string field, string? value, int max, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (HasUnstorableCharacters(value))
        {
            errors.Add(field, "Contains control characters or broken Unicode.");
            return null;
        }
        var sb = new StringBuilder(value.Length);
        foreach (var part in value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }
            sb.Append(part);
        }
        var text = sb.ToString().Normalize(NormalizationForm.FormC);
        if (text.Length > max)
        {
            errors.Add(field, $"Must be at most {max} characters.");
            return null;
        }
        return text;
    }

    internal static string? Multiline(string field, string? value, int max, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (HasUnstorableCharacters(value))
        {
            errors.Add(field, "Contains control characters or broken Unicode.");
            return null;
        }
        var text = value.Trim().Normalize(NormalizationForm.FormC);
        if (text.Length > max)
        {
            errors.Add(field, $"Must be at most {max} characters.");
            return null;
        }
        return text;
    }

    private static string? Currency(string? value, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var code = value.Trim().ToUpperInvariant();
        // hh.ru's API still says RUR for the rouble.
        code = code switch { "RUR" or "РУБ" or "РУБ." or "₽" => "RUB", _ => code };
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            errors.Add("salary.currency", "Use a three-letter ISO 4217 code, e.g. RUB, USD, EUR.");
            return null;
        }
        return code;
    }

    private static List<string> Tags(List<string>? tags, ValidationErrors errors)
    {
        var result = new List<string>();
        if (tags is null)
        {
            return result;
        }
        if (tags.Count > CandidateProfile.TagsMax)
        {
            errors.Add("tags", $"At most {CandidateProfile.TagsMax} tags.");
            return result;
        }
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = Text($"tags[{i}]", tags[i], CandidateProfile.TagMax, errors)?.ToLower(CultureInfo.InvariantCulture);
            if (tag is null)
            {
                if (string.IsNullOrWhiteSpace(tags[i]))
                {
                    errors.Add($"tags[{i}]", "Empty tag.");
                }
                continue;
            }
            if (!result.Contains(tag, StringComparer.Ordinal))
            {
                result.Add(tag);
            }
        }
        return result;
    }
}
