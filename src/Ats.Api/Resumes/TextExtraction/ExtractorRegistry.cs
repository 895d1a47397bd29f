namespace Ats.Api.Resumes.TextExtraction;

/// <summary>Every <see cref="ITextExtractor"/> in this assembly, by the format it reads.</summary>
public static class ExtractorRegistry
{
    private static readonly Lazy<IReadOnlyDictionary<FileFormat, ITextExtractor>> All = new(() =>
        typeof(ITextExtractor).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ITextExtractor).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ITextExtractor)Activator.CreateInstance(t)!)
            .SelectMany(e => e.Formats.Select(f => (Format: f, Extractor: e)))
            .ToDictionary(x => x.Format, x => x.Extractor));

    public static ITextExtractor? For(FileFormat format) => All.Value.GetValueOrDefault(format);

    public static IEnumerable<FileFormat> Formats => All.Value.Keys;
}
