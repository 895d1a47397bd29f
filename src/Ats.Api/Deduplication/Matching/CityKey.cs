using Ats.Api.Deduplication.Names;

namespace Ats.Api.Deduplication.Matching;

/// <summary>
/// A city name reduced to one comparable key: «г. Москва», "Moscow", «МОСКВА» and «москва» meet; Казань and Kazan
/// meet through <see cref="Transliteration.NameKey"/>. Used for a weak match signal and a blocking key, never shown.
/// </summary>
public static class CityKey
{
    // English exonyms and nicknames that no transliteration produces; the rest of the cities meet by their key.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["moscow"] = "Москва",
        ["msk"] = "Москва",
        ["мск"] = "Москва",
        ["saint petersburg"] = "Санкт-Петербург",
        ["st petersburg"] = "Санкт-Петербург",
        ["st. petersburg"] = "Санкт-Петербург",
        ["petersburg"] = "Санкт-Петербург",
        ["спб"] = "Санкт-Петербург",
        ["spb"] = "Санкт-Петербург",
        ["питер"] = "Санкт-Петербург",
        ["петербург"] = "Санкт-Петербург",
        ["nizhniy novgorod"] = "Нижний Новгород",
        ["archangelsk"] = "Архангельск",
        ["rostov-on-don"] = "Ростов-на-Дону",
        ["rostov on don"] = "Ростов-на-Дону",
        ["rostov-na-donu"] = "Ростов-на-Дону",
    };

    private static readonly string[] Prefixes = ["г.", "г ", "город ", "city of "];

    /// <summary>The key, or null when there is no city.</summary>
    public static string? For(string? city) => string.IsNullOrWhiteSpace(city) ? null : Keys.Get(city);

    private static readonly Names.Memo<string?> Keys = new(Compute, 10_000);

    private static string? Compute(string city)
    {
        var text = city.Trim().ToLowerInvariant().Replace('ё', 'е');
        foreach (var prefix in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..].Trim();
            }
        }
        // "Moscow, Russia" / «Москва, Россия»: the city is the first part.
        var comma = text.IndexOf(',');
        if (comma > 0)
        {
            text = text[..comma].Trim();
        }
        if (Aliases.TryGetValue(text, out var canonical))
        {
            text = canonical;
        }
        var key = Transliteration.NameKey(text);
        return key.Length == 0 ? null : key;
    }

    public static bool Same(string? a, string? b) => For(a) is { } left && left == For(b);
}
