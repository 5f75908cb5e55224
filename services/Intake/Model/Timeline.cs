namespace WijPlatform.Intake.Model;

/// <summary>One thing that happened on a case, with who did it ("system" for answers from other services).</summary>
public sealed record CaseEvent(long Seq, Guid CaseId, string Kind, string? Detail, string Actor, DateTime OccurredAt);

public static class Actors
{
    public const string System = "system";

    public const string Unknown = "unknown";
}
