namespace WijPlatform.Hosting;

/// <summary>The AppHost's command line and environment: where state lives and which ports to use.</summary>
public sealed class AppHostOptions
{
    public string StateDirectory { get; init; } = Path.Combine(RepositoryRoot.Find(), ".wij");

    public bool Fresh { get; init; }

    public int GatewayPort { get; init; } = 5100;

    /// <summary>Every port except the gateway's is taken from the free ones (tests, a second stack).</summary>
    public bool DynamicPorts { get; init; }

    /// <summary>Resource output goes only to the log files, not to the console.</summary>
    public bool Quiet { get; init; }

    public string Environment { get; init; } = "Development";

    public string? OtlpEndpoint { get; init; }

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

        var options = new AppHostOptions
        {
            Fresh = args.Contains("--fresh"),
            DynamicPorts = args.Contains("--dynamic-ports"),
            Quiet = args.Contains("--quiet"),
            OtlpEndpoint = Value("--otlp-endpoint", "OTEL_EXPORTER_OTLP_ENDPOINT"),
            Environment = Value("--environment", "WIJ_ENVIRONMENT") ?? "Development",
        };
        var state = Value("--state-dir", "WIJ_STATE_DIR");
        var gatewayPort = Value("--gateway-port", "WIJ_GATEWAY_PORT");
        return new AppHostOptions
        {
            Fresh = options.Fresh,
            DynamicPorts = options.DynamicPorts,
            Quiet = options.Quiet,
            OtlpEndpoint = options.OtlpEndpoint,
            Environment = options.Environment,
            StateDirectory = state is null ? options.StateDirectory : Path.GetFullPath(state),
            GatewayPort = gatewayPort is null ? options.GatewayPort : int.Parse(gatewayPort, System.Globalization.CultureInfo.InvariantCulture),
        };
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
