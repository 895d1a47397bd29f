using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ats.Api.Auth;
using Ats.Api.Data;
using Ats.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ats.Api.IntegrationTests.Auth;

[Collection(ApiCollection.Name)]
public sealed class ApiKeyTests(ApiFixture api)
{
    private readonly HttpClient _admin = api.Client(Role.Admin);

    [Fact]
    public async Task Admin_issues_a_key_that_works_for_its_role_and_stops_working_once_revoked()
    {
        var created = await _admin.PostAsJsonAsync("/admin/keys", new { userName = "Мария (рекрутер)", role = "recruiter" });
        await created.ExpectAsync(HttpStatusCode.Created);
        var key = await created.ReadAsync<CreatedApiKeyResponse>();
        Assert.StartsWith("ats_", key.Secret);
        Assert.Equal(Role.Recruiter, key.Key.Role);

        var client = api.ClientWithKey(key.Secret);
        var candidate = await client.CreateCandidateAsync("Ключев");
        Assert.Equal("Мария (рекрутер)", candidate.CreatedBy);
        await (await client.GetAsync("/admin/keys")).ExpectAsync(HttpStatusCode.Forbidden);

        var listed = await _admin.GetFromJsonAsync<List<ApiKeyResponse>>("/admin/keys", ApiClientExtensions.Json);
        Assert.Contains(listed!, k => k.Id == key.Key.Id && k.KeyPrefix == key.Secret[..12]);

        await (await _admin.DeleteAsync($"/admin/keys/{key.Key.Id}")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/candidates")).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_a_hash_of_the_key_is_stored()
    {
        var secret = await api.IssueKeyAsync("hash-check", Role.Compliance);
        await using var db = api.NewDbContext();
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.UserName == "hash-check");
        Assert.Equal(ApiKeyService.Hash(secret), stored.KeyHash);
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM api_keys WHERE api_keys::text LIKE '%' || @s || '%'", connection);
        command.Parameters.AddWithValue("s", secret[4..]);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Key_creation_validates_role_and_user()
    {
        var response = await _admin.PostAsJsonAsync("/admin/keys", new { userName = "", role = "root" });
        Assert.Equal(["role", "userName"], (await response.ReadValidationErrorsAsync()).Keys.Order());
    }

    [Fact]
    public async Task Header_with_garbage_is_401_problem_details()
    {
        var client = api.Factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", new string('x', 5000));
        var response = await client.GetAsync("/candidates");
        await response.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task First_start_creates_exactly_one_admin_key_even_when_two_instances_race_and_none_later()
    {
        await using var server = new PostgresServer();
        await server.StartAsync();
        var options = new DbContextOptionsBuilder<AtsDbContext>();
        DatabaseSetup.Configure(options, server.ConnectionString);
        await using (var db = new AtsDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        async Task<IssuedKey?> Bootstrap()
        {
            await using var db = new AtsDbContext(options.Options);
            return await new ApiKeyService(db, TimeProvider.System).BootstrapAdminAsync(CancellationToken.None);
        }

        var results = await Task.WhenAll(Bootstrap(), Bootstrap(), Bootstrap());
        var issued = Assert.Single(results, r => r is not null);
        Assert.Equal(Role.Admin, issued!.Key.Role);
        Assert.Null(await Bootstrap());
        await using (var db = new AtsDbContext(options.Options))
        {
            Assert.Equal(1, await db.ApiKeys.CountAsync());
        }
    }

    [Fact]
    public async Task The_last_active_admin_key_cannot_be_revoked()
    {
        await using var db = api.NewDbContext();
        var admins = await db.ApiKeys.Where(k => k.Role == Role.Admin && k.RevokedAt == null).ToListAsync();
        var extra = await api.IssueKeyAsync("second-admin", Role.Admin);
        var second = api.ClientWithKey(extra);
        // Revoke every other admin key through the second one, then try to revoke the second itself.
        var fixtureAdmin = admins.Single(k => k.UserName == "test-admin");
        foreach (var other in admins.Where(k => k.Id != fixtureAdmin.Id))
        {
            await (await second.DeleteAsync($"/admin/keys/{other.Id}")).ExpectAsync(HttpStatusCode.OK);
        }
        await (await second.DeleteAsync($"/admin/keys/{fixtureAdmin.Id}")).ExpectAsync(HttpStatusCode.OK);
        try
        {
            var self = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.UserName == "second-admin");
            var response = await second.DeleteAsync($"/admin/keys/{self.Id}");
            await response.ExpectAsync(HttpStatusCode.Conflict);
        }
        finally
        {
            // Give the fixture's admin key back to the other tests.
            await using var restore = api.NewDbContext();
            await restore.Database.ExecuteSqlRawAsync("UPDATE api_keys SET revoked_at = NULL, revoked_by = NULL WHERE user_name = 'test-admin'");
        }
    }
}
