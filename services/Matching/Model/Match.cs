using System.Text.Json;
using System.Text.Json.Serialization;

namespace WijPlatform.Matching.Model;

/// <summary>A volunteer and a request brought together, from the proposal to the end.</summary>
public sealed record Match(
    Guid Id,
    Guid RequestId,
    Guid VolunteerId,
    string Status,
    double Score,
    string ProposedBy,
    string? DeclinedBy,
    string? EndReason,
    string? Evaluation,
    DateTime ProposedAt,
    DateTime ChangedAt,
    decimal HoursLogged,
    DateTime? CheckedInAt = null,
    string? CheckInNotes = null,
    DateTime? AcceptedAt = null,
    [property: JsonIgnore] string? ReasonsJson = null,
    double? DistanceKm = null,
    int? Place = null,
    bool Supervisor = false)
{
    /// <summary>Why this volunteer was proposed, as the ranking said at the time (talent, distance, availability, load, VOG, ...).</summary>
    public IReadOnlyList<Reason> Reasons => ReasonsJson is null ? [] : JsonSerializer.Deserialize<Reason[]>(ReasonsJson, Kept) ?? [];

    /// <summary>What the match's own volunteer sees: not what the coordinator wrote about how it goes, nor the ranking.</summary>
    public Match SeenByVolunteer() => this with { Evaluation = null, CheckInNotes = null, ReasonsJson = null, DistanceKm = null };

    /// <summary>
    /// The reasons as kept with the match: worded in Dutch once, like the case file's timeline (the
    /// coordinator's file is Dutch, and what was said at the proposal stays as it was said).
    /// </summary>
    public static string ReasonsOf(IEnumerable<Reason> reasons, TextCatalogue catalogue) =>
        JsonSerializer.Serialize(reasons, InDutch.GetValue(catalogue, c => new JsonSerializerOptions(JsonSerializerOptions.Web) { Converters = { new TextJsonConverter(c, TextCatalogue.Dutch) } }));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TextCatalogue, JsonSerializerOptions> InDutch = [];

    /// <summary>Reads the reasons kept with a match (their words as kept).</summary>
    public static readonly JsonSerializerOptions Kept = new(JsonSerializerOptions.Web) { Converters = { TextJsonConverter.AsWritten } };

    /// <summary>After the first meeting (the first hours logged) the coordinator checks in with both sides, then evaluates.</summary>
    public bool CheckInDue => CheckIns.IsDue(Status, HoursLogged > 0, null, CheckedInAt, DateTime.MaxValue);
}

/// <summary>
/// After the first meeting of a match the coordinator calls both sides: does it click, is anything
/// needed? The prompt stays on the coordinator's list until the check-in is recorded. The first meeting
/// is the first logged hours, or the time of a one-off task once it has passed. Café rounds need none.
/// </summary>
public static class CheckIns
{
    public static bool IsDue(string status, bool hoursLogged, DateTime? oneOffAt, DateTime? checkedInAt, DateTime nowUtc) =>
        status == MatchStatus.Active && checkedInAt is null && (hoursLogged || oneOffAt is { } at && at <= nowUtc);
}

/// <summary>One line of the coordinator's check-in list: who, what, and since when it is due.</summary>
public sealed record PendingCheckIn(Guid MatchId, Guid RequestId, Guid VolunteerId, string VolunteerFirstName, string Talent, string? ResidentFirstName, DateTime FirstMeetingAt);

/// <summary>A certificate-of-conduct warning as the volunteer and the coordinator see it.</summary>
public sealed record VogWarning(Guid VolunteerId, string FirstName, DateOnly ExpiresOn, DateTime WarnedAt, Text Message);

/// <summary>
/// What a volunteer sees of a task: the task, the time, and what a visitor needs (first name, street and
/// house number, how to get in touch) when the resident consented to share them with a volunteer. Never the case.
/// For a job of several people: whether this volunteer supervises, how many day-activity participants come
/// along, and the business that asked (its name and contact person).
/// </summary>
public sealed record VolunteerTask(Guid MatchId, string Status, string Talent, string? FirstName, string? Street, string Postcode, DateTime? WantedAt, DayOfWeek? WeeklyDay, int? WeeklyStartMinute, int DurationMinutes,
    string? HouseNumber, string? Contact, int Places = 1, bool Supervisor = false, int Participants = 0, string? BusinessName = null, string? BusinessContactPerson = null);
