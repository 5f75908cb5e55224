using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace WijPlatform.UnitTests;

/// <summary>The topology every service declares must match the consumers the services really register.</summary>
public sealed class MessageRoutesTests
{
    private static readonly (string Queue, System.Reflection.Assembly Assembly)[] Services =
    [
        (MessageRoutes.Intake, typeof(WijPlatform.Intake.Model.HelpRequest).Assembly),
        (MessageRoutes.Calendar, typeof(WijPlatform.Calendar.Model.Activity).Assembly),
        (MessageRoutes.Matching, typeof(WijPlatform.Matching.Model.Volunteer).Assembly),
        (MessageRoutes.Cafe, typeof(WijPlatform.Cafe.Model.DailyMenu).Assembly),
        (MessageRoutes.Notices, typeof(WijPlatform.Notices.Model.Notice).Assembly),
    ];

    /// <summary>
    /// The messages each service's own start-up code (its AddApplicationServices, as Program.cs calls it)
    /// registers a consumer for: read from the service collection it builds, not from the classes that exist.
    /// </summary>
    private static IEnumerable<(string Queue, Type Message)> Consumed() =>
        from service in Services
        from consumer in Registered(service.Assembly)
        from contract in consumer.GetInterfaces()
        where contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IConsumer<>)
        select (service.Queue, contract.GetGenericArguments()[0]);

    private static List<Type> Registered(System.Reflection.Assembly service)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = "amqp://guest:guest@localhost:5672/",
            ["Messaging:FieldKeys:test"] = Convert.ToBase64String(new byte[32]),
        }.Concat(new[] { "intakedb", "calendardb", "matchingdb", "cafedb", "noticesdb" }.Select(db => KeyValuePair.Create($"ConnectionStrings:{db}", (string?)"Host=localhost;Database=none"))));
        var setup = service.GetType("Microsoft.Extensions.Hosting.Extensions", throwOnError: true)!
            .GetMethod("AddApplicationServices", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        setup.Invoke(null, [builder]);
        return builder.Services.Select(d => d.ServiceType)
            .Where(t => t.IsClass && !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
            .Distinct()
            .ToList();
    }

    [Fact]
    public void Every_service_registers_consumers()
    {
        Assert.All(Services, service => Assert.NotEmpty(Registered(service.Assembly)));
    }

    [Fact]
    public void Every_registered_consumer_is_routed()
    {
        foreach (var (queue, message) in Consumed())
        {
            Assert.True(MessageRoutes.Consumers.TryGetValue(message, out var queues) && queues.Contains(queue), $"{message.Name} is consumed by {queue} but not routed there");
        }
    }

    [Fact]
    public void Every_route_has_a_registered_consumer()
    {
        var consumed = Consumed().ToHashSet();
        foreach (var (message, queues) in MessageRoutes.Consumers)
        {
            Assert.All(queues, queue => Assert.Contains((queue, message), consumed));
        }
    }

    [Fact]
    public void Every_contract_is_a_namespaced_record_named_in_the_past_tense_or_as_a_request()
    {
        foreach (var type in typeof(MessageRoutes).Assembly.GetTypes().Where(t => t.IsClass && t != typeof(MessageRoutes) && !t.IsAbstract && !t.IsSubclassOf(typeof(Attribute)) && t.Namespace == "WijPlatform.Contracts"))
        {
            Assert.Matches("(ed|Requested|Unmatched)$", type.Name);
        }
    }
}
