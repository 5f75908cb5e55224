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

    [Fact]
    public void Our_flags_are_ours_and_the_rest_goes_to_Aspire()
    {
        var options = AppHostOptions.Parse(["--state-dir", "/tmp/wij-x", "--no-dashboard", "--publisher", "manifest", "--output-path", "m.json", "--quiet"]);
        Assert.True(options.NoDashboard);
        Assert.Equal(["--publisher", "manifest", "--output-path", "m.json"], options.AspireArguments);
    }

    [Fact]
    public void Aspire_gets_a_local_dashboard_without_login_and_waits_for_every_resource_to_stop()
    {
        var aspire = AppHostOptions.Parse(["--publisher", "manifest"]).ToAspireOptions();
        Assert.False(aspire.DisableDashboard);
        Assert.Contains("--publisher", aspire.Args!);
        if (Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
        {
            Assert.Contains("--ASPNETCORE_URLS=http://127.0.0.1:18888", aspire.Args!);
        }
        Assert.Contains("--DcpPublisher:WaitForResourceCleanup=true", aspire.Args!);
        Assert.Contains(aspire.Args!, a => a.StartsWith("--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=", StringComparison.Ordinal));
        Assert.Contains("--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=false", AppHostOptions.Parse(["--dashboard-login"]).ToAspireOptions().Args!);
    }
}
