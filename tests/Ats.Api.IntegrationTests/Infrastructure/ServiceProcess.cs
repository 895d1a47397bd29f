using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ats.Api.IntegrationTests.Infrastructure;

/// <summary>The real service as a separate OS process, so a test can kill it (SIGKILL) and start it again.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    public Uri BaseAddress { get; }

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public static async Task<ServiceProcess> StartAsync(ApiFixture api, IDictionary<string, string> settings)
    {
        var port = FreePort();
        var dll = typeof(Program).Assembly.Location;
        var host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet"
            ? Environment.ProcessPath!
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__Ats"] = api.ConnectionString,
            ["Storage__S3__Endpoint"] = api.S3.Endpoint,
            ["Storage__S3__AccessKey"] = api.S3.AccessKey,
            ["Storage__S3__SecretKey"] = api.S3.SecretKey,
            ["Storage__S3__Bucket"] = api.S3.Bucket,
            ["Auth__BootstrapAdminKey"] = "false",
            ["Logging__Console__FormatterName"] = "simple",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (k, v) in settings)
        {
            env[k] = v;
        }
        foreach (var (k, v) in env)
        {
            start.Environment[k] = v;
        }
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited on start with code {process.ExitCode}.");
            }
            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet: probe again.
            }
            await Task.Delay(200);
        }
        await service.DisposeAsync();
        throw new InvalidOperationException("The service did not become ready within a minute.");
    }

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — what a crash or an OOM kill does.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
