using System.Text.Json;

namespace Ats.Api.Tests.Deduplication.Names;

/// <summary>
/// The sample pairs of ../shared/testdata/translit (iuliia: one JSON file per scheme, "samples": [[cyrillic, latin]…]).
/// Read at test time only: the files' licence does not let them ship with the product.
/// </summary>
public static class TranslitSamples
{
    public sealed record Sample(string Scheme, int Index, string Cyrillic, string Latin);

    private static readonly Lazy<IReadOnlyList<Sample>> Cache = new(Load);

    public static IReadOnlyList<Sample> All => Cache.Value;

    public static IEnumerable<Sample> Of(string scheme) => All.Where(s => s.Scheme == scheme);

    private static List<Sample> Load()
    {
        var samples = new List<Sample>();
        foreach (var file in Directory.GetFiles(TestData.Get("translit"), "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var scheme = document.RootElement.GetProperty("name").GetString()!;
            var index = 0;
            foreach (var pair in document.RootElement.GetProperty("samples").EnumerateArray())
            {
                samples.Add(new Sample(scheme, index++, pair[0].GetString()!, pair[1].GetString()!));
            }
        }
        return samples;
    }
}
