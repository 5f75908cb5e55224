using MassTransit;
using WijPlatform.Contracts;

namespace WijPlatform.UnitTests;

/// <summary>The topology every service declares must match the consumers the services really have.</summary>
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

    private static IEnumerable<(string Queue, Type Message)> Consumed() =>
        from service in Services
        from type in service.Assembly.GetTypes()
        where !type.IsAbstract
        from contract in type.GetInterfaces()
        where contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IConsumer<>)
        select (service.Queue, contract.GetGenericArguments()[0]);

    [Fact]
    public void Every_consumer_is_routed()
    {
        foreach (var (queue, message) in Consumed())
        {
            Assert.True(MessageRoutes.Consumers.TryGetValue(message, out var queues) && queues.Contains(queue), $"{message.Name} is consumed by {queue} but not routed there");
        }
    }

    [Fact]
    public void Every_route_has_a_consumer()
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
