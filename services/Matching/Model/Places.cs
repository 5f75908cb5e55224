namespace WijPlatform.Matching.Model;

/// <summary>
/// The places of a request ("glass to the bottle bank" needs three people): each holding match takes
/// one numbered place; the request is filled when every place is taken. Under supervision one place
/// is the supervisor's (a volunteer with a valid VOG), so the last free place waits for them.
/// </summary>
public sealed record Places(int Total, IReadOnlyCollection<int> Taken, bool Supervised, bool SupervisorTaken, int Settled)
{
    public int Free => Math.Max(0, Total - Taken.Count);

    /// <summary>The lowest free place number, or null when every place is taken.</summary>
    public int? Next => Enumerable.Range(1, Total).Cast<int?>().FirstOrDefault(p => !Taken.Contains(p!.Value));

    /// <summary>Why the volunteer cannot take a place (null when they can): all taken, or the supervisor's place and VOG.</summary>
    public string? Refuse(bool asSupervisor, bool vogValid) =>
        Free == 0 ? PlaceTexts.AllTaken(Total)
        : asSupervisor && !Supervised ? PlaceTexts.NotSupervised
        : asSupervisor && SupervisorTaken ? PlaceTexts.SupervisorTaken
        : asSupervisor && !vogValid ? PlaceTexts.SupervisorNeedsVog
        : !asSupervisor && Supervised && !SupervisorTaken && Free == 1 ? PlaceTexts.LastPlaceForSupervisor
        : null;

    /// <summary>The request's status once one more place is taken: proposed when that fills it, open while places are left.</summary>
    public string StatusAfterProposal => Free <= 1 ? RequestStatus.Proposed : RequestStatus.Open;

    /// <summary>The request's status as its places stand: open while a place is free, matched once every place is taken by an active match.</summary>
    public string Status => Free > 0 ? RequestStatus.Open : Settled >= Taken.Count ? RequestStatus.Matched : RequestStatus.Proposed;
}

/// <summary>The texts about places, in one place (to move to resource files).</summary>
public static class PlaceTexts
{
    public static string AllTaken(int total) => total == 1 ? "The request's one place is taken." : $"All {total} places of the request are taken.";

    public const string NotSupervised = "The request is not under supervision, so it has no supervisor's place.";

    public const string SupervisorTaken = "The request already has its supervisor.";

    public const string SupervisorNeedsVog = "A supervisor needs a valid certificate of conduct (VOG) on the day of the task.";

    public const string LastPlaceForSupervisor = "The last free place is the supervisor's: propose a volunteer with a valid VOG as supervisor first.";

    public const string ParticipantsNeedSupervision = "Day-activity participants come along under supervision: set supervised to true.";

    public const string ResidentOrBusiness = "A request is for a resident or for a business, not both.";

    public const string NoSuchBusiness = "There is no such business: a coordinator registers it first.";
}
