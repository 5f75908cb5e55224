using System.Security.Claims;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// A volunteer reaches their own records only: their profile and tasks, their matches, the delivery
/// round they ride (claim <c>volunteer_id</c>). A record without an owner (a round nobody rides yet)
/// belongs to nobody. Staff admitted to the same endpoint (the coordinator, the café) reach all.
/// </summary>
public sealed class VolunteerScope : IBindableFromHttpContext<VolunteerScope>, IRecordScope
{
    public const string Refusal = "shared.other-volunteer";

    private VolunteerScope(bool everyone, Guid? volunteer) => (Everyone, Volunteer) = (everyone, volunteer);

    public static VolunteerScope Staff { get; } = new(true, null);

    public static VolunteerScope Nobody { get; } = new(false, null);

    public static string Kind => "volunteer";

    public bool Everyone { get; }

    /// <summary>The calling volunteer; null for staff and for a volunteer token without an id.</summary>
    public Guid? Volunteer { get; }

    /// <summary>True when the caller is a volunteer (seeing a volunteer's view of a record), not staff.</summary>
    public bool IsVolunteer => !Everyone;

    public static VolunteerScope Of(Guid volunteer) => new(false, volunteer);

    /// <summary>The record, if it is the caller's; another volunteer's, or nobody's, is refused.</summary>
    public Scoped<T> Check<T>(T? record, Func<T, Guid?> ownerOf)
        where T : class =>
        Scoped.Check(record, record is not null && Covers(ownerOf(record)), Refusal);

    /// <summary>Whether a record owned by <paramref name="owner"/> is the caller's; no owner is nobody's.</summary>
    public bool Covers(Guid? owner) => Everyone || (Volunteer is { } self && owner == self);

    public static VolunteerScope For(ClaimsPrincipal user, IReadOnlyCollection<string> admittedRoles)
    {
        if (admittedRoles.Any(role => role != WijRoles.Volunteer))
        {
            return Staff;
        }
        return admittedRoles.Contains(WijRoles.Volunteer) && user.VolunteerId() is { } self ? Of(self) : Nobody;
    }

    public static ValueTask<VolunteerScope?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<VolunteerScope?>(For(context.User, EndpointRoles.Admitted(context)));
}
