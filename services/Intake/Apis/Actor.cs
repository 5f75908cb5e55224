using WijPlatform.Intake.Model;

namespace WijPlatform.Intake.Apis;

/// <summary>
/// Who did it, for the timeline and the plan: the X-Actor header, which the service itself sets
/// from the verified token (ServiceDefaults' ActorHeader) over whatever a client sent.
/// </summary>
public static class Actor
{
    public const string Header = "X-Actor";

    public static string Name(string? header) =>
        string.IsNullOrWhiteSpace(header) ? Actors.Unknown : header.Trim() is var name && name.Length > 100 ? name[..100] : name;
}
