using Scalar.AspNetCore;
using WijPlatform.Gateway;
using WijPlatform.Gateway.Apis;
using WijPlatform.Gateway.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewaySecurity();
builder.AddGateway();

var app = builder.Build();

app.UseServiceDefaults(beforeAuthentication: pipeline => pipeline.UseCors(), afterAuthentication: pipeline => pipeline.UseRateLimiter());
app.UseRequestTimeouts();

app.MapDefaultEndpoints();
app.MapApiKeysApi();
app.MapReverseProxy();
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
