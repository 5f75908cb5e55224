using WijPlatform.Benchmarks;

// ./wij bench matching [sizes...]              ranking at 1k, 10k and 100k volunteers and requests
// ./wij bench messaging [--rate 200] [--seconds 10] [--burst 5000]   the message path on the real stack
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "messaging";
int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}

switch (mode)
{
    case "matching":
        var sizes = args.Skip(1).Select(int.Parse).DefaultIfEmpty().ToArray();
        MatchingBenchmark.Run(sizes is [0] ? [1_000, 10_000, 100_000] : sizes);
        return 0;
    case "messaging":
        var figures = await MessagingBenchmark.RunAsync(Option("--rate", 200), TimeSpan.FromSeconds(Option("--seconds", 10)), Option("--burst", 5000));
        Console.WriteLine($"WijPlatform benchmark 'messaging', {DateTime.Now:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine("| group | figure | value | unit |");
        Console.WriteLine("|---|---|---:|---|");
        foreach (var figure in figures)
        {
            Console.WriteLine($"| {figure.Group} | {figure.Name} | {figure.Formatted} | {figure.Unit} |");
        }
        return 0;
    default:
        Console.Error.WriteLine("usage: WijPlatform.Benchmarks matching [sizes...] | messaging [--rate N] [--seconds N] [--burst N]");
        return 2;
}
