using System.Net;
using System.Text;
using Ats.Api.Auth;
using Ats.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace Ats.Api.IntegrationTests.Auth;

/// <summary>
/// Every endpoint the application maps × every role × no key. The table is the access policy written down:
/// an endpoint missing from it fails the test, so nobody adds an endpoint without deciding who may call it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RoleMatrixTests(ApiFixture api)
{
    private const string Anonymous = "anonymous";
    private static readonly Role[] Readers = [Role.Recruiter, Role.Compliance, Role.Admin];
    private static readonly Role[] Writers = [Role.Recruiter, Role.Admin];
    private static readonly Role[] Admins = [Role.Admin];
    private static readonly Role[] Auditors = [Role.Compliance, Role.Admin];

    private static readonly Dictionary<string, object> Matrix = new()
    {
        ["GET /health/live"] = Anonymous,
        ["GET /health/ready"] = Anonymous,
        ["GET /openapi/{documentName}.json"] = Anonymous,
        ["GET /scalar/{documentName?}"] = Anonymous,
        ["GET /scalar/scalar.js"] = Anonymous,
        ["GET /scalar/scalar.aspnetcore.js"] = Anonymous,
        ["GET /scalar/favicon.svg"] = Anonymous,

        ["GET /admin/keys/"] = Admins,
        ["POST /admin/keys/"] = Admins,
        ["DELETE /admin/keys/{id:guid}"] = Admins,

        ["POST /candidates/"] = Writers,
        ["GET /candidates/"] = Readers,
        ["GET /candidates/{id:guid}"] = Readers,
        ["PUT /candidates/{id:guid}"] = Writers,
        ["PATCH /candidates/{id:guid}"] = Writers,
        ["GET /candidates/{id:guid}/contacts"] = Readers,
        ["POST /candidates/{id:guid}/contacts"] = Writers,
        ["DELETE /candidates/{id:guid}/contacts/{contactId:guid}"] = Writers,
        ["GET /candidates/{id:guid}/sources"] = Readers,
        ["POST /candidates/{id:guid}/sources"] = Writers,
        ["GET /candidates/{id:guid}/notes"] = Readers,
        ["POST /candidates/{id:guid}/notes"] = Writers,

        ["POST /vacancies/"] = Writers,
        ["GET /vacancies/"] = Readers,
        ["GET /vacancies/{id:guid}"] = Readers,
        ["PUT /vacancies/{id:guid}"] = Writers,
        ["POST /vacancies/{id:guid}/close"] = Writers,
        ["POST /vacancies/{id:guid}/reopen"] = Writers,
        ["DELETE /vacancies/{id:guid}"] = Writers,

        ["POST /applications/"] = Writers,
        ["GET /applications/"] = Readers,
        ["GET /applications/{id:guid}"] = Readers,
        ["POST /applications/{id:guid}/stage"] = Writers,
        ["POST /applications/{id:guid}/outcome"] = Writers,
        ["POST /applications/{id:guid}/reopen"] = Writers,
        ["DELETE /applications/{id:guid}"] = Writers,

        ["POST /candidates/{id:guid}/files"] = Writers,
        ["GET /candidates/{id:guid}/files"] = Readers,
        ["GET /candidates/{id:guid}/files/{fileId:guid}"] = Readers,
        ["GET /candidates/{id:guid}/files/{fileId:guid}/content"] = Readers,
        ["GET /candidates/{id:guid}/files/{fileId:guid}/download-url"] = Readers,
        ["GET /candidates/{id:guid}/files/{fileId:guid}/text"] = Readers,
        ["POST /candidates/{id:guid}/files/{fileId:guid}/versions"] = Writers,
        ["POST /candidates/{id:guid}/files/{fileId:guid}/reextract"] = Writers,
        ["DELETE /candidates/{id:guid}/files/{fileId:guid}"] = Writers,
        ["GET /candidates/{id:guid}/contact-suggestions"] = Readers,
        ["POST /candidates/{id:guid}/contact-suggestions/{suggestionId:guid}/accept"] = Writers,
        ["POST /candidates/{id:guid}/contact-suggestions/{suggestionId:guid}/dismiss"] = Writers,
        ["GET /admin/files/consistency"] = Admins,
        ["POST /admin/files/sweep"] = Admins,

        ["GET /search/"] = Readers,
        ["GET /search/saved/"] = Readers,
        ["POST /duplicates/check"] = Readers,
        ["GET /duplicates/suggestions"] = Readers,
        ["GET /duplicates/suggestions/{id:guid}"] = Readers,
        ["GET /duplicates/clusters"] = Readers,
        ["POST /duplicates/suggestions/{id:guid}/merge"] = Writers,
        ["POST /duplicates/suggestions/{id:guid}/not-same"] = Writers,
        ["POST /candidates/{id:guid}/merge"] = Writers,
        ["GET /candidates/{id:guid}/merges"] = Readers,
        ["GET /candidates/{id:guid}/provenance"] = Readers,
        ["GET /merges/{id:guid}"] = Readers,
        ["POST /merges/{id:guid}/undo"] = Writers,
        ["POST /admin/duplicates/scan"] = Admins,
        ["GET /admin/duplicates/status"] = Admins,
        ["GET /audit/"] = Auditors,
        ["POST /search/saved/"] = Readers,
        ["POST /search/saved/{id:guid}/run"] = Readers,
        ["DELETE /search/saved/{id:guid}"] = Readers,
        ["GET /admin/search/status"] = Admins,
        ["POST /admin/search/rebuild"] = Admins,
    };

    private IReadOnlyList<(string Method, string Pattern)> MappedEndpoints()
    {
        var sources = api.Factory.Services.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText ?? "")))
            .Distinct()
            .ToList();
    }

    [Fact]
    public void Every_mapped_endpoint_has_a_row_in_the_access_matrix()
    {
        var mapped = MappedEndpoints().Select(e => $"{e.Method} {e.Pattern}").ToHashSet();
        var missing = mapped.Except(Matrix.Keys).Order().ToList();
        var stale = Matrix.Keys.Except(mapped).Order().ToList();
        Assert.True(missing.Count == 0, "Endpoints without a decision on who may call them: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows for endpoints that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Each_endpoint_answers_401_without_a_key_403_for_other_roles_and_lets_its_roles_through()
    {
        var failures = new List<string>();
        var anonymous = api.Client(null);
        var wrongKey = api.ClientWithKey("ats_this-key-does-not-exist");
        foreach (var (key, allowed) in Matrix.OrderBy(m => m.Key))
        {
            var method = key[..key.IndexOf(' ')];
            var pattern = key[(key.IndexOf(' ') + 1)..];
            if (allowed is string)
            {
                var response = await anonymous.SendAsync(Request(method, pattern));
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    failures.Add($"{key}: anonymous endpoint answered {(int)response.StatusCode}");
                }
                continue;
            }

            var roles = (Role[])allowed;
            await Expect(anonymous, HttpStatusCode.Unauthorized, "no key");
            await Expect(wrongKey, HttpStatusCode.Unauthorized, "unknown key");
            foreach (var role in Enum.GetValues<Role>())
            {
                var response = await api.Client(role).SendAsync(Request(method, pattern));
                var denied = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                if (roles.Contains(role) && denied)
                {
                    failures.Add($"{key}: {role} should be allowed, got {(int)response.StatusCode}");
                }
                else if (!roles.Contains(role) && response.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{key}: {role} should get 403, got {(int)response.StatusCode}");
                }
                else if (response.StatusCode == HttpStatusCode.InternalServerError)
                {
                    failures.Add($"{key}: {role} got 500 for an empty request");
                }
            }

            async Task Expect(HttpClient client, HttpStatusCode status, string who)
            {
                var response = await client.SendAsync(Request(method, pattern));
                if (response.StatusCode != status)
                {
                    failures.Add($"{key}: {who} should get {(int)status}, got {(int)response.StatusCode}");
                }
                else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{key}: {who} {(int)status} is not a ProblemDetails");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static HttpRequestMessage Request(string method, string pattern)
    {
        var path = pattern
            .Replace("{documentName}", "v1").Replace("{documentName?}", "v1")
            .Replace("{id:guid}", Guid.NewGuid().ToString()).Replace("{contactId:guid}", Guid.NewGuid().ToString())
            .Replace("{fileId:guid}", Guid.NewGuid().ToString()).Replace("{suggestionId:guid}", Guid.NewGuid().ToString());
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST" && (pattern.EndsWith("/files", StringComparison.Ordinal) || pattern.EndsWith("/versions", StringComparison.Ordinal)))
        {
            request.Content = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "x.txt" } };
        }
        else if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, method == "PATCH" ? "application/merge-patch+json" : "application/json");
        }
        return request;
    }
}
