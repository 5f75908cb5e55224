namespace WijPlatform.Notices.Webhooks;

/// <summary>A partner's callback as the administrator sees it (never its secret).</summary>
public sealed record PartnerWebhook(Guid Id, string Partner, string Url, string Status, DateTime RegisteredAt, string RegisteredBy, DateTime? ApprovedAt, string? ApprovedBy);

/// <summary>The registration's answer, the only time the partner sees the secret it verifies signatures with.</summary>
public sealed record RegisteredWebhook(PartnerWebhook Webhook, string Secret);

/// <summary>One status change on its way to a partner (of a signal or of a sign-up, as its type says), with where its attempts stand.</summary>
public sealed record WebhookDelivery(Guid Id, string Partner, string Type, Guid? SignalId, Guid? SignupId, string Status, DateTime ChangedAt, int Attempts, DateTime? NextAttemptAt,
    DateTime? DeliveredAt, DateTime? LastAttemptAt, int? LastStatusCode, string? LastError);

/// <summary>One attempt of a delivery: when, to which callback, and what came back.</summary>
public sealed record WebhookAttempt(Guid DeliveryId, int Attempt, Guid WebhookId, DateTime At, int? StatusCode, string? Error);

public static class WebhookStatuses
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Replaced = "replaced";
}

/// <summary>What the partner's system receives of a signal: only what it knows already, its signal and the new status.</summary>
public sealed record WebhookPayload(Guid Id, string Type, Guid SignalId, string Status, DateTime ChangedAt);

/// <summary>What the partner's system receives of a sign-up of its client: its sign-up, the activity and date, and the new status.</summary>
public sealed record SignupWebhookPayload(Guid Id, string Type, Guid SignupId, Guid ActivityId, DateOnly? OccurrenceDate, string Status, DateTime ChangedAt);

/// <summary>What a delivery is about, as its payload's <c>type</c> says.</summary>
public static class WebhookTypes
{
    public const string SignalStatusChanged = "signal.status-changed";
    public const string SignupStatusChanged = "signup.status-changed";
}
