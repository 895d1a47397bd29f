namespace Ats.Api.Search.Analysis;

/// <summary>Configuration section <c>Search:SkillSynonyms</c>.</summary>
public sealed class SkillSynonymsOptions
{
    /// <summary>An administrator's synonym file (Solr format). It may be missing; it is read again when it changes.</summary>
    public string? FilePath { get; set; }

    /// <summary>Whether the built-in list is loaded too. Turn off to replace it entirely with <see cref="FilePath"/>.</summary>
    public bool IncludeDefaults { get; set; } = true;

    /// <summary>How often, at most, the file's size and time stamp are looked at.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(2);
}
