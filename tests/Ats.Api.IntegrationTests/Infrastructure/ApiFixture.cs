using System.Net.Http.Headers;
using Ats.Api.Auth;
using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.IntegrationTests.Infrastructure;

/// <summary>
/// One PostgreSQL database and one API host for the whole run. The real migrations are applied first, then
/// a key is issued per role. Tests make their own data and never depend on what other tests made.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly PostgresServer _postgres = new();
    private readonly Dictionary<Role, string> _keys = [];

    public CapturingLoggerProvider Logs { get; } = new();
    public S3Server S3 { get; } = new();
    public AtsApiFactory Factory { get; private set; } = null!;
    public string ConnectionString => _postgres.ConnectionString;

    public async Task InitializeAsync()
    {
        await _postgres.StartAsync();
        var options = new DbContextOptionsBuilder<AtsDbContext>();
        DatabaseSetup.Configure(options, _postgres.ConnectionString);
        await using (var db = new AtsDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }
        Factory = new AtsApiFactory(_postgres.ConnectionString, Logs, S3);
        foreach (var role in Enum.GetValues<Role>())
        {
            _keys[role] = await IssueKeyAsync($"test-{role}".ToLowerInvariant(), role);
        }
    }

    public async Task<string> IssueKeyAsync(string user, Role role)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().IssueAsync(user, role, "tests", CancellationToken.None);
        return issued.Secret;
    }

    public HttpClient Client(Role? role)
    {
        var client = Factory.CreateClient();
        if (role is { } r)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", _keys[r]);
        }
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public AtsDbContext NewDbContext()
    {
        var options = new DbContextOptionsBuilder<AtsDbContext>();
        DatabaseSetup.Configure(options, _postgres.ConnectionString);
        return new AtsDbContext(options.Options);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
