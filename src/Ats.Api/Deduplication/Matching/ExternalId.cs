using Ats.Api.Candidates;

namespace Ats.Api.Deduplication.Matching;

/// <summary>A résumé's id on one job site (hh.ru resume id, SuperJob id …): one id on one site is one person.</summary>
public sealed record ExternalId(SourceSite Site, string Id)
{
    /// <summary>Ids are compared without case or surrounding spaces: sites print them in either case.</summary>
    public string Normalized => Id.Trim().ToLowerInvariant();

    public bool SameAs(ExternalId other) => Site == other.Site && Normalized == other.Normalized;

    public override string ToString() => $"{Site}:{Id}";
}
