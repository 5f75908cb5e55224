using WijPlatform.Intake.Model;

namespace WijPlatform.Intake.Apis;

/// <summary>
/// Who did it, for the timeline and the plan. Until the gateway authenticates callers, the caller
/// names its user in the X-Actor header; afterwards this reads the authenticated user instead.
/// </summary>
public static class Actor
{
    public const string Header = "X-Actor";

    public static string Name(string? header) =>
        string.IsNullOrWhiteSpace(header) ? Actors.Unknown : header.Trim() is var name && name.Length > 100 ? name[..100] : name;
}
