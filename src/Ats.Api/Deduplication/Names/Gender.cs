namespace Ats.Api.Deduplication.Names;

/// <summary>Grammatical gender of a Russian name, which is what the name itself can tell.</summary>
public enum Gender
{
    Unknown,
    Male,
    Female,
}
