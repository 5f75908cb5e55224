namespace WijPlatform.Notices.Sending;

public sealed class SenderOptions
{
    /// <summary><c>folder</c> (each message a file) or <c>smtp</c>.</summary>
    public string Kind { get; set; } = "folder";

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
