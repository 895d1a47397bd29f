using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using Ats.Api.Auth;
using Ats.Api.Candidates;
using Ats.Api.Data;
using Ats.Api.Deduplication;
using Ats.Api.Deduplication.Matching;
using Ats.Api.Tests.Deduplication.Matching;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Ats.Benchmarks;

/// <summary>
/// Deduplication through the product (issue 6): generated records (<see cref="SyntheticPeople"/>) are loaded into the
/// real schema (candidates, contacts, site records), the real service is started as a process, the batch scan runs
/// through <c>POST /admin/duplicates/scan</c> (load from PostgreSQL, scan, suggestions and blocking keys saved), and
/// then held-out records — another spelling of a person who is in the base — are checked one by one through
/// <c>POST /duplicates/check</c>: latency, and whether the right person is found.
/// </summary>
public static class DedupApiBenchmark
{
    public static async Task<int> RunAsync(int count, int checks)
    {
        var admin = Environment.GetEnvironmentVariable("ATS_BENCH_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            Console.Error.WriteLine("Set ATS_BENCH_POSTGRES.");
            return 1;
        }
        var data = new SyntheticPeople(seed: 11).Generate(Math.Max(1, (count + checks) * 10 / 28));
        // Hold out one record of people who have several: those are the job-site pages a recruiter checks.
        var heldOut = data.Records.GroupBy(r => r.PersonId).Where(g => g.Count() >= 2).Take(checks).Select(g => g.Last()).ToHashSet();
        var loaded = data.Records.Where(r => !heldOut.Contains(r)).Take(count).ToList();
        var ids = loaded.Select(_ => Guid.CreateVersion7()).ToList();
        var personOf = ids.Select((id, i) => (id, loaded[i].PersonId)).ToDictionary(x => x.id, x => x.PersonId);

        var database = $"ats_bench_dedup_{count}";
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", c).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", c).ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = database, CommandTimeout = 0 }.ConnectionString;
        var options = new DbContextOptionsBuilder<AtsDbContext>();
        DatabaseSetup.Configure(options, cs);
        string adminKey;
        string recruiterKey;
        await using (var db = new AtsDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
            adminKey = (await new ApiKeyService(db, TimeProvider.System).IssueAsync("bench-admin", Role.Admin, "bench", CancellationToken.None)).Secret;
            recruiterKey = (await new ApiKeyService(db, TimeProvider.System).IssueAsync("bench", Role.Recruiter, "bench", CancellationToken.None)).Secret;
        }
        var sw = Stopwatch.StartNew();
        await LoadAsync(cs, ids, loaded.Select(r => r.Record).ToList());
        Console.WriteLine($"# Deduplication through the service — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, "
            + $"{loaded.Count:N0} candidates of {loaded.Select(r => r.PersonId).Distinct().Count():N0} people");
        Console.WriteLine($"Loaded into the real schema in {sw.Elapsed.TotalSeconds:0} s.");

        await using var service = await ServiceProcess.StartAsync(cs, adminKey, count);
        Console.WriteLine($"Service start + search index rebuild: {service.Started.TotalSeconds:0} s.");
        var http = service.Http;

        // Batch scan of the whole base.
        sw.Restart();
        (await http.PostAsync("/admin/duplicates/scan?rewriteKeys=true", null)).EnsureSuccessStatusCode();
        BatchScanReport report;
        while (true)
        {
            await Task.Delay(1000);
            report = (await http.GetFromJsonAsync<DeduplicationStatus>("/admin/duplicates/status", ServiceProcess.Json))!.LastScan;
            if (report.State is "finished" or "failed")
            {
                break;
            }
        }
        var wall = sw.Elapsed;
        if (report.State != "finished")
        {
            Console.Error.WriteLine("Batch scan failed: " + report.Error);
            return 1;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Batch scan: {wall.TotalSeconds:0} s wall — read from PostgreSQL {report.LoadSeconds:0.0} s, scan {report.ScanSeconds:0.0} s "
            + $"({report.ComparedPairs:N0} pairs scored, {report.Keys:N0} keys), saved {report.Suggestions:N0} suggestions and {report.KeysWritten:N0} keys "
            + $"in {report.SaveSeconds:0.0} s; {report.Clusters:N0} clusters. Service peak memory {service.PeakMemory()}."));

        // Single checks: another spelling of a known person, as a recruiter sees it on a job site.
        http.DefaultRequestHeaders.Remove("X-Api-Key");
        http.DefaultRequestHeaders.Add("X-Api-Key", recruiterKey);
        var latencies = new List<double>();
        var found = 0;
        var known = 0;
        foreach (var probe in heldOut)
        {
            var r = probe.Record;
            var body = new DuplicateCheckRequest(null, null, r.ProfileLinks.FirstOrDefault(), r.NameText, r.BirthDate?.ToString(), r.City,
                [.. r.Phones], [.. r.Emails]);
            for (var round = 0; round < 2; round++)
            {
                sw.Restart();
                var response = await http.PostAsJsonAsync("/duplicates/check", body, ServiceProcess.Json);
                var answer = await response.Content.ReadFromJsonAsync<DuplicateCheckResponse>(ServiceProcess.Json);
                if (round == 0)
                {
                    continue; // first call warms caches for this name; the second is measured
                }
                latencies.Add(sw.Elapsed.TotalMilliseconds);
                if (loaded.Any(l => l.PersonId == probe.PersonId))
                {
                    known++;
                    if (answer!.Matches.Any(m => personOf.TryGetValue(m.CandidateId, out var p) && p == probe.PersonId))
                    {
                        found++;
                    }
                }
            }
        }
        // The peer in the same run: reading one candidate by id through the same HTTP stack and key check — the floor
        // under any request on this machine at this moment.
        var floor = new List<double>();
        foreach (var id in ids.Take(latencies.Count))
        {
            for (var round = 0; round < 2; round++)
            {
                sw.Restart();
                var response = await http.GetAsync($"/candidates/{id}");
                await response.Content.ReadAsByteArrayAsync();
                if (round == 1)
                {
                    floor.Add(sw.Elapsed.TotalMilliseconds);
                }
            }
        }
        latencies.Sort();
        floor.Sort();
        static double P(List<double> values, int p) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(p / 100.0 * values.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Check before you pay, {latencies.Count} checks through HTTP: p50 {P(latencies, 50):0.0} ms, p95 {P(latencies, 95):0.0} ms, p99 {P(latencies, 99):0.0} ms; "
            + $"the person in the base was among the matches for {found} of {known} ({(known == 0 ? 0 : 100.0 * found / known):0.0} %)."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Peer in the same run, GET /candidates/{{id}}: p50 {P(floor, 50):0.0} ms, p95 {P(floor, 95):0.0} ms, p99 {P(floor, 99):0.0} ms; "
            + $"check / peer at p50 {P(latencies, 50) / P(floor, 50):0.0}×, at p99 {P(latencies, 99) / P(floor, 99):0.0}×."));
        return 0;
    }

    private static async Task LoadAsync(string cs, List<Guid> ids, List<PersonRecord> records)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        await using (var copy = await c.BeginBinaryImportAsync(
            "COPY candidates (id, surname, first_name, patronymic, display_name, birth_date, birth_date_precision, city, tags, status, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < records.Count; i++)
            {
                var r = records[i];
                await copy.StartRowAsync();
                await copy.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await Text(copy, Cut(r.Surname, CandidateProfile.NameMax));
                await Text(copy, Cut(r.FirstName, CandidateProfile.NameMax));
                await Text(copy, Cut(r.Patronymic, CandidateProfile.NameMax));
                await copy.WriteAsync(Cut(r.NameText, CandidateProfile.DisplayNameMax) is { Length: > 0 } name ? name : "—");
                if (r.BirthDate is { } birth)
                {
                    await copy.WriteAsync(birth.Value, NpgsqlDbType.Date);
                    await copy.WriteAsync(Ats.Api.Http.JsonEnum.ToText(birth.Precision));
                }
                else
                {
                    await copy.WriteNullAsync();
                    await copy.WriteNullAsync();
                }
                await Text(copy, r.City);
                await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync("active");
                await copy.WriteAsync(now.AddSeconds(i), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now.AddSeconds(i), NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await c.BeginBinaryImportAsync("COPY contacts (id, candidate_id, kind, raw, normalized, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < records.Count; i++)
            {
                var r = records[i];
                foreach (var (kind, value) in r.Phones.Select(p => ("phone", p)).Concat(r.Emails.Select(e => ("email", e))).Concat(r.ProfileLinks.Select(l => ("link", l))).Distinct())
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                    await copy.WriteAsync(kind);
                    await copy.WriteAsync(value);
                    await copy.WriteAsync(value);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                }
            }
            await copy.CompleteAsync();
        }
        // One résumé id on one site is one candidate (the API answers 409 to a second): the first keeps it.
        var taken = new HashSet<(SourceSite, string)>();
        await using (var copy = await c.BeginBinaryImportAsync("COPY source_records (id, candidate_id, site, external_id, received_at, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < records.Count; i++)
            {
                foreach (var ext in records[i].ExternalIds.Where(e => taken.Add((e.Site, e.Id))))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                    await copy.WriteAsync(Ats.Api.Http.JsonEnum.ToText(ext.Site));
                    await copy.WriteAsync(ext.Id);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                }
            }
            await copy.CompleteAsync();
        }
        await new NpgsqlCommand("ANALYZE", c).ExecuteNonQueryAsync();
    }

    private static string? Cut(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];

    private static Task Text(NpgsqlBinaryImporter copy, string? value) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, NpgsqlDbType.Text);
}

/// <summary>The real service started as a process on a free port, for benchmarks through HTTP.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    public static readonly System.Text.Json.JsonSerializerOptions Json = CreateJson();

    private readonly Process _process;
    private readonly string _indexPath;

    private ServiceProcess(Process process, string indexPath, HttpClient http, TimeSpan started)
    {
        _process = process;
        _indexPath = indexPath;
        Http = http;
        Started = started;
    }

    public HttpClient Http { get; }

    public TimeSpan Started { get; }

    /// <summary>Starts the service and waits until its search index holds <paramref name="expected"/> candidates.</summary>
    public static async Task<ServiceProcess> StartAsync(string connectionString, string key, int expected)
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var indexPath = Path.Combine(Path.GetTempPath(), "ats-bench-index-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(AtsDbContext).Assembly.Location);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ConnectionStrings__Ats"] = connectionString;
        start.Environment["Search__IndexPath"] = indexPath;
        start.Environment["Extraction__Workers"] = "0";
        start.Environment["Auth__BootstrapAdminKey"] = "false";
        start.Environment["Storage__LocalPath"] = Path.Combine(Path.GetTempPath(), "ats-bench-files");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        while (true)
        {
            try
            {
                var response = await http.GetAsync("/search?limit=1");
                if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<Ats.Api.Search.SearchResponse>(Json))!.Total >= expected)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (process.HasExited)
            {
                throw new InvalidOperationException("The service exited during start.");
            }
            await Task.Delay(500);
        }
        return new ServiceProcess(process, indexPath, http, clock.Elapsed);
    }

    public string PeakMemory() =>
        (File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM", StringComparison.Ordinal)) ?? "VmHWM: ?").Split(':')[1].Trim();

    public ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        _process.Dispose();
        Http.Dispose();
        if (Directory.Exists(_indexPath))
        {
            Directory.Delete(_indexPath, recursive: true);
        }
        return ValueTask.CompletedTask;
    }

    private static System.Text.Json.JsonSerializerOptions CreateJson()
    {
        var o = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        Ats.Api.Http.HttpPlumbing.Configure(o);
        o.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
        return o;
    }
}
