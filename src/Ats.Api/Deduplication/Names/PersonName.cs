namespace Ats.Api.Deduplication.Names;

/// <summary>
/// A person's name split into its parts (ФИО), as <see cref="NameParser.Parse"/> recognised them. Parts are the
/// words as written (capitals normalised: IVANOV → Ivanov), in their own script; compare them with
/// <see cref="Transliteration.NameKey"/>, <see cref="Diminutives.Compare"/> and <see cref="GenderDetector.CompareSurnames"/>.
/// A part known only by its initial («Иванов И.И.») has the initial and a null name.
/// </summary>
public sealed record PersonName(string? Surname, string? FirstName, string? Patronymic)
{
    public static PersonName Empty { get; } = new(null, null, null);

    public char? SurnameInitial { get; init; }

    public char? FirstInitial { get; init; }

    public char? PatronymicInitial { get; init; }

    /// <summary>Where the surname stood in the text.</summary>
    public NameOrder Order { get; init; }

    public bool IsEmpty => Surname is null && FirstName is null && Patronymic is null
        && SurnameInitial is null && FirstInitial is null && PatronymicInitial is null;

    /// <summary>The name in the order of Russian documents: «Иванов Иван Иванович», «Иванов И. И.».</summary>
    public override string ToString() =>
        string.Join(' ', new[]
        {
            Surname ?? Initial(SurnameInitial),
            FirstName ?? Initial(FirstInitial),
            Patronymic ?? Initial(PatronymicInitial),
        }.Where(p => p is not null));

    private static string? Initial(char? initial) => initial is { } c ? c + "." : null;
}
