namespace Ats.Api.Deduplication.Names;

/// <summary>How two surnames agree, as <see cref="GenderDetector.CompareSurnames"/> reports it.</summary>
public enum SurnameAgreement
{
    /// <summary>Different family names.</summary>
    Different,

    /// <summary>The same text up to case and ё/е.</summary>
    Exact,

    /// <summary>The same name in another script or spelling scheme (Щеглова / Shcheglova).</summary>
    Transliterated,

    /// <summary>One family name in its male and female forms (Иванов / Иванова, Ivanov / Ivanova): the same family,
    /// not the same person unless the rest of the evidence agrees.</summary>
    GenderForms,
}
