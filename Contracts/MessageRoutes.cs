namespace WijPlatform.Contracts;

/// <summary>
/// Which service queue consumes which message. Every service declares this whole topology when it
/// starts, so a message published before its consumer ever ran still lands in a durable queue
/// (RabbitMQ drops what it cannot route). A test checks it against the consumers services register.
/// </summary>
public static class MessageRoutes
{
    public const string Intake = "intake";
    public const string Calendar = "calendar";
    public const string Matching = "matching";
    public const string Cafe = "cafe";

    public static IReadOnlyDictionary<Type, string[]> Consumers { get; } = new Dictionary<Type, string[]>
    {
        [typeof(VolunteerRequested)] = [Matching],
        [typeof(DailyMealPublished)] = [Calendar],
        [typeof(DelivererAssigned)] = [Cafe],
        [typeof(ResidentErasureRequested)] = [Cafe],
    };
}
