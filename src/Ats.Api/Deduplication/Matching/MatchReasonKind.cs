namespace Ats.Api.Deduplication.Matching;

/// <summary>The kind of one piece of evidence in a <see cref="MatchResult"/>, for filtering and display.</summary>
public enum MatchReasonKind
{
    ExternalId,
    FileHash,
    ProfileLink,
    Email,
    Phone,
    ResumeText,

    /// <summary>The name parts both records have are written the same (case and ё/е aside).</summary>
    NameExact,

    /// <summary>The same name in another script or transliteration scheme (Иванов / Ivanov).</summary>
    NameTransliterated,

    /// <summary>A short or diminutive first name against the full one (Ваня / Иван).</summary>
    NameDiminutive,

    /// <summary>A foreign equivalent of the first name (Eugene / Евгений).</summary>
    NameForeignEquivalent,

    /// <summary>Surname and first name agree only when swapped (a form filled the wrong way round).</summary>
    NameReordered,

    /// <summary>Only part of the name can be compared: a surname, first name or patronymic is missing on one side,
    /// or only one part of a double surname agrees.</summary>
    NamePartial,

    /// <summary>A name part differs by one letter: likely a typo, but not proof.</summary>
    NameSimilar,

    /// <summary>One family name in its male and female forms, both records being of one gender (Иванов Мария).</summary>
    SurnameGenderForms,
    DifferentSurname,
    DifferentFirstName,
    DifferentPatronymic,
    DifferentGender,
    SameBirthDate,
    DifferentBirthDate,
    SameCity,
    DifferentCity,
}
