using WijPlatform.Benchmarks;

// dotnet run -c Release --project bench/WijPlatform.Benchmarks -- matching [sizes...]
var mode = args.FirstOrDefault();
switch (mode)
{
    case "matching":
        var sizes = args.Skip(1).Select(int.Parse).DefaultIfEmpty().ToArray();
        MatchingBenchmark.Run(sizes is [0] ? [1_000, 10_000, 100_000] : sizes);
        return 0;
    default:
        Console.Error.WriteLine("usage: WijPlatform.Benchmarks matching [volunteers-and-requests ...]");
        return 2;
}
