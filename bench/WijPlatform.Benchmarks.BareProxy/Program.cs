using Yarp.ReverseProxy.Configuration;

// A bare YARP hop in front of one service: no authentication, no rate limit, no audit, no health
// checks, no telemetry. Figure 1 puts our gateway beside it, so that what the gateway adds over
// what any team would put in front of its services is measured, not the cost of a hop as such.
// Usage: --urls http://127.0.0.1:PORT --destination http://127.0.0.1:INTAKE
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var destination = builder.Configuration["destination"] ?? throw new InvalidOperationException("--destination is required.");
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "backend", Match = new RouteMatch { Path = "{**catch-all}" } }],
    [new ClusterConfig { ClusterId = "backend", Destinations = new Dictionary<string, DestinationConfig> { ["backend"] = new() { Address = destination } } }]);

var app = builder.Build();
app.MapReverseProxy();
app.Run();
