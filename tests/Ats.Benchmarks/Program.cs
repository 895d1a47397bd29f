using Ats.Benchmarks;

// Benchmarks are measurements, not tests: run them by hand and record the output in BENCHMARKS.md.
//   dotnet run -c Release --project tests/Ats.Benchmarks -- pdf [rounds]
return args switch
{
    ["pdf", ..] => await PdfExtractionBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 5),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Ats.Benchmarks pdf [rounds]");
    return 2;
}
