using Ats.Benchmarks;

// Benchmarks are measurements, not tests: run them by hand and record the output in BENCHMARKS.md.
//   dotnet run -c Release --project tests/Ats.Benchmarks -- pdf [rounds]
//   ATS_BENCH_POSTGRES=... dotnet run -c Release --project tests/Ats.Benchmarks -- search 100000 [rounds]
//   ATS_BENCH_POSTGRES=... dotnet run -c Release --project tests/Ats.Benchmarks -- search-api 100000 [rounds]
//   dotnet run -c Release --project tests/Ats.Benchmarks -- search-queries 100000   (matches and a quick profile per query, Lucene only)
//   dotnet run -c Release --project tests/Ats.Benchmarks -- dedup 1000000 [maxBlock]
//   ATS_BENCH_POSTGRES=... dotnet run -c Release --project tests/Ats.Benchmarks -- dedup-api 1000000 [checks]
return args switch
{
    ["pdf", ..] => await PdfExtractionBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 5),
    ["search-api", var n, ..] => await ApiSearchBenchmark.RunAsync(int.Parse(n), args.Length > 2 ? int.Parse(args[2]) : 5),
    ["dedup-api", var n, ..] => await DedupApiBenchmark.RunAsync(int.Parse(n), args.Length > 2 ? int.Parse(args[2]) : 300),
    ["dedup", var n, ..] => DedupBenchmark.Run(int.Parse(n), args.Length > 2 ? int.Parse(args[2]) : 200),
    ["search-queries", var n, ..] => SearchBenchmark.QueryMatches(int.Parse(n)),
    ["profile-query", var path, var q, ..] => SearchBenchmark.ProfileQuery(path, q, args.Length > 3 && args[3].Length > 0 ? args[3] : null),
    ["force-merge", var path, var n] => SearchBenchmark.ForceMerge(path, int.Parse(n)),
    ["search", var n, ..] => await SearchBenchmark.RunAsync(int.Parse(n), args.Length > 2 ? int.Parse(args[2]) : 5),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Ats.Benchmarks pdf [rounds] | search COUNT [rounds] | search-api COUNT [rounds] | search-queries COUNT | dedup RECORDS [maxBlock] | dedup-api RECORDS [checks]");
    return 2;
}
