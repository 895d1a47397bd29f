using Ats.Api.Auth;
using Ats.Api.Data;
using Ats.Api.Http;
using Microsoft.EntityFrameworkCore;

namespace Ats.Api.Cli;

/// <summary>
/// Operator commands run with the same configuration as the service:
/// <c>migrate</c>, <c>keys create --user NAME --role ROLE</c>, <c>keys list</c>, <c>keys revoke ID</c>.
/// </summary>
public static class AdminCommands
{
    private static readonly string[] Verbs = ["migrate", "keys"];

    /// <summary>Splits a command off the arguments so the host never sees it.</summary>
    public static string[]? Take(string[] args, out string[] hostArgs)
    {
        if (args.Length > 0 && Verbs.Contains(args[0]))
        {
            var end = Array.FindIndex(args, a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='));
            var command = end < 0 ? args : args[..end];
            hostArgs = end < 0 ? [] : args[end..];
            return command;
        }
        hostArgs = args;
        return null;
    }

    public static async Task<int> RunAsync(string[] command, IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var ct = CancellationToken.None;
        switch (command)
        {
            case ["migrate"]:
            {
                var db = sp.GetRequiredService<AtsDbContext>();
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                await db.Database.MigrateAsync(ct);
                Console.WriteLine(pending.Count == 0 ? "Database schema is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
                return 0;
            }
            case ["keys", "list"]:
            {
                var keys = await sp.GetRequiredService<AtsDbContext>().ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(ct);
                Console.WriteLine($"{"id",-36}  {"prefix",-12}  {"role",-10}  {"state",-8}  user");
                foreach (var k in keys)
                {
                    Console.WriteLine($"{k.Id,-36}  {k.KeyPrefix,-12}  {JsonEnum.ToText(k.Role),-10}  {(k.IsActive ? "active" : "revoked"),-8}  {k.UserName}");
                }
                return 0;
            }
            case ["keys", "create", .. var options]:
            {
                var user = Option(options, "--user");
                var roleText = Option(options, "--role");
                if (string.IsNullOrWhiteSpace(user) || !JsonEnum.TryParse<Role>(roleText, out var role))
                {
                    Console.Error.WriteLine($"Usage: keys create --user NAME --role ({string.Join('|', Enum.GetValues<Role>().Select(r => JsonEnum.ToText(r)))})");
                    return 2;
                }
                var issued = await sp.GetRequiredService<ApiKeyService>().IssueAsync(user, role, "cli", ct);
                Console.WriteLine($"Key {issued.Key.Id} for {issued.Key.UserName} ({JsonEnum.ToText(role)}). Shown once:");
                Console.WriteLine(issued.Secret);
                return 0;
            }
            case ["keys", "revoke", var idText] when Guid.TryParse(idText, out var id):
            {
                var db = sp.GetRequiredService<AtsDbContext>();
                var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct);
                if (key is null)
                {
                    Console.Error.WriteLine("No such key.");
                    return 1;
                }
                key.Revoke(sp.GetRequiredService<TimeProvider>().GetUtcNow(), "cli");
                await db.SaveChangesAsync(ct);
                Console.WriteLine($"Revoked {id}.");
                return 0;
            }
            default:
                Console.Error.WriteLine("Commands: migrate | keys list | keys create --user NAME --role ROLE | keys revoke ID");
                return 2;
        }
    }

    private static string? Option(string[] options, string name)
    {
        var i = Array.IndexOf(options, name);
        return i >= 0 && i + 1 < options.Length ? options[i + 1] : null;
    }
}
