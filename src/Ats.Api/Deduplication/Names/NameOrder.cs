namespace Ats.Api.Deduplication.Names;

/// <summary>Where the surname stood in the parsed text: a scorer may call a match "reordered".</summary>
public enum NameOrder
{
    /// <summary>No surname, or nothing to compare it with.</summary>
    Unknown,

    /// <summary>Иванов Иван Иванович, IVANOV, Ivan — the order of Russian documents and forms.</summary>
    SurnameFirst,

    /// <summary>Иван Иванович Иванов, Ivan Ivanov — the order of speech and of Latin-script profiles.</summary>
    SurnameLast,
}
