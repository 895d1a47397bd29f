using System.Globalization;

namespace Ats.Api.Candidates;

public enum DatePrecision
{
    Year,
    Month,
    Day,
}

/// <summary>
/// A date known to a year, a month or a day — job sites often give only an age or a birth year.
/// Stored as the first day of the known period plus its precision, so it can still be range-queried.
/// Text form: "1990", "1990-05", "1990-05-17".
/// </summary>
public readonly record struct PartialDate(DateOnly Value, DatePrecision Precision)
{
    public static bool TryParse(string? text, out PartialDate date, out string? error)
    {
        date = default;
        error = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "Empty date.";
            return false;
        }
        var parts = text.Split('-');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)) || parts[0].Length != 4
            || parts.Skip(1).Any(p => p.Length != 2))
        {
            error = "Use YYYY, YYYY-MM or YYYY-MM-DD.";
            return false;
        }
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
        var day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 1;
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = "Not a real date (year from 1900).";
            return false;
        }
        date = new PartialDate(new DateOnly(year, month, day), (DatePrecision)(parts.Length - 1));
        return true;
    }

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Value.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => Value.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
