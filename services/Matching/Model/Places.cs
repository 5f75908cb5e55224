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
    public Text? Refuse(bool asSupervisor, bool vogValid) =>
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

/// <summary>The texts about places: keys of matching's texts.json.</summary>
public static class PlaceTexts
{
    public static Text AllTaken(int total) => total == 1 ? new Text("matching.places.one-taken") : new Text("matching.places.all-taken", total);

    public const string NotSupervised = "matching.places.not-supervised";

    public const string SupervisorTaken = "matching.places.supervisor-taken";

    public const string SupervisorNeedsVog = "matching.places.supervisor-needs-vog";

    public const string LastPlaceForSupervisor = "matching.places.last-for-supervisor";

    public const string ParticipantsNeedSupervision = "matching.places.participants-need-supervision";

    public const string ResidentOrBusiness = "matching.places.resident-or-business";

    public const string NoSuchBusiness = "matching.places.no-such-business";
}
