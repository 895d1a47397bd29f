using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Options;

namespace Ats.Api.Data;

public sealed class DatabaseOptions
{
    /// <summary>Apply pending migrations when the service starts (docker-compose); otherwise run the <c>migrate</c> command first.</summary>
    public bool MigrateOnStart { get; set; }
}

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Ats";

    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration("Database");
        builder.Services.AddOptions<ConnectionStringCheck>()
            .Configure<IConfiguration>((o, config) => o.Ats = config.GetConnectionString(ConnectionStringName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddDbContext<AtsDbContext>((sp, options) =>
            Configure(options, sp.GetRequiredService<IOptions<ConnectionStringCheck>>().Value.Ats!));
        builder.Services.AddHostedService<DatabaseStartupCheck>();
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    internal sealed class ConnectionStringCheck
    {
        [Required(ErrorMessage = "No database connection string. Set ConnectionStrings__Ats (environment) or ConnectionStrings:Ats (appsettings), or start the service with infra/run.sh, which provisions a local PostgreSQL.")]
        public string? Ats { get; set; }
    }
}

/// <summary>Refuses to serve against a schema that is behind the code, with a message that says what to run.</summary>
internal sealed class DatabaseStartupCheck(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<DatabaseStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtsDbContext>();
        if (options.Value.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrations applied on start");
            return;
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database schema is behind this version: {pending.Count} migration(s) pending ({string.Join(", ", pending)}). " +
                "Run `dotnet Ats.Api.dll migrate` (infra/run.sh does it) or set Database__MigrateOnStart=true.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>For `dotnet ef migrations add`: no running service needed.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AtsDbContext>
{
    public AtsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AtsDbContext>();
        DatabaseSetup.Configure(options, Environment.GetEnvironmentVariable("ConnectionStrings__Ats") ?? "Host=127.0.0.1;Database=ats_design");
        return new AtsDbContext(options.Options);
    }
}
