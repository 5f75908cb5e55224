using WijPlatform.Hosting;

namespace WijPlatform.UnitTests;

public sealed class AppHostOptionsTests
{
    [Fact]
    public void Flags_set_state_folder_gateway_port_and_fresh_start()
    {
        var options = AppHostOptions.Parse(["--state-dir", "/tmp/wij-x", "--gateway-port", "6100", "--fresh", "--quiet"]);
        Assert.Equal("/tmp/wij-x", options.StateDirectory);
        Assert.Equal(6100, options.GatewayPort);
        Assert.True(options.Fresh);
        Assert.True(options.Quiet);
        Assert.False(options.DynamicPorts);
    }

    [Fact]
    public void Without_flags_the_gateway_listens_on_5100_and_other_ports_are_fixed()
    {
        var options = AppHostOptions.Parse([]);
        Assert.Equal(5100, options.GatewayPort);
        Assert.Equal(5440, options.PortFor("postgres", 5440));
    }

    [Fact]
    public void Dynamic_ports_are_free_ports()
    {
        var options = AppHostOptions.Parse(["--dynamic-ports"]);
        var port = options.PortFor("intake", 5101);
        Assert.False(Ports.IsInUse(port));
    }
}
