using System.ComponentModel.DataAnnotations;

namespace Ats.Api.Deduplication.Matching;

/// <summary>
/// Where the score turns into a decision (configuration section <see cref="Section"/>). The defaults were set on the
/// generated benchmark in tests/Ats.Api.Tests/Deduplication/Matching and the hand-made cases beside it; see README.md.
/// </summary>
public sealed class MatchThresholds
{
    public const string Section = "Deduplication:Matching";

    /// <summary>
    /// Score from which a pair is merged without asking — and only when a phone, e-mail, profile link or file is shared
    /// and no reason blocks it. 18 is a shared phone (9) with a surname and a first name that agree (7) and one thing
    /// more that a relative sharing the phone would not have: a birth year, a patronymic, the e-mail too. A phone with
    /// surname and first name alone is what a father and a son named alike also have (on the generated benchmark 14
    /// gave precision 0.995, 17 gave 0.9975, 18 gave 1.0 — README.md).
    /// </summary>
    [Range(0, 100)]
    public double AutoMerge { get; set; } = 18;

    /// <summary>
    /// Score from which a pair is shown to a recruiter. 6 lets a name that agrees (surname and first name, any
    /// spelling) plus a birth year or a city through: missing a duplicate means paying for the contact again, and a
    /// suggestion costs a recruiter one look.
    /// </summary>
    [Range(0, 100)]
    public double Suggest { get; set; } = 6;
}
