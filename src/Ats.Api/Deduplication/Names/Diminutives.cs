namespace Ats.Api.Deduplication.Names;

/// <summary>
/// Short and diminutive first names and the full names they stand for (Саша → Александр/Александра, Вася/Васёк →
/// Василий, Лёша → Алексей …), in Cyrillic or any Latin spelling (Sasha, Vanya, Dima). The table is
/// <see cref="FirstNameTable"/> (hand-compiled; its source and how to maintain it are described there).
/// </summary>
public static class Diminutives
{
    /// <summary>
    /// The full (passport) forms a first name can stand for, in their Cyrillic spelling: itself when it is a full
    /// name, and every name it is a short form or a foreign equivalent of. Саша → Александр, Александра;
    /// Vanya → Иван; Eugene → Евгений; Иван → Иван. Empty for a name the table does not know.
    /// </summary>
    public static IReadOnlyCollection<string> FullNamesFor(string? name) =>
        Lookup(name).Select(m => m.Entry.FullName).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Whether two first names can belong to one person (any agreement but <see cref="FirstNameAgreement.None"/>).</summary>
    public static bool SameFirstName(string? a, string? b) => Compare(a, b) != FirstNameAgreement.None;

    /// <summary>
    /// How two first names agree: <see cref="FirstNameAgreement.Exact"/> (case and ё/е aside),
    /// <see cref="FirstNameAgreement.Transliterated"/> (same <see cref="Transliteration.NameKey"/> under some reading),
    /// <see cref="FirstNameAgreement.Diminutive"/> (both stand for one full name, at least one as a short form),
    /// <see cref="FirstNameAgreement.ForeignEquivalent"/>, or <see cref="FirstNameAgreement.None"/>.
    /// Александр and Александра do not agree: same stem, different names.
    /// </summary>
    public static FirstNameAgreement Compare(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
        {
            return FirstNameAgreement.None;
        }
        if (Plain(a) == Plain(b))
        {
            return FirstNameAgreement.Exact;
        }
        if (Transliteration.SameName(a, b))
        {
            return FirstNameAgreement.Transliterated;
        }
        var left = Lookup(a);
        var right = Lookup(b);
        var best = FirstNameAgreement.None;
        foreach (var l in left)
        {
            foreach (var r in right.Where(r => ReferenceEquals(r.Entry, l.Entry)))
            {
                // Two full names meeting here would have had one key already; what is left is a short or foreign form.
                var kind = l.Form == Form.Foreign || r.Form == Form.Foreign
                    ? FirstNameAgreement.ForeignEquivalent
                    : FirstNameAgreement.Diminutive;
                if (best == FirstNameAgreement.None || kind == FirstNameAgreement.Diminutive)
                {
                    best = kind;
                }
            }
        }
        return best;
    }

    internal enum Form
    {
        Full,
        Short,
        Foreign,
    }

    internal readonly record struct Match(FirstNameTable.Entry Entry, Form Form);

    /// <summary>Every table entry a first name can be, with the form it was recognised as.</summary>
    internal static IReadOnlyList<Match> Lookup(string? name) => string.IsNullOrWhiteSpace(name) ? [] : Lookups.Get(name);

    private static readonly Memo<IReadOnlyList<Match>> Lookups = new(ComputeLookup);

    private static IReadOnlyList<Match> ComputeLookup(string? name)
    {
        var matches = new List<Match>();
        if (string.IsNullOrWhiteSpace(name))
        {
            return matches;
        }
        foreach (var key in Transliteration.NameKeyVariants(name))
        {
            Add(FirstNameTable.ByFullKey, key, Form.Full);
            Add(FirstNameTable.ByShortKey, key, Form.Short);
            Add(FirstNameTable.ByForeignKey, key, Form.Foreign);
        }
        return matches;

        void Add(IReadOnlyDictionary<string, FirstNameTable.Entry[]> index, string key, Form form)
        {
            if (!index.TryGetValue(key, out var entries))
            {
                return;
            }
            foreach (var entry in entries)
            {
                if (!matches.Any(m => ReferenceEquals(m.Entry, entry) && m.Form == form))
                {
                    matches.Add(new Match(entry, form));
                }
            }
        }
    }

    /// <summary>Case, ё/е and spacing aside: what "the same text" means for a name.</summary>
    internal static string Plain(string text) =>
        string.Join(' ', text.Trim().ToLowerInvariant().Replace('ё', 'е')
            .Split([' ', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
}
