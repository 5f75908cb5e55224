using Aspire.Hosting;

namespace WijPlatform.Hosting;

/// <summary>The AppHost's command line and environment: where state lives, which ports to use, what to print.</summary>
public sealed class AppHostOptions
{
    private static readonly string[] Flags = ["--fresh", "--dynamic-ports", "--quiet", "--no-dashboard", "--dashboard-login"];
    private static readonly string[] Settings = ["--state-dir", "--gateway-port", "--otlp-endpoint", "--environment", "--replicas"];

    public string StateDirectory { get; init; } = Path.Combine(RepositoryRoot.Find(), ".wij");

    public bool Fresh { get; init; }

    public int GatewayPort { get; init; } = 5100;

    /// <summary>Every port except the gateway's is taken from the free ones (tests, a second stack).</summary>
    public bool DynamicPorts { get; init; }

    /// <summary>Resource output goes only to the log files, not to the console.</summary>
    public bool Quiet { get; init; }

    /// <summary>No dashboard: services then export telemetry only to --otlp-endpoint, and record no spans without one.</summary>
    public bool NoDashboard { get; init; }

    /// <summary>The dashboard asks for the token the AppHost prints (a shared machine); off on a developer's own.</summary>
    public bool DashboardLogin { get; init; }

    public string Environment { get; init; } = "Development";

    /// <summary>Instances of each service behind the gateway (--replicas N); the gateway balances over them.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>A collector that receives the services' telemetry instead of the dashboard.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>The arguments that are not ours, for Aspire itself (--publisher manifest --output-path …).</summary>
    public string[] AspireArguments { get; init; } = [];

    public static AppHostOptions Parse(string[] args)
    {
        string? Value(string flag, string? environmentVariable)
        {
            var index = Array.IndexOf(args, flag);
            if (index >= 0 && index + 1 < args.Length)
            {
                return args[index + 1];
            }
            return environmentVariable is null ? null : System.Environment.GetEnvironmentVariable(environmentVariable);
        }
        bool Flag(string flag, string environmentVariable) =>
            args.Contains(flag) || System.Environment.GetEnvironmentVariable(environmentVariable) is "1" or "true";

        var state = Value("--state-dir", "WIJ_STATE_DIR");
        var gatewayPort = Value("--gateway-port", "WIJ_GATEWAY_PORT");
        var replicas = Value("--replicas", "WIJ_REPLICAS");
        var defaults = new AppHostOptions();
        return new AppHostOptions
        {
            Fresh = args.Contains("--fresh"),
            DynamicPorts = args.Contains("--dynamic-ports"),
            Quiet = args.Contains("--quiet"),
            NoDashboard = Flag("--no-dashboard", "WIJ_NO_DASHBOARD"),
            DashboardLogin = Flag("--dashboard-login", "WIJ_DASHBOARD_LOGIN"),
            OtlpEndpoint = Value("--otlp-endpoint", "WIJ_OTLP_ENDPOINT"),
            Environment = Value("--environment", "WIJ_ENVIRONMENT") ?? "Development",
            StateDirectory = state is null ? defaults.StateDirectory : Path.GetFullPath(state),
            GatewayPort = gatewayPort is null ? defaults.GatewayPort : int.Parse(gatewayPort, System.Globalization.CultureInfo.InvariantCulture),
            Replicas = replicas is null ? 1 : Math.Clamp(int.Parse(replicas, System.Globalization.CultureInfo.InvariantCulture), 1, 5),
            AspireArguments = [.. Unclaimed(args)],
        };
    }

    private static IEnumerable<string> Unclaimed(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (Settings.Contains(args[i]))
            {
                i++;
            }
            else if (!Flags.Contains(args[i]))
            {
                yield return args[i];
            }
        }
    }

    /// <summary>
    /// Aspire's own options: the arguments that are not ours, and defaults that anything set in the
    /// environment overrides. The dashboard listens on a fixed local address (18888, its OTLP
    /// receiver on 18889; free ones with --dynamic-ports), plain HTTP, without a login on a
    /// developer's machine (--dashboard-login asks for the token the AppHost prints).
    /// </summary>
    public DistributedApplicationOptions ToAspireOptions()
    {
        var defaults = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{PortFor("dashboard", 18888)}",
            ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{PortFor("otlp", 18889)}",
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
            ["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = DashboardLogin ? "false" : "true",
            // The AppHost would ask NuGet for a newer Aspire on every start.
            ["ASPIRE_VERSION_CHECK_DISABLED"] = "true",
            // On Ctrl+C or SIGTERM the AppHost exits only once every resource has stopped.
            ["DcpPublisher:WaitForResourceCleanup"] = "true",
            // Every call between the dashboard and the AppHost would be a line on the console.
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        var settings = defaults
            .Where(d => string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(d.Key.Replace(":", "__", StringComparison.Ordinal))))
            .Select(d => $"--{d.Key}={d.Value}");
        return new DistributedApplicationOptions { Args = [.. AspireArguments, .. settings], DisableDashboard = NoDashboard };
    }

    /// <summary>A resource's port: WIJ_PORT_NAME if set, a free one with --dynamic-ports, else the default.</summary>
    public int PortFor(string resourceName, int defaultPort)
    {
        var configured = System.Environment.GetEnvironmentVariable($"WIJ_PORT_{resourceName.ToUpperInvariant()}");
        if (int.TryParse(configured, out var port))
        {
            return port;
        }
        return DynamicPorts ? Ports.GetFree() : defaultPort;
    }
}

public static class RepositoryRoot
{
    /// <summary>The folder that holds WijPlatform.sln, found by walking up from the running program.</summary>
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, System.Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "WijPlatform.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("WijPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}

public static class BuildConfiguration
{
    /// <summary>The configuration the calling program was built in, so that it starts the AppHost of the same build.</summary>
    public static string Name =>
        System.Environment.GetEnvironmentVariable("WIJ_CONFIGURATION") ??
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
