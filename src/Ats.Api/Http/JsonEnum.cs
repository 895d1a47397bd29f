using System.Collections.Frozen;
using System.Text.Json;

namespace Ats.Api.Http;

/// <summary>
/// One spelling for enum values everywhere: snake_case lower in JSON and in the database,
/// so that a compliance officer's SQL and the API read the same words.
/// </summary>
public static class JsonEnum
{
    public static string ToText<T>(T value) where T : struct, Enum => Cache<T>.ToText[value];

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        if (text is not null && Cache<T>.FromText.TryGetValue(text.Trim(), out value))
        {
            return true;
        }
        value = default;
        return false;
    }

    public static string Allowed<T>() where T : struct, Enum => string.Join(", ", Cache<T>.ToText.Values);

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ToText =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, T> FromText =
            ToText.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);
    }
}
