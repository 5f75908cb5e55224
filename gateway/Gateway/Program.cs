using Scalar.AspNetCore;
using WijPlatform.Gateway;
using WijPlatform.Gateway.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewaySecurity();
builder.AddGateway();

var app = builder.Build();

app.UseServiceDefaults(beforeAuthentication: pipeline => pipeline.UseCors(), afterAuthentication: pipeline => pipeline.UseRateLimiter());
app.UseRequestTimeouts();

app.MapDefaultEndpoints();
app.MapApiKeysApi();
// A call the gateway turns away (no valid token) is an attempt on the services' data: it is audited
// in the gateway's own trail, with the path (ids, never a name) and the caller's address.
app.MapReverseProxy(ReadRetry.Pipeline).WithMetadata(new AuditedRecord("request"));
app.MapScalarApiReference("/scalar", options =>
{
    options.WithTitle("WijPlatform API");
    foreach (var service in Backends.Names)
    {
        options.AddDocument(service, $"WijPlatform {service}", $"/openapi/{service}.json");
    }
}).AllowAnonymous();

app.Run();

public partial class Program;
