using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace WijPlatform.IntegrationTests.Notices;

/// <summary>What the notice tests share: the development sender's folder, waiting for one item, and a fact published again.</summary>
internal sealed class NoticeKit(StackFixture stack)
{
    private string Outbox => Path.Combine(stack.Host.StateDirectory, "notices", "outbox");

    /// <summary>The messages the development sender wrote to <paramref name="address"/> (an email address or a phone number) by <paramref name="channel"/>.</summary>
    public List<string> MessagesTo(string address, string channel = "email") =>
        Directory.Exists(Outbox)
            ? Directory.GetFiles(Outbox, $"*.{channel}.txt").Where(f => File.ReadLines(f).Any(line => line == $"To: {address}")).ToList()
            : [];

    /// <summary>Waits until exactly one item appears, then gives it a moment to become two if it would.</summary>
    public static async Task<T> EventuallySingleAsync<T>(Func<Task<List<T>>> items)
    {
        var found = await EventuallyAsync(async () => await items() is { Count: > 0 } list ? list : null);
        return Assert.Single(found);
    }

    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        T? value = null;
        await StackFixture.EventuallyAsync(async () => (value = await probe()) is not null, TimeSpan.FromSeconds(60));
        return value!;
    }

    /// <summary>The owning service's relay publishes sent messages again under their own ids, as after a crash before marking them sent.</summary>
    public async Task RepublishAsync(string database, string messageType, string field, Guid value, int messages = 1)
    {
        await using var connection = await stack.OpenDatabaseAsync(database);
        await using var reset = new NpgsqlCommand(
            "UPDATE outbox_messages SET sent_at = NULL WHERE message_type = $1 AND body->>$2 = $3", connection)
        {
            Parameters = { new() { Value = $"WijPlatform.Contracts.{messageType}, WijPlatform.Contracts" }, new() { Value = field }, new() { Value = value.ToString() } },
        };
        Assert.Equal(messages, await reset.ExecuteNonQueryAsync());
    }

    public async Task<long> DuplicatesSuppressedAsync()
    {
        using var operations = stack.Operator();
        var status = await operations.GetFromJsonAsync<JsonElement>("/api/notices/admin/messaging/outbox");
        return status.GetProperty("duplicatesSuppressed").GetInt64();
    }

    /// <summary>Publishes the owner's message again and waits until the notices service has dropped it as a duplicate.</summary>
    public async Task RepublishAndWaitAsync(string database, string messageType, string field, Guid value, int messages = 1)
    {
        var duplicates = await DuplicatesSuppressedAsync();
        await RepublishAsync(database, messageType, field, value, messages);
        await StackFixture.EventuallyAsync(async () => await DuplicatesSuppressedAsync() >= duplicates + messages, TimeSpan.FromSeconds(60));
    }
}
