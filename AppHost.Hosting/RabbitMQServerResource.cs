using System.Security.Cryptography;

namespace WijPlatform.Hosting;

/// <summary>
/// A RabbitMQ node run as an ordinary process with its own node name, ports, data folder and epmd
/// port, so several can run side by side (the stack, and a test run) and none outlives its owner.
/// </summary>
public sealed class RabbitMQServerResource : Resource, IResourceWithConnectionString
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string ControlScript = "/usr/lib/rabbitmq/bin/rabbitmqctl";
    private readonly string _directory;
    private readonly Action<string>? _console;
    private ManagedProcess? _process;

    public RabbitMQServerResource(string name, int port, string stateDirectory, Action<string>? console = null)
        : base(name)
    {
        Port = port;
        _console = console;
        _directory = Path.Combine(stateDirectory, name);
        LogPath = Path.Combine(stateDirectory, "logs", $"{name}.log");
        // Distribution and epmd ports are derived from the AMQP port so two nodes never share them.
        DistributionPort = port + 20000 <= 65535 ? port + 20000 : port - 20000;
        EpmdPort = DistributionPort + 1 <= 65535 ? DistributionPort + 1 : DistributionPort - 1;
        NodeName = $"wij{port}@localhost";
    }

    public int Port { get; }

    public int DistributionPort { get; }

    public int EpmdPort { get; }

    public string NodeName { get; }

    public override string LogPath { get; }

    public override int? ProcessId => _process?.Id;

    public override string Url => $"amqp://127.0.0.1:{Port}";

    public string UserName => "wij";

    public string Password { get; private set; } = "";

    public string ConnectionString => $"amqp://{UserName}:{Password}@127.0.0.1:{Port}/";

    /// <summary>What a service that talks to this broker needs besides its address: the key for personal fields in message bodies.</summary>
    public IReadOnlyDictionary<string, Func<string>> FieldKeyEnvironment() => MessageFieldKey.Environment(_directory);

    /// <summary>The AMQP address of a running stack's broker, from its state folder and the broker's URL (resources.json).</summary>
    public static Uri AddressFromState(string stateDirectory, Uri brokerUrl, string name = "messaging") =>
        new($"amqp://wij:{File.ReadAllText(Path.Combine(stateDirectory, name, "password")).Trim()}@{brokerUrl.Host}:{brokerUrl.Port}/");

    private Dictionary<string, string?> Environment => new()
    {
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_PORT"] = Port.ToString(),
        ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(),
        ["ERL_EPMD_PORT"] = EpmdPort.ToString(),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(_directory, "log"),
        ["RABBITMQ_LOGS"] = "-",
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_directory, "rabbitmq.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_directory, "enabled_plugins"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(_directory, "rabbitmq.pid"),
        ["HOME"] = Path.Combine(_directory, "home"),
    };

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(ServerScript))
        {
            throw Fail($"RabbitMQ is not installed ({ServerScript} is missing; run ./wij up, which installs rabbitmq-server)");
        }
        foreach (var port in new[] { Port, DistributionPort })
        {
            if (Ports.IsInUse(port))
            {
                throw Fail($"port {port} is already in use by another program");
            }
        }

        Directory.CreateDirectory(Path.Combine(_directory, "home"));
        Directory.CreateDirectory(Path.Combine(_directory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(_directory, "log"));
        var passwordFile = Path.Combine(_directory, "password");
        if (!File.Exists(passwordFile))
        {
            await File.WriteAllTextAsync(passwordFile, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), cancellationToken);
        }
        Password = (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();
        await File.WriteAllTextAsync(Path.Combine(_directory, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{Port}
            loopback_users = none
            default_user = {UserName}
            default_pass = {Password}
            log.console = true
            log.console.level = warning
            log.file = false
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_directory, "enabled_plugins"), "[].", cancellationToken);

        _process = ManagedProcess.Start(ServerScript, [], Environment, Name, LogPath, _console, _directory);
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        if (_process is { HasExited: true })
        {
            throw Fail($"the node exited with code {await _process.Exited}");
        }
        if (!await Ports.AcceptsConnectionsAsync(Port, cancellationToken))
        {
            return false;
        }
        var status = await CommandRunner.RunAsync(ControlScript, ["-n", NodeName, "await_startup", "--timeout", "5"], Environment, TimeSpan.FromSeconds(20), cancellationToken);
        return status.Succeeded;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(10));
            await _process.DisposeAsync();
            _process = null;
        }
        // epmd daemonizes and would outlive the node; stop the one that belongs to this node's port.
        await CommandRunner.RunAsync("epmd", ["-kill"], Environment, TimeSpan.FromSeconds(5), CancellationToken.None);
    }

    /// <summary>Kills the node without warning, as a crash would; used by fault tests.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            _process.Signal(PosixSignalNumber.Kill);
            await _process.Exited;
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Runs rabbitmqctl against this node (list queues, purge), for operators and tests.</summary>
    public Task<CommandResult> ControlAsync(params string[] arguments) =>
        CommandRunner.RunAsync(ControlScript, ["-n", NodeName, .. arguments], Environment, TimeSpan.FromSeconds(30));
}
