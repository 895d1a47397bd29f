using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using Ats.Api.Auth;
using Ats.Api.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Ats.Benchmarks;

/// <summary>
/// Search through the real service: N synthetic candidates (with a résumé text each) are written into the real
/// schema, the service is started as its own process, builds its index from PostgreSQL on start (the rebuild is
/// timed), and the recruiter queries go through HTTP with an API key — key check, parsing, search, facets,
/// snippets and the PostgreSQL read of the page included.
/// Usage: ATS_BENCH_POSTGRES=… dotnet run -c Release --project tests/Ats.Benchmarks -- search-api 100000 [rounds]
/// </summary>
public static class ApiSearchBenchmark
{
    public static async Task<int> RunAsync(int count, int rounds)
    {
        var admin = Environment.GetEnvironmentVariable("ATS_BENCH_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            Console.Error.WriteLine("Set ATS_BENCH_POSTGRES.");
            return 1;
        }
        var root = FindRoot();
        var people = SyntheticCandidates.FromSharedTestData(root).Generate(count, seed: 42).ToList();
        var database = $"ats_bench_api_{count}";
        // ATS_BENCH_REUSE=1 keeps the database and the index of an earlier run with the same count (query work only).
        var reuse = Environment.GetEnvironmentVariable("ATS_BENCH_REUSE") == "1";
        var exists = false;
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            exists = reuse && await new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{database}'", c).ExecuteScalarAsync() is not null;
            if (!exists)
            {
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", c).ExecuteNonQueryAsync();
                await new NpgsqlCommand($"CREATE DATABASE {database}", c).ExecuteNonQueryAsync();
            }
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = database, CommandTimeout = 0 }.ConnectionString;
        var options = new DbContextOptionsBuilder<AtsDbContext>();
        DatabaseSetup.Configure(options, cs);
        string key;
        await using (var db = new AtsDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
            key = (await new ApiKeyService(db, TimeProvider.System).IssueAsync("bench", Role.Recruiter, "bench", CancellationToken.None)).Secret;
        }
        var sw = Stopwatch.StartNew();
        if (!exists)
        {
            await Load(cs, people);
        }
        Console.WriteLine($"# Search through the HTTP API — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {count:N0} candidates");
        Console.WriteLine($"Loaded into the real schema in {sw.Elapsed.TotalSeconds:0} s.");

        var port = FreePort();
        var dll = typeof(AtsDbContext).Assembly.Location;
        var indexPath = Path.Combine(Path.GetTempPath(), "ats-bench-api-index-" + (reuse ? count.ToString(CultureInfo.InvariantCulture) : Guid.NewGuid().ToString("N")));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ConnectionStrings__Ats"] = cs;
        start.Environment["Search__IndexPath"] = indexPath;
        start.Environment["Extraction__Workers"] = "0";
        start.Environment["Auth__BootstrapAdminKey"] = "false";
        start.Environment["Storage__LocalPath"] = Path.Combine(Path.GetTempPath(), "ats-bench-files");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        sw.Restart();
        using var service = Process.Start(start)!;
        _ = service.StandardOutput.ReadToEndAsync();
        _ = service.StandardError.ReadToEndAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        try
        {
            // The index is built from PostgreSQL on first start: wait until a match-all search sees everyone.
            while (true)
            {
                try
                {
                    var response = await http.GetAsync("/search?limit=1");
                    if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<Ats.Api.Search.SearchResponse>(Json()))!.Total >= count)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet: probe again.
                }
                if (service.HasExited)
                {
                    Console.Error.WriteLine("The service exited.");
                    return 1;
                }
                await Task.Delay(500);
            }
            Console.WriteLine($"Service start + index rebuild from PostgreSQL: {sw.Elapsed.TotalSeconds:0} s; index {DirSize(indexPath) / 1024 / 1024} MB.");

            var latencies = new List<double>();
            var phases = new Dictionary<string, List<double>>();
            // The peer, measured in the same run, interleaved: reading one candidate by id through the same HTTP path
            // (key check, one PostgreSQL query, JSON) — what any endpoint of this service costs at the least.
            var peer = new List<double>();
            var random = new Random(7);
            var queries = RecruiterQueries.For(people);
            var perQuery = Environment.GetEnvironmentVariable("ATS_BENCH_PER_QUERY") == "1";
            foreach (var (q, city) in queries)
            {
                var from = latencies.Count;
                for (var r = 0; r <= rounds; r++)
                {
                    var url = $"/search?q={Uri.EscapeDataString(q)}&limit=20" + (city is null ? "" : $"&city={Uri.EscapeDataString(city)}");
                    sw.Restart();
                    var response = await http.GetAsync(url);
                    await response.Content.ReadAsByteArrayAsync();
                    if (r > 0)
                    {
                        latencies.Add(sw.Elapsed.TotalMilliseconds);
                        var server = 0.0;
                        foreach (var part in response.Headers.TryGetValues("Server-Timing", out var t) ? string.Join(',', t).Split(',') : [])
                        {
                            var bits = part.Trim().Split(";dur=");
                            if (bits.Length == 2 && double.TryParse(bits[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                            {
                                (phases.TryGetValue(bits[0], out var list) ? list : phases[bits[0]] = []).Add(ms);
                                server += ms;
                            }
                        }
                        (phases.TryGetValue("outside search", out var rest) ? rest : phases["outside search"] = []).Add(sw.Elapsed.TotalMilliseconds - server);
                    }
                    response.EnsureSuccessStatusCode();
                    sw.Restart();
                    var one = await http.GetAsync($"/candidates/{people[random.Next(people.Count)].Id}");
                    await one.Content.ReadAsByteArrayAsync();
                    if (r > 0)
                    {
                        peer.Add(sw.Elapsed.TotalMilliseconds);
                    }
                    one.EnsureSuccessStatusCode();
                }
                if (perQuery)
                {
                    var mine = latencies[from..].Order().ToList();
                    var rank = phases["rank"][^rounds..].Order().ToList();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {mine[mine.Count / 2],7:0.0} ms (rank {rank[rank.Count / 2],7:0.0})  {q}{(city is null ? "" : " [" + city + "]")}"));
                }
            }
            var peak = File.ReadLines($"/proc/{service.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM", StringComparison.Ordinal)) ?? "VmHWM: ?";
            latencies.Sort();
            double P(int p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p / 100.0 * latencies.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{queries.Count} queries × {rounds} rounds through HTTP (matched fields, snippets, page read from PostgreSQL; no facets): " +
                $"p50 {P(50):0.0} ms, p95 {P(95):0.0} ms, p99 {P(99):0.0} ms, {latencies.Count / (latencies.Sum() / 1000):0} queries/s on one client thread. Service peak memory {peak.Split(':')[1].Trim()}."));
            peer.Sort();
            double Peer(int p) => peer[Math.Min(peer.Count - 1, (int)Math.Ceiling(p / 100.0 * peer.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Peer in the same run, GET /candidates/{{id}}: p50 {Peer(50):0.0} ms, p95 {Peer(95):0.0} ms, p99 {Peer(99):0.0} ms; search / peer at the median {P(50) / Peer(50):0.0}×, at p99 {P(99) / Peer(99):0.0}×."));
            // Server-Timing: where the service spent it; "outside search" is HTTP, the key check and JSON, seen from the client.
            foreach (var (phase, values) in phases)
            {
                values.Sort();
                double Q(int p) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(p / 100.0 * values.Count) - 1)];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {phase,-15} p50 {Q(50),7:0.00} ms  p95 {Q(95),7:0.00} ms  p99 {Q(99),7:0.00} ms  mean {values.Average(),7:0.00} ms"));
            }
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            if (!reuse)
            {
                Directory.Delete(indexPath, recursive: true);
            }
        }
        return 0;
    }

    private static async Task Load(string cs, List<SyntheticCandidate> people)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using (var copy = await c.BeginBinaryImportAsync(
            "COPY candidates (id, surname, first_name, patronymic, display_name, city, desired_position, tags, status, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in people)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.Surname);
                await copy.WriteAsync(p.FirstName);
                await copy.WriteAsync(p.Patronymic);
                await copy.WriteAsync($"{p.Surname} {p.FirstName} {p.Patronymic}");
                await copy.WriteAsync(p.City);
                await copy.WriteAsync(p.Position);
                await copy.WriteAsync(p.Tags, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync("active");
                await copy.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        var attachmentIds = people.Select(_ => Guid.NewGuid()).ToList();
        await using (var copy = await c.BeginBinaryImportAsync(
            "COPY attachments (id, candidate_id, kind, file_name, content_type, format, size_bytes, sha256, object_key, uploaded_at, uploaded_by, extraction_status, text_length, language) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < people.Count; i++)
            {
                var p = people[i];
                var sha = attachmentIds[i].ToString("N") + attachmentIds[i].ToString("N");
                await copy.StartRowAsync();
                await copy.WriteAsync(attachmentIds[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync("resume");
                await copy.WriteAsync("cv.txt");
                await copy.WriteAsync("text/plain");
                await copy.WriteAsync("txt");
                await copy.WriteAsync((long)p.ResumeText.Length, NpgsqlDbType.Bigint);
                await copy.WriteAsync(sha);
                await copy.WriteAsync($"candidates/{p.Id:N}/{sha}");
                await copy.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync("bench");
                await copy.WriteAsync("extracted");
                await copy.WriteAsync(p.ResumeText.Length, NpgsqlDbType.Integer);
                await copy.WriteAsync("ru");
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await c.BeginBinaryImportAsync("COPY attachment_texts (attachment_id, text) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < people.Count; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(attachmentIds[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync(people[i].ResumeText);
            }
            await copy.CompleteAsync();
        }
        await new NpgsqlCommand("ANALYZE", c).ExecuteNonQueryAsync();
    }

    private static System.Text.Json.JsonSerializerOptions Json()
    {
        var o = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        Ats.Api.Http.HttpPlumbing.Configure(o);
        o.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
        return o;
    }

    private static long DirSize(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    private static int FreePort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ats.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? ".";
    }
}
