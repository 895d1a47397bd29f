using System.Text;
using System.Text.Json.Nodes;
using Ats.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Ats.Api.Tests.Http;

public class MergePatchTests
{
    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual),
            $"Expected {expected} but got {actual?.ToJsonString() ?? "null"}.");

    /// <summary>RFC 7396, Appendix A: original document, patch, result.</summary>
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Rfc_7396_appendix_a_examples_give_the_specified_result(string original, string patch, string result)
    {
        AssertJson(result, MergePatch.Apply(JsonNode.Parse(original), JsonNode.Parse(patch)));
    }

    [Fact]
    public void Null_member_removes_the_member_rather_than_setting_it_to_null()
    {
        var result = Assert.IsType<JsonObject>(MergePatch.Apply(JsonNode.Parse("""{"city":"Moscow","tags":["a"]}"""), JsonNode.Parse("""{"city":null}""")));

        Assert.False(result.ContainsKey("city"));
        Assert.True(result.ContainsKey("tags"));
    }

    [Fact]
    public void Null_member_for_an_absent_name_leaves_it_absent()
    {
        AssertJson("""{"a":1}""", MergePatch.Apply(JsonNode.Parse("""{"a":1}"""), JsonNode.Parse("""{"b":null}""")));
    }

    [Fact]
    public void Empty_patch_object_leaves_the_document_unchanged()
    {
        const string original = """{"a":1,"b":{"c":[1,2,3]},"d":null}""";

        AssertJson(original, MergePatch.Apply(JsonNode.Parse(original), JsonNode.Parse("{}")));
    }

    [Fact]
    public void Object_patch_on_a_missing_target_builds_a_new_object()
    {
        AssertJson("""{"a":{"b":1}}""", MergePatch.Apply(null, JsonNode.Parse("""{"a":{"b":1,"c":null}}""")));
    }

    [Fact]
    public void Nested_objects_merge_member_by_member_at_every_depth()
    {
        var original = JsonNode.Parse("""{"salary":{"amount":100000,"currency":"RUB"},"profile":{"a":{"x":1,"y":2}}}""");
        var patch = JsonNode.Parse("""{"salary":{"amount":150000},"profile":{"a":{"y":null,"z":3}}}""");

        AssertJson("""{"salary":{"amount":150000,"currency":"RUB"},"profile":{"a":{"x":1,"z":3}}}""", MergePatch.Apply(original, patch));
    }

    [Fact]
    public void Arrays_are_replaced_whole_not_merged()
    {
        AssertJson("""{"tags":["c"]}""", MergePatch.Apply(JsonNode.Parse("""{"tags":["a","b"]}"""), JsonNode.Parse("""{"tags":["c"]}""")));
    }

    [Fact]
    public void Same_patch_can_be_applied_to_several_documents_and_is_not_changed()
    {
        const string patchText = """{"a":{"b":[1,2]},"c":"d","e":null}""";
        var patch = JsonNode.Parse(patchText);

        var first = MergePatch.Apply(JsonNode.Parse("""{"e":1}"""), patch);
        var second = MergePatch.Apply(JsonNode.Parse("""{"x":true}"""), patch);

        AssertJson("""{"a":{"b":[1,2]},"c":"d"}""", first);
        AssertJson("""{"x":true,"a":{"b":[1,2]},"c":"d"}""", second);
        AssertJson(patchText, patch);
    }

    [Fact]
    public void Result_does_not_share_nodes_with_the_patch()
    {
        var patch = JsonNode.Parse("""{"tags":["a"]}""")!;

        var result = MergePatch.Apply(JsonNode.Parse("{}"), patch)!;
        result["tags"]!.AsArray().Add("b");

        AssertJson("""{"tags":["a"]}""", patch);
        AssertJson("""{"tags":["a","b"]}""", result);
    }

    [Fact]
    public void Unknown_members_are_the_patch_names_missing_from_the_known_object()
    {
        var patch = JsonNode.Parse("""{"city":"Kazan","colour":"red","shoeSize":null}""")!.AsObject();
        var known = JsonNode.Parse("""{"city":null,"surname":"Petrov"}""")!.AsObject();

        Assert.Equal(["colour", "shoeSize"], MergePatch.UnknownMembers(patch, known));
    }

    [Fact]
    public void Unknown_members_are_none_when_every_patch_name_is_known()
    {
        var patch = JsonNode.Parse("""{"city":"Kazan"}""")!.AsObject();
        var known = JsonNode.Parse("""{"city":null,"surname":"Petrov"}""")!.AsObject();

        Assert.Empty(MergePatch.UnknownMembers(patch, known));
    }

    private static HttpRequest Request(string? contentType, string body)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }

    [Theory]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/merge-patch+json;charset=UTF-8")]
    public async Task Reading_accepts_merge_patch_and_plain_json_media_types(string contentType)
    {
        var (patch, error) = await MergePatch.ReadAsync(Request(contentType, """{"city":"Kazan","tags":null}"""), CancellationToken.None);

        Assert.Null(error);
        AssertJson("""{"city":"Kazan","tags":null}""", patch);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/json-patch+json")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Reading_reports_media_for_other_content_types(string? contentType)
    {
        var (patch, error) = await MergePatch.ReadAsync(Request(contentType, """{"city":"Kazan"}"""), CancellationToken.None);

        Assert.Null(patch);
        Assert.Equal("media", error);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task Reading_rejects_a_patch_that_is_not_an_object(string body)
    {
        var (patch, error) = await MergePatch.ReadAsync(Request("application/merge-patch+json", body), CancellationToken.None);

        Assert.Null(patch);
        Assert.Equal("The patch must be a JSON object.", error);
    }

    [Theory]
    [InlineData("{\"city\":", "The patch is not valid JSON (line 1,")]
    [InlineData("{\n  \"city\": Kazan\n}", "The patch is not valid JSON (line 2,")]
    [InlineData("", "The patch is not valid JSON (line 1,")]
    public async Task Reading_reports_invalid_json_with_its_line(string body, string errorStart)
    {
        var (patch, error) = await MergePatch.ReadAsync(Request("application/merge-patch+json", body), CancellationToken.None);

        Assert.Null(patch);
        Assert.NotNull(error);
        Assert.StartsWith(errorStart, error);
    }
}
