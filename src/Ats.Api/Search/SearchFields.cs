namespace Ats.Api.Search;

/// <summary>Field names of the candidate document. Text fields are analysed; the *_exact ones are filters and facets.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string Surname = "surname";
    public const string FirstName = "first_name";
    public const string Patronymic = "patronymic";
    public const string DisplayName = "display_name";
    /// <summary>Script-independent keys of every name part (Щеглова = Shcheglova = Scheglova), from the name normaliser.</summary>
    public const string NameKey = "name_key";
    public const string Position = "position";
    public const string City = "city";
    public const string CityExact = "city_exact";
    public const string Summary = "summary";
    public const string Skills = "skills";
    public const string Company = "company";
    public const string ResumeText = "text";
    /// <summary>Fingerprint of the résumé text the offsets of <see cref="ResumeText"/> point into (<see cref="ResumeTexts"/>).</summary>
    public const string TextFingerprint = "text_fingerprint";
    public const string Notes = "notes";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Link = "link";
    public const string Tag = "tag";
    public const string Source = "source";
    public const string Status = "status";
    public const string Vacancy = "vacancy";
    public const string HasResume = "has_resume";
    public const string Updated = "updated";
    public const string Created = "created";

    /// <summary>
    /// Résumé text: analysed, not stored, with character offsets in the postings so that snippets are cut from the
    /// stored original around the query's terms without analysing the text again (<see cref="OffsetSnippets"/>).
    /// Cheaper to write than a term vector, and no second copy of every word per document.
    /// </summary>
    public static readonly Lucene.Net.Documents.FieldType ResumeTextType = NewResumeTextType();

    private static Lucene.Net.Documents.FieldType NewResumeTextType()
    {
        var type = new Lucene.Net.Documents.FieldType(Lucene.Net.Documents.TextField.TYPE_NOT_STORED)
        {
            IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
        };
        type.Freeze();
        return type;
    }

    /// <summary>Where an unprefixed word is looked for, with boosts: a name or a position outweighs a word deep in a résumé.</summary>
    public static readonly IReadOnlyDictionary<string, float> Default = new Dictionary<string, float>
    {
        [Surname] = 4f,
        [FirstName] = 2f,
        [Patronymic] = 1.5f,
        [NameKey] = 1.5f,
        [Position] = 3f,
        [Skills] = 2.5f,
        [City] = 2f,
        [Company] = 1.5f,
        [Summary] = 1.5f,
        [ResumeText] = 1f,
        [Notes] = 0.8f,
        [Tag] = 2f,
    };
}
