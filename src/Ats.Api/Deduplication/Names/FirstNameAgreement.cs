namespace Ats.Api.Deduplication.Names;

/// <summary>How two first names agree, strongest first, as <see cref="Diminutives.Compare"/> reports it.</summary>
public enum FirstNameAgreement
{
    /// <summary>No agreement found.</summary>
    None,

    /// <summary>The same text up to case and ё/е (Артём / Артем).</summary>
    Exact,

    /// <summary>The same name in another script or spelling (Юлия / Iuliia / Julia, Наталья / Наталия).</summary>
    Transliterated,

    /// <summary>One is a short or diminutive form of the other, or both are short forms of one name
    /// (Ваня / Иван, Sasha / Александра, Саша / Шура).</summary>
    Diminutive,

    /// <summary>A foreign equivalent someone uses for themselves (Eugene / Евгений, Michael / Миша).</summary>
    ForeignEquivalent,
}
