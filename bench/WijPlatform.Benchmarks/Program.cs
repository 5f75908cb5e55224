using WijPlatform.Benchmarks;

// dotnet run --project bench/WijPlatform.Benchmarks -c Release -- [messaging] [--rate 200] [--seconds 10] [--burst 5000]
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "messaging";
int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}

var figures = mode switch
{
    "messaging" => await MessagingBenchmark.RunAsync(Option("--rate", 200), TimeSpan.FromSeconds(Option("--seconds", 10)), Option("--burst", 5000)),
    _ => throw new ArgumentException($"Unknown benchmark '{mode}'. Known: messaging."),
};

Console.WriteLine($"WijPlatform benchmark '{mode}', {DateTime.Now:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine("| group | figure | value | unit |");
Console.WriteLine("|---|---|---:|---|");
foreach (var figure in figures)
{
    Console.WriteLine($"| {figure.Group} | {figure.Name} | {figure.Formatted} | {figure.Unit} |");
}
