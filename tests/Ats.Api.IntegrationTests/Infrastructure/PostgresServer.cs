using Npgsql;
using Testcontainers.PostgreSql;

namespace Ats.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: ATS_TEST_POSTGRES (a connection string to a server where the user may
/// create databases — infra/test.sh sets it) if given; else a Testcontainers PostgreSQL where Docker answers;
/// else a failure that says what to do. Each test run gets a fresh database, dropped at the end.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private PostgreSqlContainer? _container;
    private string _adminConnectionString = "";

    public string ConnectionString { get; private set; } = "";

    public async Task StartAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("ATS_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            _adminConnectionString = fromEnvironment;
        }
        else
        {
            try
            {
                _container = new PostgreSqlBuilder("postgres:15").Build();
                await _container.StartAsync();
                _adminConnectionString = _container.GetConnectionString();
            }
            catch (Exception e)
            {
                throw new InvalidOperationException(
                    "No PostgreSQL for the integration tests: ATS_TEST_POSTGRES is not set and Docker is not available for Testcontainers " +
                    $"({e.GetType().Name}: {e.Message}). Run the tests with `bash infra/test.sh`, which provisions a local PostgreSQL, " +
                    "or set ATS_TEST_POSTGRES to a connection string of a server where the user may create databases.", e);
            }
        }

        var database = "ats_it_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = database, Pooling = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
            return;
        }
        if (ConnectionString.Length == 0)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
