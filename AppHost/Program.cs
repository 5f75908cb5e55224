using WijPlatform.Hosting;

if (args is ["token", ..])
{
    return TokenCommand.Run(args, AppHostOptions.Parse(args[1..]));
}

var builder = DistributedApplication.CreateBuilder(args);
var identity = builder.AddDevelopmentIdentity();

var postgres = builder.AddPostgres("postgres");
var intakeDb = postgres.AddDatabase("intakedb");
var calendarDb = postgres.AddDatabase("calendardb");
var matchingDb = postgres.AddDatabase("matchingdb");
var cafeDb = postgres.AddDatabase("cafedb");
var gatewayDb = postgres.AddDatabase("gatewaydb");

var messaging = builder.AddRabbitMQ("messaging");

var intake = builder.AddProject("intake", "services/Intake/Intake.csproj")
    .WithReference(intakeDb).WaitFor(intakeDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity);

var calendar = builder.AddProject("calendar", "services/Calendar/Calendar.csproj")
    .WithReference(calendarDb).WaitFor(calendarDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity);

var matching = builder.AddProject("matching", "services/Matching/Matching.csproj")
    .WithReference(matchingDb).WaitFor(matchingDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity);

var cafe = builder.AddProject("cafe", "services/Cafe/Cafe.csproj")
    .WithReference(cafeDb).WaitFor(cafeDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity);

builder.AddProject("gateway", "gateway/Gateway/Gateway.csproj", port: builder.Options.GatewayPort)
    .WithReference(identity).WithEnvironment(identity.GatewayEnvironment())
    .WithReference(gatewayDb).WaitFor(gatewayDb)
    .WithReference(intake).WaitFor(intake)
    .WithReference(calendar).WaitFor(calendar)
    .WithReference(matching).WaitFor(matching)
    .WithReference(cafe).WaitFor(cafe);

return await builder.Build().RunAsync();
