using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ats.Api.IntegrationTests.Infrastructure;

public sealed class AtsApiFactory(string connectionString, CapturingLoggerProvider logs) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Ats", connectionString);
        builder.UseSetting("Auth:BootstrapAdminKey", "false");
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.ConfigureLogging(logging =>
        {
            // Everything, including Debug and EF Core's command log, so the personal-data test sees all of it.
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter((_, _) => true);
            logging.AddProvider(logs);
        });
    }
}
