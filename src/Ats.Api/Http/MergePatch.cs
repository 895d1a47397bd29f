using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ats.Api.Http;

/// <summary>
/// JSON Merge Patch (RFC 7396) applied to the current state serialised as JSON: members present in the patch
/// replace, null removes, nested objects merge. The result is deserialised and validated like a full update.
/// </summary>
public static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        var result = target as JsonObject ?? new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name]?.DeepClone(), value);
            }
        }
        return result;
    }

    /// <summary>Names in the patch that the target type does not have, reported as field errors instead of being ignored.</summary>
    public static IEnumerable<string> UnknownMembers(JsonObject patch, JsonObject known) =>
        patch.Select(p => p.Key).Where(k => !known.ContainsKey(k));

    public static async Task<(JsonObject? Patch, string? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not ("application/merge-patch+json" or "application/json"))
        {
            return (null, "media");
        }
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
            return node is JsonObject obj ? (obj, null) : (null, "The patch must be a JSON object.");
        }
        catch (JsonException e)
        {
            return (null, $"The patch is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).");
        }
    }
}
