namespace WijPlatform.Notices.Sending;

public sealed class SenderOptions
{
    /// <summary>How emails go: <c>folder</c> (each message a file) or <c>smtp</c>.</summary>
    public string Kind { get; set; } = "folder";

    /// <summary>How text messages go: <c>folder</c> (each message a file) or <c>gateway</c> (an HTTP SMS gateway).</summary>
    public string SmsKind { get; set; } = "folder";

    /// <summary>The SMS gateway's endpoint that takes one message as JSON (<c>gateway</c> only).</summary>
    public Uri? SmsGatewayUrl { get; set; }

    /// <summary>The platform's key at the SMS gateway, sent as a bearer token; a secret (user secrets, the deployment's secret store).</summary>
    public string? SmsGatewayApiKey { get; set; }

    /// <summary>The sender name the resident's phone shows (at most 11 letters or digits for most gateways).</summary>
    public string SmsFrom { get; set; } = "Steunpunt";

    /// <summary>Where the folder sender writes; the AppHost gives it a folder in the state folder.</summary>
    public string Folder { get; set; } = Path.Combine(Path.GetTempPath(), "wij-notices");

    public string From { get; set; } = "steunpunt@wijplatform.local";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool SmtpTls { get; set; } = true;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>How often the dispatcher looks for messages to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
