using Microsoft.Extensions.Options;

namespace Ats.Api.Auth;

public sealed class AuthOptions
{
    /// <summary>Create and print an admin key on start when no active key exists.</summary>
    public bool BootstrapAdminKey { get; set; } = true;
}

/// <summary>
/// On first start with no keys, issues an admin key and prints it once to standard output — deliberately
/// not through the logger, so that the secret never reaches log storage.
/// </summary>
internal sealed class AdminKeyBootstrapper(IServiceScopeFactory scopes, IOptions<AuthOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.BootstrapAdminKey)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().BootstrapAdminAsync(cancellationToken);
        if (issued is not null)
        {
            Console.Out.WriteLine();
            Console.Out.WriteLine("==================================================================");
            Console.Out.WriteLine(" First start: an admin API key was created. It is shown only once.");
            Console.Out.WriteLine($" X-Api-Key: {issued.Secret}");
            Console.Out.WriteLine("==================================================================");
            Console.Out.WriteLine();
            await Console.Out.FlushAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
