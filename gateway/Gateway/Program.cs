using Scalar.AspNetCore;
using WijPlatform.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapReverseProxy();
app.MapScalarApiReference("/scalar", options =>
{
    options.WithTitle("WijPlatform API");
    foreach (var service in Backends.Names)
    {
        options.AddDocument(service, $"WijPlatform {service}", $"/openapi/{service}.json");
    }
});

app.Run();

public partial class Program;
