using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>Starts the reader process for one file with a heap limit and a time limit, and reads its answer.</summary>
public sealed class ExtractionRunner(IOptions<ExtractionOptions> options, ILogger<ExtractionRunner> logger)
{
    /// <summary>The reader process could not be started at all; not the file's fault, so the job is retried.</summary>
    public sealed class ReaderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

    public async Task<ExtractionOutcome> RunAsync(string inputPath, FileFormat format, CancellationToken ct)
    {
        var o = options.Value;
        var output = inputPath + ".out.json";
        var start = new ProcessStartInfo
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var (fileName, prefix) = ProcessCommand();
        start.FileName = fileName;
        foreach (var arg in prefix)
        {
            start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add("extract");
        start.ArgumentList.Add(format.ToString());
        start.ArgumentList.Add(inputPath);
        start.ArgumentList.Add(output);
        start.Environment[ExtractCommand.LimitsVariable] = JsonSerializer.Serialize(o.Limits);
        start.Environment["DOTNET_GCHeapHardLimit"] = ((long)o.MemoryLimitMb * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0";
        // A short-lived reader starts fastest with the runtime's default tiering (no PGO, the usual call-counting
        // delay); the service counts calls from the start for its long-running search loops (Ats.Api.csproj).
        start.Environment["DOTNET_TieredCompilation"] = "1";
        start.Environment["DOTNET_TC_CallCountingDelayMs"] = "100";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ReaderUnavailableException("The reader process did not start.");
        }
        catch (Win32Exception e)
        {
            throw new ReaderUnavailableException("The reader process could not be started.", e);
        }
        using (process)
        {
            // Drain the pipes so a chatty reader cannot block on a full buffer.
            var stderr = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(o.Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                ct.ThrowIfCancellationRequested();
                return ExtractionOutcome.Failed(FailureReason.TimedOut, $"Stopped after {o.Timeout.TotalSeconds:0} s.");
            }
            try
            {
                if (process.ExitCode == 0 && File.Exists(output))
                {
                    var outcome = JsonSerializer.Deserialize<ExtractionOutcome>(await File.ReadAllTextAsync(output, ct));
                    if (outcome is not null)
                    {
                        return outcome;
                    }
                }
                var error = await stderr;
                var outOfMemory = error.Contains("OutOfMemory", StringComparison.Ordinal);
                var stackOverflow = error.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase);
                logger.LogWarning("Text reader for a {Format} file exited with code {ExitCode} (out of memory: {OutOfMemory}, stack overflow: {StackOverflow})",
                    format, process.ExitCode, outOfMemory, stackOverflow);
                return outOfMemory
                    ? ExtractionOutcome.Failed(FailureReason.TooLarge, $"Reading the file needed more than {o.MemoryLimitMb} MB of memory.")
                    : ExtractionOutcome.Failed(FailureReason.Corrupt, stackOverflow
                        ? "The file is built so deeply nested that the reader crashed on it (stack overflow)."
                        : $"The reader crashed on the file (exit code {process.ExitCode}).");
            }
            finally
            {
                File.Delete(output);
            }
        }
    }

    /// <summary>The same binary, started as the reader: through the dotnet host when we run as a dll, else directly.</summary>
    private static (string FileName, string[] Prefix) ProcessCommand()
    {
        var assembly = typeof(ExtractCommand).Assembly.Location;
        var processPath = Environment.ProcessPath ?? "dotnet";
        var host = Path.GetFileNameWithoutExtension(processPath) == "dotnet"
            ? processPath
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";
        return (host, [assembly]);
    }
}
