using WijPlatform.Hosting;

if (args is ["token", ..])
{
    return TokenCommand.Run(args, AppHostOptions.Parse(args[1..]));
}

var options = AppHostOptions.Parse(args);
var builder = DistributedApplication.CreateBuilder(options.ToAspireOptions());
if (builder.UseStateFolder(options) is { } refusal)
{
    Console.Error.WriteLine(refusal);
    return 2;
}
builder.AddConsoleReport();

var identity = builder.AddDevelopmentIdentity();

var postgres = builder.AddLocalPostgres("postgres", options.PortFor("postgres", 5440));
var intakeDb = postgres.AddDatabase("intakedb");
var calendarDb = postgres.AddDatabase("calendardb");
var matchingDb = postgres.AddDatabase("matchingdb");
var cafeDb = postgres.AddDatabase("cafedb");
var noticesDb = postgres.AddDatabase("noticesdb");
var gatewayDb = postgres.AddDatabase("gatewaydb");

var epmd = builder.AddEpmd("epmd", options.PortFor("epmd", 25681));
var messaging = builder.AddLocalRabbitMQ("messaging", options.PortFor("messaging", 5680), epmd);

// The services start beside RabbitMQ, not after it: its node takes 15-17 s to boot on two cores,
// time in which a service builds its host, migrates its database and compiles its hot paths. Until
// the broker answers, the topology deployer and MassTransit retry, and the bus's health check keeps
// the service unhealthy, so the gateway and `./wij up` still wait for a stack that can carry messages.
var intake = builder.AddServiceInstances<Projects.Intake>("intake", options.PortFor("intake", 5101), options.Replicas, instance => instance
    .WithReference(intakeDb).WaitFor(intakeDb)
    .WithReference(messaging)
    .WithReference(identity));

var calendar = builder.AddServiceInstances<Projects.Calendar>("calendar", options.PortFor("calendar", 5102), options.Replicas, instance => instance
    .WithReference(calendarDb).WaitFor(calendarDb)
    .WithReference(messaging)
    .WithReference(identity));

var matching = builder.AddServiceInstances<Projects.Matching>("matching", options.PortFor("matching", 5103), options.Replicas, instance => instance
    .WithReference(matchingDb).WaitFor(matchingDb)
    .WithReference(messaging)
    .WithReference(identity));

var cafe = builder.AddServiceInstances<Projects.Cafe>("cafe", options.PortFor("cafe", 5104), options.Replicas, instance => instance
    .WithReference(cafeDb).WaitFor(cafeDb)
    .WithReference(messaging)
    .WithReference(identity));

// The development sender writes each email to a file here instead of a mail server.
var notices = builder.AddServiceInstances<Projects.Notices>("notices", options.PortFor("notices", 5105), options.Replicas, instance => instance
    .WithReference(noticesDb).WaitFor(noticesDb)
    .WithReference(messaging)
    .WithReference(identity)
    .WithEnvironment("Notices__Sender__Folder", Path.Combine(builder.StateFolder().Directory, "notices", "outbox")));

builder.AddService<Projects.Gateway>("gateway", options.GatewayPort)
    .WithReference(identity).WithGatewayTokens(identity)
    .WithReference(gatewayDb).WaitFor(gatewayDb)
    .WithReference(intake)
    .WithReference(calendar)
    .WithReference(matching)
    .WithReference(cafe)
    .WithReference(notices);

await builder.Build().RunAsync();
return Environment.ExitCode;
