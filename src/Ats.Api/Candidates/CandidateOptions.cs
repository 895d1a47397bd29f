using System.ComponentModel.DataAnnotations;

namespace Ats.Api.Candidates;

public sealed class CandidateOptions
{
    public const string Section = "Candidates";
    public const int MaxContactsPerKind = 20;

    /// <summary>Region assumed for phone numbers written without a country code (ISO 3166 alpha-2).</summary>
    [Required, RegularExpression("^[A-Z]{2}$", ErrorMessage = "Candidates:DefaultPhoneRegion must be a two-letter ISO 3166 region such as RU.")]
    public string DefaultPhoneRegion { get; set; } = "RU";
}
